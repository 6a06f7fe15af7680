// Calls going up (issue 17): a workstation's batch of call events, grouped per call in order, and the
// server's answer per call. An event is known by its call and its place in the call (callId + seq), so a
// batch sent twice is stored once; the answer is what lets the workstation forget an event.
import { z } from 'zod';
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
      z.object({
        callId: callIdSchema,
        /** Consecutive events of the call, in order. */
        events: z.array(callEventSchema).min(1).max(MAX_BATCH_EVENTS),
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
  /** Every event sent for the call is held by the server now (`added` of them new): forget them. */
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
