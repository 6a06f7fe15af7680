// Personal-data retention: after the set number of days, callers' names, phones and every free text of a
// call (captured values, handover summaries, reasons, the wrap-up summary) are erased; figures stay.
import { ERASED, ERASED_TEXT, erasedEvent, guessFieldKind } from '../analytics/erasure';
import { findField } from '../calls/capture';
import { eventsOf, markCallsChanged } from './callsRepository';
import type { AppDB } from './db';
import { flowTables, flowVersionsFor, type FlowLookup } from './flowCatalogue';
import type { CallbackRow, CallRow } from './callsTables';

export const DEFAULT_RETENTION_DAYS = 90;
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;
const DAYS_KEY = 'retentionDays';
const LOG_KEY = 'retentionErasures';
/** Calls that started before this moment have all been looked through by an earlier purge. */
const SCANNED_KEY = 'retentionScannedBefore';
const DAY_MS = 86_400_000;

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

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function holdsPersonalData(c: CallRow): boolean {
  return c.callerName !== null || c.callerNameKey !== null || c.callerPhone !== null || c.summary !== '';
}

function erasedCallback(c: CallbackRow): CallbackRow {
  return { ...c, phone: ERASED.phone, callerName: null, appealNumber: null, question: ERASED_TEXT };
}

/**
 * Erases the personal data of finished calls that started more than `days` before `now`, in one
 * transaction, and records the erase when there was anything to erase. A call's log is read only if no
 * earlier purge looked at it, or its summary row still names someone (an import from another
 * workstation). Open callbacks keep their data: the promise is still owed. `bundled` holds the flows of
 * this build; a call's flow is looked up in the flow catalogue (src/db/flowCatalogue.ts).
 */
export async function eraseExpiredPersonalData(
  db: AppDB,
  now: number,
  days?: number,
  bundled: FlowLookup = () => null,
): Promise<ErasureRecord> {
  const keep = days ?? (await getRetentionDays(db));
  const before = now - keep * DAY_MS;
  const tables = [
    ...[db.calls, db.callEvents, db.callbacks, db.settings, db.callFacts, db.callChanges],
    ...flowTables(db),
  ];
  return db.transaction('rw', tables, async () => {
    const scanned = Number((await db.settings.get(SCANNED_KEY))?.value ?? -Infinity);
    const calls = await db.calls
      .where('startedAt')
      .below(before)
      .filter((c) => c.status === 'ended' && (c.startedAt >= scanned || holdsPersonalData(c)))
      .toArray();
    // The flow version each call ran, to erase each captured value with a stand-in of its own kind.
    const flowOf = await flowVersionsFor(db, calls, bundled);
    let events = 0;
    const erased: string[] = [];
    for (const call of calls) {
      const flow = flowOf(call.flowId, call.flowVersion);
      const log = await eventsOf(db, call.id).toArray();
      const changed = log
        .map((r) =>
          erasedEvent(r, (fieldId, value) =>
            flow
              ? (findField(flow, r.after.stepId, fieldId)?.kind ?? 'text')
              : guessFieldKind(fieldId, value),
          ),
        )
        .filter((r, i) => !same(r, log[i]));
      events += changed.length;
      await db.callEvents.bulkPut(changed);
      if (changed.length > 0 || holdsPersonalData(call)) erased.push(call.id);
      if (holdsPersonalData(call))
        await db.calls.update(call.id, {
          callerName: null,
          callerNameKey: null,
          callerPhone: null,
          summary: '',
        });
    }
    // An erased need changes a call's figures though its row may not change: they are reduced again.
    await db.callFacts.bulkDelete(erased);
    await markCallsChanged(db, erased);
    const ids = new Set(calls.map((c) => c.id));
    const callbacks = await db.callbacks
      .filter((c) => c.status === 'done' && (ids.has(c.callId) || c.createdAt < before))
      .filter((c) => !same(c, erasedCallback(c)))
      .toArray();
    await db.callbacks.bulkPut(callbacks.map(erasedCallback));
    await db.settings.put({ key: SCANNED_KEY, value: Math.max(scanned, before) });
    const record: ErasureRecord = {
      at: now,
      before,
      days: keep,
      calls: erased.length,
      events,
      callbacks: callbacks.length,
    };
    if (record.calls + record.callbacks === 0) return record;
    const log = await listErasures(db);
    await db.settings.put({ key: LOG_KEY, value: [...log, record] });
    return record;
  });
}
