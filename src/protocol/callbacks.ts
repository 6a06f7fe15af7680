// The organisation's callbacks queue (issue 17): a callback promised during a call is the centre's, not
// the desk's. The server files it from the call's uploaded events; an operator claims it before calling,
// and of two claiming at once exactly one gets it.
import { z } from 'zod';

export const callbackIdSchema = z.string().min(1).max(200);

/** Who holds a callback now: the claimer, until the claim lapses. */
const claimSchema = z.object({
  personId: z.string(),
  name: z.string(),
  until: z.iso.datetime(),
});

export const centreCallbackSchema = z.object({
  id: callbackIdSchema,
  /** The call in which it was promised. */
  callId: z.string(),
  phone: z.string(),
  question: z.string(),
  callerName: z.string().nullable(),
  appealNumber: z.string().nullable(),
  deadline: z.iso.datetime(),
  outsideHours: z.boolean(),
  promisedAt: z.iso.datetime(),
  /** Held by someone (a live claim), or free to take. */
  claim: claimSchema.nullable(),
});
export type CentreCallback = z.infer<typeof centreCallbackSchema>;

export const callbackQueueSchema = z.object({
  callbacks: z.array(centreCallbackSchema),
  /** The server's time of the answer: the workstation measures "overdue" against its own clock. */
  at: z.iso.datetime(),
});

export const callbackParamsSchema = z.object({ id: callbackIdSchema });

/** Done: the call that kept the promise. */
export const callbackDoneSchema = z.object({ callId: z.string().min(1).max(100) });
