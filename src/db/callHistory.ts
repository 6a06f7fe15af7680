// Reads of past calls for the operator's history and caller panels, and the watcher those screens use.
// Only lazy screens read them, through db/records.ts rather than db/index.ts, so the operator's first load
// does not carry them.
import { liveQuery } from 'dexie';
import { callerNameKey } from './callsRepository';
import type { CallRow } from './callsTables';
import type { AppDB } from './db';

/** Calls that started in [from, to), newest first. */
export async function listCallsBetween(db: AppDB, from: number, to: number): Promise<CallRow[]> {
  const rows = await db.calls.where('startedAt').between(from, to, true, false).toArray();
  return rows.reverse();
}

/** Earlier calls of the same phone, or else of the same name, newest first: only `limit` rows are read. */
export async function listCallsOfCaller(
  db: AppDB,
  caller: { phone?: string | null; name?: string | null },
  limit = 10,
): Promise<CallRow[]> {
  const key = caller.phone
    ? (['[callerPhone+startedAt]', caller.phone] as const)
    : (['[callerNameKey+startedAt]', callerNameKey(caller.name)] as const);
  if (key[1] === null) return [];
  return db.calls
    .where(key[0])
    .between([key[1], -Infinity], [key[1], Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

/** Runs a read of these repositories now and again after every change to what it read (any tab). */
export function watchQuery<T>(
  query: () => Promise<T>,
  listener: (value: T) => void,
  onError: (error: unknown) => void = () => {},
): () => void {
  const sub = liveQuery(query).subscribe({ next: listener, error: onError });
  return () => sub.unsubscribe();
}
