import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCall } from '../../src/analytics';
import { readLog } from '../../src/db/callsRepository';
import { AppDB } from '../../src/db/db';
import { exportWorkstation, importWorkstation, type ExchangeFile } from '../../src/db/exchangeRepository';
import { TUESDAY_1030 } from '../calls/helpers';
import { ANNA, FLOWS, recordedCalls, type RecordedCall } from '../fixtures/analytics/calls';

let n = 0;
const opened: AppDB[] = [];
function freshDb(): AppDB {
  const db = new AppDB(`exchange-test-${++n}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function seed(db: AppDB, calls: RecordedCall[]): Promise<void> {
  await db.calls.bulkPut(calls.map((c) => c.row));
  await db.callEvents.bulkPut(calls.flatMap((c) => c.log));
  await db.callbacks.bulkPut(calls.flatMap((c) => (c.callbackRow ? [c.callbackRow] : [])));
}

async function snapshot(db: AppDB) {
  return {
    calls: await db.calls.orderBy('id').toArray(),
    events: await db.callEvents.toArray(),
    callbacks: await db.callbacks.orderBy('id').toArray(),
  };
}

const fixture = recordedCalls();
const flowOf = (id: string, v: number) => FLOWS.find((f) => f.id === id && f.version === v) ?? null;

/** A file re-signed over a changed payload, as a careless tool (not a broken disk) would make it. */
async function signed(file: ExchangeFile, payload: unknown): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(payload)));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify({ ...file, payload, checksum: `sha256:${hex}` });
}

/** The one file a workstation's seven calls make. */
async function exported(): Promise<string> {
  const operator = freshDb();
  await seed(operator, fixture);
  const files = await exportWorkstation(operator, TUESDAY_1030 + 86_400_000, ANNA);
  expect(files).toHaveLength(1);
  return files[0] ?? '';
}

describe('workstation export and import', () => {
  it('brings every call, its log and callbacks to the supervisor unchanged', async () => {
    const file = await exported();
    const supervisor = freshDb();
    const result = await importWorkstation(supervisor, file);
    // Every call of the file is named, for the centre's server (which may not hold them yet).
    expect(result).toEqual({
      ok: true,
      calls: { added: 7, updated: 0, unchanged: 0 },
      callIds: expect.arrayContaining(fixture.map((c) => c.row.id)),
    });
    expect(result.ok && result.callIds).toHaveLength(7);
    const got = await snapshot(supervisor);
    expect(got.calls).toEqual(fixture.map((c) => c.row).sort((a, b) => a.id.localeCompare(b.id)));
    expect(got.events).toHaveLength(fixture.reduce((s, c) => s + c.log.length, 0));
    for (const c of fixture) expect(await readLog(supervisor, c.row.id)).toEqual(c.log);
    expect(got.callbacks.map((c) => [c.id, c.status])).toEqual([
      ['c2:callback', 'done'],
      ['c6:callback', 'open'],
    ]);
  });

  it('reduces each imported call to its figures on the way in, so the first dashboard reads no log', async () => {
    const supervisor = freshDb();
    await importWorkstation(supervisor, await exported(), flowOf);
    const kept = await supervisor.callFacts.orderBy('id').toArray();
    expect(kept.map((k) => k.facts)).toEqual(
      [...fixture]
        .sort((a, b) => a.row.id.localeCompare(b.row.id))
        .map((c) => analyzeCall(c.row, c.log, flowOf(c.row.flowId, c.row.flowVersion))),
    );
  });

  it('splits a large export into files that each import alone, in any order, to the same records', async () => {
    const operator = freshDb();
    await seed(operator, fixture);
    const files = await exportWorkstation(operator, 0, ANNA, 3);
    expect(files).toHaveLength(3);
    const calls = files.map((f) => (JSON.parse(f) as ExchangeFile).payload.calls.map((c) => c.id));
    expect(calls.map((ids) => ids.length)).toEqual([3, 3, 1]);
    expect(calls.flat().sort()).toEqual(fixture.map((c) => c.row.id).sort());

    const whole = freshDb();
    await importWorkstation(whole, await exported());
    const parted = freshDb();
    for (const f of [...files].reverse())
      expect(await importWorkstation(parted, f)).toMatchObject({ ok: true });
    expect(await snapshot(parted)).toEqual(await snapshot(whole));
  });

  it('importing the same file twice changes nothing', async () => {
    const file = await exported();
    const supervisor = freshDb();
    await importWorkstation(supervisor, file);
    const once = await snapshot(supervisor);
    const again = await importWorkstation(supervisor, file);
    expect(again).toMatchObject({ ok: true, calls: { added: 0, updated: 0, unchanged: 7 } });
    expect(again.ok && again.callIds).toHaveLength(7);
    expect(await snapshot(supervisor)).toEqual(once);
  });

  it('leaves a call still going on out of the file', async () => {
    const operator = freshDb();
    await seed(operator, fixture);
    await operator.calls.update('c1', { status: 'active' });
    const [text] = await exportWorkstation(operator, 0, ANNA);
    const file = JSON.parse(text ?? '') as ExchangeFile; // our own output
    expect(file.payload.calls.map((c) => c.id)).not.toContain('c1');
    expect(file.payload.events.some((e) => e.callId === 'c1')).toBe(false);
  });

  it('rejects a damaged, foreign or newer file and stores nothing', async () => {
    const file = await exported();
    const parsed = JSON.parse(file) as ExchangeFile; // our own output
    const tampered = JSON.stringify({
      ...parsed,
      payload: { ...parsed.payload, calls: parsed.payload.calls.map((c) => ({ ...c, outcome: 'resolved' })) },
    });
    const cases: [string, string][] = [
      [file.slice(0, file.length / 2), 'notJson'],
      [JSON.stringify({ hello: 'world' }), 'foreign'],
      [JSON.stringify({ ...parsed, version: 99 }), 'newerVersion'],
      [tampered, 'checksum'],
    ];
    const supervisor = freshDb();
    for (const [raw, problem] of cases) {
      const result = await importWorkstation(supervisor, raw);
      expect(result.ok ? 'ok' : result.problem).toBe(problem);
    }
    expect((await snapshot(supervisor)).calls).toEqual([]);
  });

  it('rejects a file whose rows do not hold together, even with a right checksum, storing nothing', async () => {
    const parsed = JSON.parse(await exported()) as ExchangeFile; // our own output
    // Re-sign a payload with one event missing from the middle of call c2's log.
    const events = parsed.payload.events.filter((e) => !(e.callId === 'c2' && e.seq === 3));
    const payload = { ...parsed.payload, events };
    const supervisor = freshDb();
    const result = await importWorkstation(supervisor, await signed(parsed, payload));
    expect(result).toMatchObject({ ok: false, problem: 'invalid', detail: 'calls.c2' });
    const badRow = { ...parsed.payload, calls: [...parsed.payload.calls, { id: 'x', status: 'ended' }] };
    expect(await importWorkstation(supervisor, await signed(parsed, badRow))).toMatchObject({
      ok: false,
      problem: 'invalid',
    });
    expect(await supervisor.calls.count()).toBe(0);
    expect(await supervisor.callEvents.count()).toBe(0);
  });

  it('a later export of a call that went further replaces the stored one; the callback kept later closes', async () => {
    const supervisor = freshDb();
    const early = fixture.map((c) =>
      c.row.id === 'c2' && c.callbackRow
        ? {
            ...c,
            callbackRow: { ...c.callbackRow, status: 'open' as const, doneAt: null, doneByCallId: null },
          }
        : c,
    );
    const op1 = freshDb();
    await seed(op1, early);
    const [early1] = await exportWorkstation(op1, 0, ANNA);
    await importWorkstation(supervisor, early1 ?? '');
    const result = await importWorkstation(supervisor, await exported());
    expect(result).toMatchObject({ ok: true, calls: { added: 0, updated: 0, unchanged: 7 } });
    expect((await supervisor.callbacks.get('c2:callback'))?.status).toBe('done');
  });
});
