// A workstation's outbox as it stands (PUT /api/v1/calls/outbox), sent when it changes in a way a
// supervisor should know: it became stuck (calls waiting, nothing moved for five minutes while the server
// answers) or moved again (issue 20).
import { z } from 'zod';

const MAX_COUNT = 2 ** 31 - 1;
const time = z.number().int().min(0).max(8.64e15);

export const outboxReportSchema = z.object({
  calls: z.number().int().min(0).max(MAX_COUNT),
  events: z.number().int().min(0).max(MAX_COUNT),
  /** When the oldest waiting event was stored (the device's clock); null: nothing waits. */
  oldestAt: time.nullable(),
  /** Since when nothing moved while the server answered (the device's clock); null: not stuck. */
  stuckSince: time.nullable(),
});
export type OutboxReport = z.infer<typeof outboxReportSchema>;
