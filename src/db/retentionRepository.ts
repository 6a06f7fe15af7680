// Personal-data retention: after the set number of days, callers' names and phones are erased from call
// summaries, event payloads and finished callbacks; figures stay. Every erase is recorded in settings.
import type { CallRecordEvent } from '../calls/record';
import type { AppDB } from './db';

export const DEFAULT_RETENTION_DAYS = 90;
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;
const DAYS_KEY = 'retentionDays';
const LOG_KEY = 'retentionErasures';
const DAY_MS = 86_400_000;

/**
 * Stand-ins that still pass the engine's own validation, so an erased call replays along the same path;
 * analytics only asks whether a name was captured, never what it was.
 */
export const ERASED_NAME = 'Аноним';
export const ERASED_PHONE = '+79000000000';
const NAME_FIELDS = new Set(['callerName']);
const PHONE_FIELDS = new Set(['callerPhone']);

export interface ErasureRecord {
  at: number;
  /** Calls that started before this moment were erased. */
  before: number;
  days: number;
  calls: number;
  events: number;
  callbacks: number;
}

function validDays(value: unknown): value is number {
  return (
    Number.isInteger(value) && Number(value) >= RETENTION_MIN_DAYS && Number(value) <= RETENTION_MAX_DAYS
  );
}

export async function getRetentionDays(db: AppDB): Promise<number> {
  const value = (await db.settings.get(DAYS_KEY))?.value;
  return validDays(value) ? value : DEFAULT_RETENTION_DAYS;
}

/** False (and nothing stored) for a value outside 1…3650 whole days. */
export async function setRetentionDays(db: AppDB, days: number): Promise<boolean> {
  if (!validDays(days)) return false;
  await db.transaction('rw', db.settings, () => db.settings.put({ key: DAYS_KEY, value: days }));
  return true;
}

export async function listErasures(db: AppDB): Promise<ErasureRecord[]> {
  const value = (await db.settings.get(LOG_KEY))?.value;
  // Written only by eraseExpiredPersonalData below.
  return Array.isArray(value) ? (value as ErasureRecord[]) : [];
}

/** The event with the caller's name and phone replaced; null when it held none. */
function erasedEvent(r: CallRecordEvent): CallRecordEvent | null {
  const e = r.event;
  if (e.type === 'call.started' && e.start.callerPhone !== undefined && e.start.callerPhone !== ERASED_PHONE)
    return { ...r, event: { ...e, start: { ...e.start, callerPhone: ERASED_PHONE } } };
  if (e.type === 'operator.capture' && e.value.trim() !== '') {
    if (NAME_FIELDS.has(e.fieldId) && e.value !== ERASED_NAME)
      return { ...r, event: { ...e, value: ERASED_NAME } };
    if (PHONE_FIELDS.has(e.fieldId) && e.value !== ERASED_PHONE)
      return { ...r, event: { ...e, value: ERASED_PHONE } };
  }
  if (e.type === 'operator.callback' && e.phone !== undefined && e.phone !== ERASED_PHONE)
    return { ...r, event: { ...e, phone: ERASED_PHONE } };
  return null;
}

/**
 * Erases names and phones of finished calls that started more than `days` before `now`, in one
 * transaction, and records the erase when there was anything to erase. Open callbacks keep their phone: the promise is still owed.
 */
export async function eraseExpiredPersonalData(
  db: AppDB,
  now: number,
  days?: number,
): Promise<ErasureRecord> {
  const keep = days ?? (await getRetentionDays(db));
  const before = now - keep * DAY_MS;
  return db.transaction('rw', [db.calls, db.callEvents, db.callbacks, db.settings], async () => {
    const calls = await db.calls
      .where('startedAt')
      .below(before)
      .filter((c) => c.status === 'ended' && (c.callerName !== null || c.callerPhone !== null))
      .toArray();
    let events = 0;
    for (const call of calls) {
      const log = await db.callEvents.where('callId').equals(call.id).toArray();
      const changed = log.map(erasedEvent).filter((r) => r !== null);
      events += changed.length;
      await db.callEvents.bulkPut(changed);
      await db.calls.update(call.id, { callerName: null, callerNameKey: null, callerPhone: null });
    }
    const ids = new Set(calls.map((c) => c.id));
    const callbacks = await db.callbacks
      .filter((c) => c.status === 'done' && (ids.has(c.callId) || c.createdAt < before))
      .filter((c) => c.phone !== ERASED_PHONE || c.callerName !== null)
      .toArray();
    await db.callbacks.bulkPut(callbacks.map((c) => ({ ...c, phone: ERASED_PHONE, callerName: null })));
    const record: ErasureRecord = {
      at: now,
      before,
      days: keep,
      calls: calls.length,
      events,
      callbacks: callbacks.length,
    };
    if (record.calls + record.callbacks === 0) return record;
    const log = await listErasures(db);
    await db.settings.put({ key: LOG_KEY, value: [...log, record] });
    return record;
  });
}
