// Calls going up (issue 17): a workstation's batch of call events, grouped per call in order, and the
// server's answer per call. An event is known by its call and its place in the call (callId + seq), so a
// batch sent twice is stored once; the answer is what lets the workstation forget an event.
import { z } from 'zod';
import type { CallWrapUp } from '../analytics/fromLog';
import { OUTCOMES } from '../flows/types';
import { organisationIdSchema } from './organisation';

const callIdSchema = z.string().min(1).max(100);

/** One event of the call record (src/calls/record.ts) as the workstation stored it. */
export const callEventSchema = z.object({
  seq: z.number().int().min(0),
  at: z.number().int().min(0),
  callId: callIdSchema,
  flowId: z.string().min(1).max(200),
  flowVersion: z.number().int().min(0),
  // The engine's event: the server keeps it whole; its type names it for the supervisor's queries.
  event: z.looseObject({ type: z.string().min(1).max(100) }),
  after: z.object({ state: z.string().max(200), stepId: z.string().max(200) }),
});

export const MAX_BATCH_EVENTS = 200;

/** The longest wrap-up summary the server keeps (the workstation sends its first this many characters). */
export const MAX_WRAP_UP_SUMMARY = 10_000;
/** The most articles a wrap-up names on the server. */
export const MAX_WRAP_UP_ARTICLES = 100;

/**
 * What the operator filled in after the call (src/analytics/fromLog.ts CallWrapUp), sent once the call's
 * events before it are sent or in the same batch; a later save of the same call replaces it.
 */
export const callWrapUpSchema = z.object({
  savedAt: z.number().int().min(0).max(8.64e15),
  outcome: z.enum(OUTCOMES).nullable(),
  summary: z.string().max(MAX_WRAP_UP_SUMMARY),
  topic: z.string().min(1).max(200).nullable(),
  articlesUsed: z.array(z.string().min(1).max(200)).max(MAX_WRAP_UP_ARTICLES),
  satisfaction: z.number().int().min(1).max(5).nullable(),
  surveyOffered: z.boolean(),
  afterCallMs: z.number().int().min(0).max(8.64e15).nullable(),
}) satisfies z.ZodType<CallWrapUp>;
export type UploadedWrapUp = z.infer<typeof callWrapUpSchema>;

export const callEventBatchSchema = z.object({
  /** The organisation the workstation uploads for: a batch meant for another one is refused whole. */
  organisationId: organisationIdSchema,
  /**
   * The operator's lease this device holds (POST /api/v1/leases): a batch naming a lease taken over by
   * another device is refused (lease_lost) and kept aside. Absent: a workstation without leases yet.
   */
  lease: z.object({ deviceId: z.string().min(1).max(100), epoch: z.number().int().min(1) }).optional(),
  calls: z
    .array(
      z
        .object({
          callId: callIdSchema,
          /** Consecutive events of the call, in order (none when only the wrap-up goes up). */
          events: z.array(callEventSchema).max(MAX_BATCH_EVENTS),
          /** The call's wrap-up, stored after the events beside it. */
          wrapUp: callWrapUpSchema.optional(),
        })
        .refine((c) => c.events.length > 0 || c.wrapUp !== undefined, {
          message: 'a call sends events, a wrap-up or both',
          path: ['events'],
        }),
    )
    .min(1)
    .max(MAX_BATCH_EVENTS),
});
export type CallEventBatch = z.infer<typeof callEventBatchSchema>;

/** Why the server refused a call's events; it kept everything it had. */
export const CALL_REFUSALS = [
  'call_not_yours',
  'sequence_gap',
  'event_conflict',
  'unknown_flow_version',
  'lease_lost',
] as const;

export const callAckSchema = z.discriminatedUnion('status', [
  /**
   * Every event sent for the call is held by the server now (`added` of them new), and the wrap-up sent
   * with them (or a later one of the same call): forget them.
   */
  z.object({ callId: z.string(), status: z.literal('stored'), added: z.number().int() }),
  z.object({
    callId: z.string(),
    status: z.literal('refused'),
    code: z.enum(CALL_REFUSALS),
    message: z.string(),
  }),
]);
export type CallAck = z.infer<typeof callAckSchema>;

export const callEventAcksSchema = z.object({ calls: z.array(callAckSchema) });
export type CallEventAcks = z.infer<typeof callEventAcksSchema>;

/**
 * Calls imported from workstation files on a supervisor's workstation (issue 19), sent to the server: the
 * same calls and events as an upload, each filed under the organisation's operator the call names.
 */
export const callImportSchema = callEventBatchSchema.omit({ lease: true });
export type CallImport = z.infer<typeof callImportSchema>;

/** Why the server refused an imported call: an upload's reasons, or no operator of that name. */
export const IMPORT_REFUSALS = [...CALL_REFUSALS, 'operator_unknown'] as const;

export const callImportAcksSchema = z.object({
  calls: z.array(
    z.discriminatedUnion('status', [
      z.object({ callId: z.string(), status: z.literal('stored'), added: z.number().int() }),
      z.object({
        callId: z.string(),
        status: z.literal('refused'),
        code: z.enum(IMPORT_REFUSALS),
        message: z.string(),
      }),
    ]),
  ),
});

/** A device asks to hold the operator's one active call; `takeOver` takes it from another device. */
export const leaseRequestSchema = z.object({
  deviceId: z.string().min(1).max(100),
  takeOver: z.boolean().default(false),
});

export const leaseSchema = z.object({
  deviceId: z.string(),
  /** The fencing number: it grows at every take-over; events naming an older one are refused. */
  epoch: z.number().int(),
});
