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
  /** A knowledge-base version was published: fetch /api/v1/kb. */
  z.object({ kind: z.literal('kb'), version: z.number().int() }),
]);
export type CentreEvent = z.infer<typeof centreEventSchema>;

/** How the server names the event in the stream (`event:` line) for each kind. */
export const SERVER_EVENT_NAMES = { flows: 'flows', kb: 'kb', signedOut: 'signedOut' } as const;
