// The live board's rows as the supervisor reads them at a moment (pure): holds soonest over their promise
// first with the time left, the calls in the board's order with how long at their stage, the transfers
// under way, the callbacks overdue and due within the hour. Times are the server's: the board says what
// its clock read, and the page's clock only moves it on.
import { callbacksDue, holdUrgency, lineOrder, type HoldUrgency } from '../../analytics/line';
import type { StageBucket } from '../../analytics';
import type { CentreCallback } from '../../protocol';
import type { Board } from '../../services/supervision/lineFeed';

export interface HoldRow {
  callId: string;
  operatorName: string;
  promisedMinutes: number;
  extension: boolean;
  /** Negative once the promise is over. */
  leftMs: number;
  urgency: HoldUrgency;
}

export interface CallOnLine {
  callId: string;
  operatorName: string;
  stage: StageBucket | null;
  inStageMs: number;
  onCallMs: number;
}

export interface CallbackDue {
  id: string;
  callerName: string | null;
  phone: string;
  deadline: number;
}

export interface LineRows {
  holds: HoldRow[];
  calls: CallOnLine[];
  transfers: CallOnLine[];
  callbacks: { overdue: CallbackDue[]; nextHour: CallbackDue[] } | null;
}

/**
 * The rows at `now` (the page's clock) for a board read when the page's clock said `readAt`: the
 * server's time then was `board.serverTime`, so the server's time now is that plus what passed since.
 */
export function lineRows(
  board: Board,
  callbacks: readonly CentreCallback[] | null,
  now: number,
  readAt: number,
): LineRows {
  const at = board.serverTime + Math.max(0, now - readAt);
  const calls = lineOrder(board.calls);
  const onLine = (c: Board['calls'][number]): CallOnLine => ({
    callId: c.callId,
    operatorName: c.operatorName,
    // The server names the stage as src/analytics/line.ts does.
    stage: c.stage as StageBucket | null,
    inStageMs: Math.max(0, at - c.stageSince),
    onCallMs: Math.max(0, at - c.startedAt),
  });
  return {
    holds: calls.flatMap((c) =>
      c.hold
        ? [
            {
              callId: c.callId,
              operatorName: c.operatorName,
              promisedMinutes: c.hold.promisedMinutes,
              extension: c.hold.extension,
              ...holdUrgency(c.hold.deadline, at),
            },
          ]
        : [],
    ),
    calls: calls.map(onLine),
    transfers: calls.filter((c) => c.transferring).map(onLine),
    callbacks:
      callbacks &&
      callbacksDue(
        callbacks.flatMap((c) => {
          const deadline = Date.parse(c.deadline);
          return Number.isFinite(deadline)
            ? [{ id: c.id, callerName: c.callerName, phone: c.phone, deadline }]
            : [];
        }),
        at,
      ),
  };
}
