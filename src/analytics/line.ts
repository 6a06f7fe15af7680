// Where a call going on stands, for the supervisor's live board: its stage and since when, the hold it is
// on against its promise, a transfer under way. Read from the log as recorded (the state after each
// event), like callFacts.ts, so the server needs nothing but the stored entries; `now` is the caller's.

import type { CallRecordEvent } from '../calls/record';
import type { FlowDefinition } from '../flows/types';
import { analyzeCall, summaryOfLog, type HoldFact, type StageBucket } from './callFacts';

export interface LiveCall {
  callId: string;
  operatorName: string;
  startedAt: number;
  /** Null when the step's stage is unknown (the flow version is not at hand). */
  stage: StageBucket | null;
  /** When the call entered the stage it is in. */
  stageSince: number;
  /** The promise of the hold the caller is on now. */
  hold: Pick<HoldFact, 'promisedMinutes' | 'startedAt' | 'deadline' | 'extension'> | null;
  transferring: boolean;
  /** When the last event was recorded. */
  lastAt: number;
}

function bucketOf(r: CallRecordEvent, flow: FlowDefinition | null): StageBucket | null {
  const { state, stepId } = r.after;
  if (state.startsWith('active.onHold')) return 'hold';
  if (state.startsWith('active.transferring')) return 'transfer';
  if (state.startsWith('active.farewell')) return 'farewell';
  return flow?.steps.find((s) => s.id === stepId)?.stage ?? null;
}

/** The call as the board shows it, or null when the log holds no start or the call has ended. */
export function liveCallOf(log: readonly CallRecordEvent[], flow: FlowDefinition | null): LiveCall | null {
  const first = log[0];
  const last = log.at(-1);
  if (!first || !last || first.event.type !== 'call.started') return null;
  if (last.after.state === 'ended') return null;
  const start = first.event.start;
  const summary = summaryOfLog(first, start, start.direction ?? flow?.direction ?? 'inbound');
  const facts = analyzeCall(summary, log, flow);
  const stage = bucketOf(last, flow);
  let stageSince = last.at;
  for (let i = log.length - 1; i >= 0; i--) {
    const r = log[i];
    if (!r || bucketOf(r, flow) !== stage) break;
    stageSince = r.at;
  }
  const open = last.after.state.startsWith('active.onHold')
    ? facts.holds.filter((h) => h.endedAt === null).at(-1)
    : undefined;
  return {
    callId: first.callId,
    operatorName: summary.operatorName,
    startedAt: first.at,
    stage,
    stageSince,
    hold: open
      ? {
          promisedMinutes: open.promisedMinutes,
          startedAt: open.startedAt,
          deadline: open.deadline,
          extension: open.extension,
        }
      : null,
    transferring: stage === 'transfer',
    lastAt: last.at,
  };
}
