// Closing calls: the wrap-up stored with a call, and a call that cannot be resumed closed. Used only when
// a call is finished (or found unrestorable), by a lazy chunk; like the other modules only lazy code
// reads, it is public through db/records.ts rather than db/index.ts, so the first load does not carry it.
import type { CallbackTask, CallRecordEvent } from '../calls';
import { packEvents } from './callEventCodec';
import {
  callerNameKey,
  checkEpoch,
  eventsOf,
  markCallsChanged,
  newCallbackRow,
  outboxRows,
  wrapUpOutboxRow,
  type CallSummaryPatch,
} from './callsRepository';
import type { AppDB } from './db';
import type { CallRow } from './callsTables';

function withNameKey<T extends CallSummaryPatch>(patch: T): T & { callerNameKey?: string | null } {
  return 'callerName' in patch ? { ...patch, callerNameKey: callerNameKey(patch.callerName) } : patch;
}

export interface FinishedCall {
  callId: string;
  patch: Partial<CallRow>;
  epoch: number;
  /** A callback task made in the call (stored if missing). */
  callback: CallbackTask | null;
  /** The queue's task this call fulfilled, when the call ended with an outcome. */
  fulfilled: { callbackId: string; at: number } | null;
  /**
   * Every event of the call, when it went on in memory after a storage failure: stored now if the
   * storage came back (existing entries are left as they are).
   */
  log?: readonly CallRecordEvent[];
  row?: CallRow;
}

/**
 * Saves the wrap-up, closes the call and settles its callbacks in one transaction. Connected to a server,
 * the wrap-up is queued for it in the same transaction (after the call's events; a later save of the same
 * call takes the same place in the queue, so it replaces the earlier one).
 */
export async function finishCall(db: AppDB, done: FinishedCall): Promise<void> {
  // Events stored only now (the call went on in memory) are queued for the server with them.
  const savedAt = done.patch.finishedAt;
  const wrapUp = typeof savedAt === 'number' ? wrapUpOutboxRow(db, done.callId, savedAt) : null;
  const tables = [
    ...[db.calls, db.callEvents, db.callLease, db.callbacks, db.organisations, db.callChanges],
    ...(db.uploadAs ? [db.outbox] : []),
  ];
  await db.transaction('rw', tables, async () => {
    await checkEpoch(db, done.epoch);
    if (done.row && !(await db.calls.get(done.callId))) await db.calls.add(done.row);
    if (done.log) {
      const keys = await eventsOf(db, done.callId).primaryKeys();
      const storedSeqs = new Set(keys.map(([, seq]) => seq));
      const unstored = done.log.filter((r) => !storedSeqs.has(r.seq));
      const missing = packEvents(unstored);
      await db.callEvents.bulkAdd(missing.rows);
      await db.organisations.bulkPut(missing.organisations);
      const queued = outboxRows(db, unstored);
      if (queued.length > 0) await db.outbox.bulkPut(queued);
    }
    await db.calls.update(done.callId, withNameKey({ ...done.patch, status: 'ended' as const }));
    if (wrapUp) await db.outbox.put(wrapUp);
    await markCallsChanged(db, [done.callId]);
    if (done.callback && !(await db.callbacks.get(done.callback.id)))
      await db.callbacks.add(newCallbackRow(done.callback));
    if (done.fulfilled) {
      const task = await db.callbacks.get(done.fulfilled.callbackId);
      await db.callbacks.update(done.fulfilled.callbackId, {
        status: 'done',
        doneAt: done.fulfilled.at,
        doneByCallId: done.callId,
      });
      // The call that promised it now shows its callback kept.
      if (task) await markCallsChanged(db, [task.callId]);
    }
  });
}

/** A stored call that cannot be resumed (its flow version is gone): closed, its records kept. */
export async function closeUnrestorableCall(db: AppDB, callId: string): Promise<void> {
  await db.transaction('rw', [db.calls, db.callChanges], async () => {
    await db.calls.update(callId, { status: 'ended', endReason: 'restoreFailed' });
    await markCallsChanged(db, [callId]);
  });
}
