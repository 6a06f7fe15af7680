// Transfers that carry the call (issue 17): a handover offered to one colleague, read and accepted only
// by them; the shape of src/calls/handover.ts.
import { z } from 'zod';

export const handoverSchema = z.object({
  id: z.string(),
  fromCallId: z.string(),
  chainId: z.string(),
  recipientPersonId: z.string(),
  colleagueId: z.string(),
  caller: z.object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    person: z.enum(['citizen', 'business']).nullable(),
    care: z.array(z.string()),
  }),
  need: z.string(),
  notes: z.string(),
  transfers: z.number().int().min(1).max(2),
  at: z.number(),
  fromOperator: z.string(),
});
export type HandoverOffer = z.infer<typeof handoverSchema>;

export const handoverListSchema = z.object({ handovers: z.array(handoverSchema) });

export const handoverParamsSchema = z.object({ id: z.string().min(1).max(200) });

/** Accepted: the colleague's call that takes it on. */
export const handoverAcceptSchema = z.object({ callId: z.string().min(1).max(100) });
