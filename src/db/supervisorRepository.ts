// Reads for the supervisor workspace: call summaries with their logs and callbacks for a period, reduced
// to analytics facts. Read-only; one read transaction so a call's row and log always agree.
import { analyzeCall, type CallFacts } from '../analytics';
import type { FlowDefinition } from '../flows/types';
import type { AppDB } from './db';
import type { CallEventRow, CallRow } from './callsTables';

export interface SupervisedCall {
  row: CallRow;
  facts: CallFacts;
}

export type FlowLookup = (flowId: string, version: number) => FlowDefinition | null;

/** Every call that started in [from, to), newest first, with its figures. */
export async function loadSupervisedCalls(
  db: AppDB,
  period: { from: number; to: number },
  flowOf: FlowLookup,
): Promise<SupervisedCall[]> {
  const { rows, logs, callbacks } = await db.transaction(
    'r',
    [db.calls, db.callEvents, db.callbacks],
    async () => {
      const rows = await db.calls
        .where('startedAt')
        .between(period.from, period.to, true, false)
        .reverse()
        .toArray();
      const ids = rows.map((r) => r.id);
      const events = ids.length === 0 ? [] : await db.callEvents.where('callId').anyOf(ids).toArray();
      const callbacks = ids.length === 0 ? [] : await db.callbacks.where('callId').anyOf(ids).toArray();
      return { rows, logs: groupLogs(events), callbacks };
    },
  );
  const byCall = new Map(callbacks.map((c) => [c.callId, { deadline: c.deadline, doneAt: c.doneAt }]));
  return rows.map((row) => ({
    row,
    facts: analyzeCall(
      row,
      logs.get(row.id) ?? [],
      flowOf(row.flowId, row.flowVersion),
      byCall.get(row.id) ?? null,
    ),
  }));
}

function groupLogs(events: CallEventRow[]): Map<string, CallEventRow[]> {
  const logs = new Map<string, CallEventRow[]>();
  for (const e of events) {
    const log = logs.get(e.callId);
    if (log) log.push(e);
    else logs.set(e.callId, [e]);
  }
  for (const log of logs.values()) log.sort((a, b) => a.seq - b.seq);
  return logs;
}

/**
 * The ids of a period's calls: cheap to watch (no rows are copied), and re-read on any change to those
 * calls, since every stored event and every import updates its call's summary row.
 */
export async function periodCallIds(db: AppDB, period: { from: number; to: number }): Promise<string[]> {
  return db.calls.where('startedAt').between(period.from, period.to, true, false).primaryKeys();
}
