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

/**
 * The board's order: holds that run over their promise soonest first (one already over comes before one
 * still within it), then the other calls, the longest going first. The server lists the line this way
 * and the supervisor's board keeps it; it does not change with time, only the countdowns do.
 */
export function lineOrder<T extends Pick<LiveCall, 'startedAt'> & { hold: { deadline: number } | null }>(
  calls: readonly T[],
): T[] {
  return [...calls].sort(
    (a, b) => (a.hold?.deadline ?? Infinity) - (b.hold?.deadline ?? Infinity) || a.startedAt - b.startedAt,
  );
}

/** A hold's promise runs out within this time: the board marks it as about to run over. */
export const HOLD_SOON_MS = 60_000;

export type HoldUrgency = 'over' | 'soon' | 'within';

/** How a hold stands against its promise at `now`, and the time left (negative once over). */
export function holdUrgency(deadline: number, now: number): { urgency: HoldUrgency; leftMs: number } {
  const leftMs = deadline - now;
  return { urgency: leftMs < 0 ? 'over' : leftMs <= HOLD_SOON_MS ? 'soon' : 'within', leftMs };
}

/** A promised callback as the board counts it: due by `deadline`. */
export interface DueCallback {
  deadline: number;
}

/** The open callbacks past their deadline, and those due within the next hour, each soonest first. */
export function callbacksDue<T extends DueCallback>(
  callbacks: readonly T[],
  now: number,
): { overdue: T[]; nextHour: T[] } {
  const sorted = [...callbacks].sort((a, b) => a.deadline - b.deadline);
  return {
    overdue: sorted.filter((c) => c.deadline < now),
    nextHour: sorted.filter((c) => c.deadline >= now && c.deadline < now + 3_600_000),
  };
}
