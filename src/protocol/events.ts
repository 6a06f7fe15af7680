// News the server pushes to the workstations of one organisation (server-sent events on
// /api/v1/events): each event names what changed, so a workstation fetches only that.
import { z } from 'zod';

export const centreEventSchema = z.discriminatedUnion('kind', [
  /** A flow version was published (in force now, or scheduled): fetch /api/v1/flows. */
  z.object({
    kind: z.literal('flows'),
    flowId: z.string(),
    version: z.number().int(),
    effectiveAt: z.iso.datetime(),
  }),
  /** Calls moved on the line (events arrived): supervisors refetch /api/v1/supervision/board. */
  z.object({ kind: z.literal('board') }),
  /** The callbacks queue changed (filed, claimed, released, done): fetch /api/v1/callbacks. */
  z.object({ kind: z.literal('callbacks'), callbackId: z.string() }),
  /** A call was handed over to one colleague: only they fetch /api/v1/handovers/:id. */
  z.object({ kind: z.literal('handover'), handoverId: z.string(), recipientPersonId: z.string() }),
  /**
   * An operator's call lease was taken over by another device (POST /api/v1/calls/lease): the device
   * that held it stops making calls. Only that person's devices act on it.
   */
  z.object({ kind: z.literal('lease'), personId: z.string(), deviceId: z.string() }),
  /** A knowledge-base version was published: fetch /api/v1/kb. */
  z.object({ kind: z.literal('kb'), version: z.number().int() }),
]);
export type CentreEvent = z.infer<typeof centreEventSchema>;

/** How the server names the event in the stream (`event:` line) for each kind. */
export const SERVER_EVENT_NAMES = {
  flows: 'flows',
  board: 'board',
  callbacks: 'callbacks',
  handover: 'handover',
  kb: 'kb',
  lease: 'lease',
  signedOut: 'signedOut',
} as const;
