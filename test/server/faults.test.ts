// Issue 20's short fault cases. The server, a real child process as `npm run serve` runs it, is killed
// with SIGKILL while two workstations upload, then restarted on the same database: every event it
// acknowledged before the kill is held after it, and once the workstations caught up every event is held
// exactly once, each call without a gap. And a device whose clock is off: the server keeps its own
// receipt time beside the device's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseConfig } from '../../src/server/storage/database';
import { MURMANSK, startTestServer } from './serverHarness';
import { createOwnDatabase, DATABASE_KINDS, type TestDatabaseKind } from './testDatabase';
import { batch, callEvents } from './callEventsKit';
import { startServerProcess, UploadFailed, Workstation, type ServerProcess } from './workstationKit';

const CALLS = 30;
const EVENTS_PER_CALL = 12;
/** The kill comes once this many events were acknowledged: mid-upload, with batches in flight. */
const KILL_AFTER = 250;

/** A database of its own for the child process: a data folder, or a PostgreSQL database. */
interface ProcessDatabase {
  env: Record<string, string>;
  config: DatabaseConfig;
  drop(): Promise<void>;
}

async function processDatabase(kind: TestDatabaseKind): Promise<ProcessDatabase> {
  if (kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'sufler-fault-'));
    return {
      env: { SUFLER_DATA_DIR: dir },
      config: { kind: 'embedded', dataDir: dir },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const own = await createOwnDatabase();
  return {
    env: { DATABASE_URL: own.url, SUFLER_SEED_SAMPLES: '1' },
    config: { kind: 'postgres', url: own.url },
    drop: own.drop,
  };
}

/** What the database holds, read directly: seqs per call and each event's content. */
async function held(config: DatabaseConfig) {
  const database = await openDatabase(config);
  try {
    const rows = await database.db
      .selectFrom('call_events')
      .select(['call_id', 'seq', 'payload'])
      .orderBy('call_id')
      .orderBy('seq')
      .execute();
    return rows;
  } finally {
    await database.close();
  }
}

describe.each(DATABASE_KINDS)('faults on %s', (kind) => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const c of cleanups.reverse()) await c();
  });

  it('keeps every acknowledged event through a SIGKILL mid-upload, and each event once after catch-up', async () => {
    const database = await processDatabase(kind);
    cleanups.push(database.drop);
    let server: ServerProcess = await startServerProcess(database.env);
    cleanups.push(async () => {
      server.child.kill('SIGKILL');
      await server.exited;
    });
    const stations = ['murmansk.operator', 'sverdlovsk.operator'].map(
      (login) => new Workstation(() => server.url, login),
    );
    const sent = new Map<string, string>();
    for (const [i, ws] of stations.entries()) {
      await ws.signIn();
      for (let c = 0; c < CALLS; c++) {
        const events = callEvents(`fault-${kind}-${i}-${c}`, 0, EVENTS_PER_CALL - 1);
        ws.queue(events);
        for (const e of events) sent.set(`${e.callId}/${e.seq}`, JSON.stringify(e));
      }
    }

    // Upload in small batches, two at a time per workstation, until the kill.
    const ackedCount = () => stations.reduce((n, ws) => n + ws.acknowledged.length, 0);
    let killed = false;
    const failures: string[] = [];
    const pump = async (ws: Workstation) => {
      while (!killed && ws.waiting > 0) {
        try {
          await ws.upload(7);
        } catch (e) {
          if (!(e instanceof UploadFailed)) throw e;
          failures.push(e.message);
        }
      }
    };
    const killer = (async () => {
      while (ackedCount() < KILL_AFTER) await new Promise((r) => setTimeout(r, 1));
      server.child.kill('SIGKILL');
      killed = true;
    })();
    await Promise.all([killer, ...stations.flatMap((ws) => [pump(ws), pump(ws)])]);
    await server.exited;
    const ackedBeforeKill = stations.flatMap((ws) => ws.acknowledged.map((a) => a.event));
    expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(ackedBeforeKill.length).toBeLessThan(sent.size);

    // After the kill, before anyone catches up: everything acknowledged is held, as sent.
    const afterKill = new Map((await held(database.config)).map((r) => [`${r.call_id}/${r.seq}`, r.payload]));
    for (const e of ackedBeforeKill) {
      expect(afterKill.get(`${e.callId}/${e.seq}`), `${e.callId}/${e.seq}`).toEqual(
        JSON.parse(sent.get(`${e.callId}/${e.seq}`) ?? 'null'),
      );
    }

    // Restarted on the same database; the workstations catch up (their sessions survived the kill).
    server = await startServerProcess(database.env);
    killed = false;
    await Promise.all(stations.map((ws) => pump(ws)));
    expect(stations.map((ws) => ws.waiting)).toEqual([0, 0]);
    server.child.kill('SIGTERM');
    await server.exited;

    const rows = await held(database.config);
    const keys = rows.map((r) => `${r.call_id}/${r.seq}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual([...sent.keys()].sort());
    for (const r of rows) expect(r.payload).toEqual(JSON.parse(sent.get(`${r.call_id}/${r.seq}`) ?? 'null'));
    const byCall = new Map<string, number[]>();
    for (const r of rows) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), r.seq]);
    expect(byCall.size).toBe(CALLS * stations.length);
    for (const [callId, seqs] of byCall) {
      expect(seqs, callId).toEqual(Array.from({ length: EVENTS_PER_CALL }, (_, i) => i));
    }
  }, 120_000);

  it('records its own receipt time beside the time of a device whose clock is 10 minutes off', async () => {
    const server = await startTestServer(kind);
    cleanups.push(() => server.close());
    const operator = await server.signInAs(MURMANSK, 'operator');
    for (const [callId, skew] of [
      [`fast-${kind}`, 10 * 60_000],
      [`slow-${kind}`, -10 * 60_000],
    ] as const) {
      const deviceNow = Date.now() + skew;
      const events = callEvents(callId, 0, 1).map((e, i) => ({ ...e, at: deviceNow + i * 1000 }));
      const before = Date.now();
      const res = await server.call('POST', '/api/v1/calls/events', {
        as: operator,
        body: batch(MURMANSK, [callId, events]),
      });
      expect(res.json()).toMatchObject({ calls: [{ status: 'stored', added: 2 }] });
      const rows = await server.db
        .selectFrom('call_events')
        .select(['seq', 'at', 'received_at'])
        .where('call_id', '=', callId)
        .orderBy('seq')
        .execute();
      expect(rows.map((r) => r.at.getTime())).toEqual(events.map((e) => e.at));
      for (const r of rows) {
        expect(r.received_at.getTime()).toBeGreaterThanOrEqual(before - 1000);
        expect(r.received_at.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
      }
      const call = await server.db
        .selectFrom('calls')
        .select(['started_at', 'received_at'])
        .where('id', '=', callId)
        .executeTakeFirstOrThrow();
      expect(call.started_at.getTime()).toBe(deviceNow);
      expect(Math.abs(call.received_at.getTime() - before)).toBeLessThan(60_000);
    }
  });
});
