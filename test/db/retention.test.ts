import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCall, type CallFacts } from '../../src/analytics';
import { replayCall } from '../../src/calls';
import { eventsOf, readLog } from '../../src/db/callsRepository';
import { AppDB } from '../../src/db/db';
import {
  DEFAULT_RETENTION_DAYS,
  eraseExpiredPersonalData,
  getRetentionDays,
  listErasures,
  setRetentionDays,
} from '../../src/db/retentionRepository';
import { TUESDAY_1030 } from '../calls/helpers';
import { FLOW, FLOWS, HOUR, recordedCalls } from '../fixtures/analytics/calls';

let n = 0;
const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`retention-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

const DAY = 24 * HOUR;
const fixture = recordedCalls();

/** A wrap-up summary in the caller's own words, as operators write them. */
const SUMMARY = 'Ольга Ивановна, ул. Ленина 5, кв. 12: справка о доходах за 2025 год';

async function seeded(): Promise<AppDB> {
  const db = freshDb();
  await db.calls.bulkPut(fixture.map((c) => (c.row.id === 'c1' ? { ...c.row, summary: SUMMARY } : c.row)));
  await db.callEvents.bulkPut(fixture.flatMap((c) => c.log));
  await db.callbacks.bulkPut(fixture.flatMap((c) => (c.callbackRow ? [c.callbackRow] : [])));
  return db;
}

/** Everything stored, as text: a name or phone anywhere in it shows up here. */
async function dump(db: AppDB, callId: string, withCallbacks = true): Promise<string> {
  const row = await db.calls.get(callId);
  const log = await eventsOf(db, callId).toArray();
  const callbacks = withCallbacks ? await db.callbacks.where('callId').equals(callId).toArray() : [];
  return JSON.stringify({ row, log, callbacks });
}

describe('personal-data retention', () => {
  it('defaults to 90 days and keeps only a whole number of days in range', async () => {
    const db = freshDb();
    expect(await getRetentionDays(db)).toBe(DEFAULT_RETENTION_DAYS);
    expect(await setRetentionDays(db, 0)).toBe(false);
    expect(await setRetentionDays(db, 1.5)).toBe(false);
    expect(await setRetentionDays(db, 30)).toBe(true);
    expect(await getRetentionDays(db)).toBe(30);
  });

  it('erases names and phones of calls older than the period, keeps newer ones and the figures', async () => {
    const db = await seeded();
    // c7 started a day after the others, so only c1…c6 are older than 90 days; c5 never had a name or phone.
    const now = TUESDAY_1030 + 90 * DAY + 12 * HOUR;
    const before = await Promise.all(fixture.map(async (c) => [c.row.id, await dump(db, c.row.id)] as const));
    expect(before.find(([id]) => id === 'c2')?.[1]).toContain('Пётр Сергеевич');

    const record = await eraseExpiredPersonalData(
      db,
      now,
      undefined,
      (id, v) => FLOWS.find((f) => f.id === id && f.version === v) ?? null,
    );
    // c5 never had a name, a phone or any words of the caller's: nothing to erase there.
    expect(record).toMatchObject({ days: 90, calls: 5, callbacks: 1 });

    for (const id of ['c1', 'c2', 'c4', 'c6']) {
      // c6's callback is still open: the queue keeps what it needs to call back (checked below).
      const text = await dump(db, id, id !== 'c6');
      for (const personal of [
        'Ольга Ивановна',
        'Пётр Сергеевич',
        'Иван Ильич',
        'Мария Петровна',
        '79123456789',
        '79120000000',
        // The caller's words: the need, the handover summaries, the callback's question, the wrap-up.
        'Справка о доходах',
        'Пособие',
        'срочно',
        'Ленина',
      ])
        expect(text, id).not.toContain(personal);
    }
    expect(await dump(db, 'c7')).toContain('Олег Олегович');
    // The open callback of c6 is still owed: its phone stays in the queue.
    expect(await db.callbacks.get('c6:callback')).toMatchObject({
      phone: '+79120000000',
      callerName: 'Мария Петровна',
    });

    expect((await db.calls.get('c1'))?.summary).toBe('');
    // Every anonymous figure stays: what is gone is what the caller said.
    const anonymous = (f: CallFacts) => ({
      ...f,
      need: null,
      transfers: f.transfers.map((t) => ({ ...t, summary: '' })),
      erased: false,
    });
    for (const c of fixture) {
      const row = await db.calls.get(c.row.id);
      const log = await readLog(db, c.row.id);
      const flow = FLOWS.find((f) => f.id === c.row.flowId) ?? null;
      const after = analyzeCall(row!, log, flow, c.callback); // seeded above
      const original = analyzeCall(c.row, c.log, flow, c.callback);
      expect(anonymous(after), c.row.id).toEqual(anonymous(original));
      if (c.row.id !== 'c7') expect(after.need, c.row.id).toBeNull();
      // The record says its caller's data were erased; c5's caller gave none, so nothing was.
      expect(after.erased, c.row.id).toBe(c.row.id !== 'c7' && c.row.id !== 'c5');
    }

    expect(await listErasures(db)).toEqual([record]);
  });

  it('an erased call still replays through its flow version to the same end', async () => {
    const db = await seeded();
    await eraseExpiredPersonalData(db, TUESDAY_1030 + 200 * DAY);
    const log = await readLog(db, 'c2');
    const replayed = replayCall(FLOW, log);
    expect(replayed.ok && replayed.snapshot.status).toBe('done');
    expect(replayed.ok && replayed.snapshot.context.outcome?.kind).toBe('callback');
  });

  it('a second run erases nothing more and records nothing', async () => {
    const db = await seeded();
    const now = TUESDAY_1030 + 200 * DAY;
    await eraseExpiredPersonalData(db, now);
    const again = await eraseExpiredPersonalData(db, now + HOUR);
    expect(again).toMatchObject({ calls: 0, events: 0 });
    expect(await listErasures(db)).toHaveLength(1);
  });

  it('a call imported after a purge, older than the period, is erased on the next run', async () => {
    const db = await seeded();
    const now = TUESDAY_1030 + 200 * DAY;
    const late = fixture.find((c) => c.row.id === 'c2');
    if (!late) throw new Error('fixture lost c2');
    await db.calls.delete('c2');
    await eventsOf(db, 'c2').delete();
    await eraseExpiredPersonalData(db, now);
    await db.calls.put(late.row);
    await db.callEvents.bulkPut(late.log);
    expect(await dump(db, 'c2', false)).toContain('Пётр Сергеевич');
    const again = await eraseExpiredPersonalData(db, now + HOUR);
    expect(again).toMatchObject({ calls: 1 });
    const text = await dump(db, 'c2', false);
    for (const personal of ['Пётр Сергеевич', '79123456789', 'Пособие']) expect(text).not.toContain(personal);
  });
});
