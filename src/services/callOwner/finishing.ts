// The end of a call: its wrap-up stored with it, or, when storage cannot take it, its record as a file;
// and a stored call that cannot be resumed, closed.
// A lazy chunk, loaded when a call is finished (ownerEffects.finish), long after its greeting: the
// operator's first load does not carry it.
import type { Clock } from '../../calls/clock';
import { CallFencedError, reportStorageProblem, type AppDB, type CallRow } from '../../db';
import { finishCall } from '../../db/records';

export { closeUnrestorableCall } from '../../db/records';
import { summaryPatch, type LiveCall } from './ownerEffects';
import type { WrapUp } from './types';

export interface FinishDeps {
  db: AppDB | null;
  clock: Clock;
  /** Offers the call's record with this wrap-up as a file. */
  saveFile: (wrapUp: WrapUp) => void;
}

/** Stores the wrap-up with the call; a record storage cannot take goes to a file. */
export async function finishLiveCall(
  { db, clock, saveFile }: FinishDeps,
  call: LiveCall,
  wrapUp: WrapUp,
  inMemory: boolean,
): Promise<void> {
  const ctx = call.session.getSnapshot().context;
  const now = clock.now();
  const endedAt = ctx.end?.at ?? null;
  const outcome = wrapUp.outcome ?? ctx.outcome?.kind ?? null;
  const patch: Partial<CallRow> = {
    ...summaryPatch(ctx),
    outcome,
    endedAt: endedAt ?? now,
    finishedAt: now,
    afterCallMs: endedAt === null ? null : Math.max(0, now - endedAt),
    summary: wrapUp.summary,
    topic: wrapUp.topic,
    articlesUsed: wrapUp.articlesUsed,
    satisfaction: wrapUp.satisfaction,
    surveyOffered: wrapUp.surveyOffered,
    lastSeq: call.session.log().length - 1,
  };
  // Without a claimed epoch (the lease write failed: disk full) the store would refuse this tab as
  // fenced; the record goes to a file instead.
  if (db && call.epoch > 0) {
    try {
      await finishCall(db, {
        callId: call.callId,
        patch,
        epoch: call.epoch,
        callback: ctx.callback,
        fulfilled: call.callbackId && outcome !== null ? { callbackId: call.callbackId, at: now } : null,
        ...(inMemory ? { log: call.session.log(), row: call.row } : {}),
      });
      return;
    } catch (error) {
      if (error instanceof CallFencedError) throw error;
      reportStorageProblem(error);
    }
  }
  // Storage is gone for good: the file is the record.
  saveFile(wrapUp);
}
