// The callbacks queue: tasks promised in calls, worked through by due time. A task is filed with the
// call event that promised it (callsRepository) and closed when its outbound call ends with an outcome.
import type { AppDB } from './db';
import type { CallbackAttemptResult, CallbackRow } from './callsTables';

/** Open callbacks, the soonest due first. */
export async function listOpenCallbacks(db: AppDB): Promise<CallbackRow[]> {
  const rows = await db.callbacks.orderBy('dueAt').toArray();
  return rows.filter((r) => r.status === 'open');
}

/** Open callbacks promised to this phone (or, without a phone, to this exact name). */
export async function listOpenCallbacksOfCaller(
  db: AppDB,
  caller: { phone?: string | null; name?: string | null },
): Promise<CallbackRow[]> {
  const name = caller.name?.trim().toLowerCase();
  const rows = caller.phone
    ? await db.callbacks.where('phone').equals(caller.phone).toArray()
    : name
      ? await db.callbacks.filter((r) => r.callerName?.trim().toLowerCase() === name).toArray()
      : [];
  return rows.filter((r) => r.status === 'open').sort((a, b) => a.dueAt - b.dueAt);
}

/** A failed try (no answer, busy, wrong number): recorded, and the task moved to its new due time. */
export async function recordCallbackAttempt(
  db: AppDB,
  id: string,
  attempt: { at: number; result: CallbackAttemptResult; dueAt: number },
): Promise<boolean> {
  return db.transaction('rw', db.callbacks, async () => {
    const row = await db.callbacks.get(id);
    if (!row || row.status !== 'open') return false;
    await db.callbacks.update(id, {
      attempts: [...row.attempts, { at: attempt.at, result: attempt.result }],
      dueAt: attempt.dueAt,
    });
    return true;
  });
}
