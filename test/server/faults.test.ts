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
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { MURMANSK, startTestServer } from './serverHarness';
import { openStream, type Stream } from './streamKit';
import { createOwnDatabase, DATABASE_KINDS, type TestDatabaseKind } from './testDatabase';
import { batch, callEvents } from './callEventsKit';
import {
  startServerProcess,
  UploadFailed,
  Workstation,
  type ServerProcess,
  type UploadedEvent,
} from './workstationKit';

const CALLS = 30;
const EVENTS_PER_CALL = 12;
/** The kill comes once this many events were acknowledged: mid-upload, with batches in flight. */
const KILL_AFTER = 250;

/** A database of its own for the child process: a data folder, or a PostgreSQL database. */
interface ProcessDatabase {
  env: Record<string, string>;
  config: DatabaseConfig;
  drop(): Promise<void>;
  /** A PostgreSQL restart as its clients see it (see createOwnDatabase); not for the embedded database. */
  outage?: (down: boolean) => Promise<void>;
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
    outage: own.outage,
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const key = (e: UploadedEvent) => `${e.callId}/${e.seq}`;

/** Two signed-in workstations of two organisations, each with CALLS calls waiting; every event by key. */
async function queuedStations(url: () => string, tag: string) {
  const stations = ['murmansk.operator', 'sverdlovsk.operator'].map((login) => new Workstation(url, login));
  const sent = new Map<string, string>();
  for (const [i, ws] of stations.entries()) {
    await ws.signIn();
    for (let c = 0; c < CALLS; c++) {
      const events = callEvents(`fault-${tag}-${i}-${c}`, 0, EVENTS_PER_CALL - 1);
      ws.queue(events);
      for (const e of events) sent.set(key(e), JSON.stringify(e));
    }
  }
  return { stations, sent };
}

/**
 * Uploads in small batches, two at a time per workstation, until each is empty or `halted()`; a failed
 * upload is noted and tried again a moment later, as the PWA's sync client does.
 */
function pump(stations: readonly Workstation[], halted: () => boolean, failures: string[]): Promise<void> {
  const one = async (ws: Workstation) => {
    while (!halted() && ws.waiting > 0) {
      try {
        await ws.upload(7);
      } catch (e) {
        if (!(e instanceof UploadFailed)) throw e;
        failures.push(e.message);
        await sleep(10);
      }
    }
  };
  return Promise.all(stations.flatMap((ws) => [one(ws), one(ws)])).then(() => undefined);
}

const acknowledged = (stations: readonly Workstation[]) =>
  stations.flatMap((ws) => ws.acknowledged.map((a) => a.event));

async function until(test: () => boolean | Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`still waiting for ${what}`);
    await sleep(5);
  }
}

/** Every acknowledged event is held, as it was sent. */
async function expectHeld(
  config: DatabaseConfig,
  events: readonly UploadedEvent[],
  sent: Map<string, string>,
) {
  const rows = new Map((await held(config)).map((r) => [`${r.call_id}/${r.seq}`, r.payload]));
  for (const e of events) expect(rows.get(key(e)), key(e)).toEqual(JSON.parse(sent.get(key(e)) ?? 'null'));
}

/** Every event sent is held exactly once, as sent, and no call has a gap. */
async function expectExactlyOnce(config: DatabaseConfig, sent: Map<string, string>, calls = CALLS * 2) {
  const rows = await held(config);
  const keys = rows.map((r) => `${r.call_id}/${r.seq}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(keys.sort()).toEqual([...sent.keys()].sort());
  for (const r of rows) expect(r.payload).toEqual(JSON.parse(sent.get(`${r.call_id}/${r.seq}`) ?? 'null'));
  const sentSeqs = (callId: string) => [...sent.keys()].filter((k) => k.startsWith(`${callId}/`)).length;
  const byCall = new Map<string, number[]>();
  for (const r of rows) byCall.set(r.call_id, [...(byCall.get(r.call_id) ?? []), r.seq]);
  expect(byCall.size).toBe(calls);
  for (const [callId, seqs] of byCall)
    expect(seqs, callId).toEqual(Array.from({ length: sentSeqs(callId) }, (_, i) => i));
}

/** Stops a server process at the end of a test, whatever state it is in. */
function killAtEnd(cleanups: (() => Promise<void>)[], server: () => ServerProcess): void {
  cleanups.push(async () => {
    server().child.kill('SIGKILL');
    await server().exited;
  });
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
    killAtEnd(cleanups, () => server);
    const { stations, sent } = await queuedStations(() => server.url, kind);

    let killed = false;
    const failures: string[] = [];
    const killer = (async () => {
      await until(() => acknowledged(stations).length >= KILL_AFTER, 'the first acknowledgements');
      server.child.kill('SIGKILL');
      killed = true;
    })();
    await Promise.all([killer, pump(stations, () => killed, failures)]);
    await server.exited;
    const ackedBeforeKill = acknowledged(stations);
    expect(ackedBeforeKill.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(ackedBeforeKill.length).toBeLessThan(sent.size);
    // After the kill, before anyone catches up: everything acknowledged is held, as sent.
    await expectHeld(database.config, ackedBeforeKill, sent);

    // Restarted on the same database; the workstations catch up (their sessions survived the kill).
    server = await startServerProcess(database.env);
    await pump(stations, () => false, failures);
    expect(stations.map((ws) => ws.waiting)).toEqual([0, 0]);
    server.child.kill('SIGTERM');
    await server.exited;
    await expectExactlyOnce(database.config, sent);
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

/** Signs in through `base` and opens the event stream there, as a supervisor's board does. */
async function supervisorStream(base: string, login: string): Promise<Stream> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: SAMPLE_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = /sufler_session=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1] ?? '';
  const body = (await res.json()) as { csrfToken: string; person: { id: string } };
  return openStream(base, { cookie, csrfToken: body.csrfToken, personId: body.person.id });
}

/** The next event of `stream` named `name`, other kinds skipped. */
async function nextNamed(stream: Stream, name: string): Promise<unknown> {
  for (;;) {
    const event = await stream.next();
    if (!event) throw new Error(`the stream ended before a ${name} event`);
    if (event.event === name || (event.data as { kind?: string }).kind === name) return event.data;
  }
}

// A real PostgreSQL only: PGlite lives inside the server's process, and one process holds it.
describe.runIf(DATABASE_KINDS.includes('postgres'))(
  'faults of the real PostgreSQL and of one of two instances',
  () => {
    const cleanups: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const c of cleanups.reverse()) await c();
    });

    it('answers 503 while PostgreSQL is down, reconnects by itself, and keeps every event exactly once', async () => {
      const database = await processDatabase('postgres');
      cleanups.push(database.drop);
      const outage = database.outage!;
      const server = await startServerProcess(database.env);
      killAtEnd(cleanups, () => server);
      const { stations, sent } = await queuedStations(() => server.url, 'pg-restart');

      let restarted = false;
      const failures: string[] = [];
      const restart = (async () => {
        await until(() => acknowledged(stations).length >= KILL_AFTER, 'the first acknowledgements');
        await outage(true);
        const ackedBeforeOutage = acknowledged(stations);
        // Meanwhile: not ready, and uploads refused with the API's 503 and its code, not a crash.
        await until(async () => {
          const res = await fetch(`${server.url}/readyz`).catch((e: unknown) => {
            throw new Error(`the server is gone (${String(e)}): ${server.output()}`);
          });
          return res.status === 503;
        }, 'readyz to say the database is gone');
        await until(
          () => failures.some((f) => f.startsWith('503')),
          `an upload refused with 503 (failures: ${[...new Set(failures.map((f) => f.slice(0, 80)))].join(' | ')})`,
        );
        expect(failures.find((f) => f.startsWith('503'))).toMatch(/"code":"database_unavailable"/);
        await sleep(500);
        await outage(false);
        restarted = true;
        // Everything acknowledged before PostgreSQL went down is still there, as sent.
        await expectHeld(database.config, ackedBeforeOutage, sent);
      })();
      await Promise.all([restart, pump(stations, () => false, failures)]);
      expect(restarted).toBe(true);
      expect(server.child.exitCode).toBeNull();
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      expect(stations.map((ws) => ws.waiting)).toEqual([0, 0]);
      await expectExactlyOnce(database.config, sent);
    }, 120_000);

    it('runs two instances on one database: each feeds the other’s board, and one killed loses nothing', async () => {
      const database = await processDatabase('postgres');
      cleanups.push(database.drop);
      const first = await startServerProcess(database.env);
      killAtEnd(cleanups, () => first);
      const second = await startServerProcess(database.env);
      killAtEnd(cleanups, () => second);

      // A supervisor watching the board through the second instance hears of a call uploaded to the first.
      const board = await supervisorStream(second.url, 'murmansk.supervisor');
      cleanups.push(() => Promise.resolve(board.close()));
      const direct = new Workstation(() => first.url, 'murmansk.operator');
      await direct.signIn();
      const boardCall = callEvents('fault-board-0', 0, 1);
      direct.queue(boardCall);
      await direct.upload();
      await nextNamed(board, 'board');

      // Behind one address: requests alternate between the instances until the first is killed.
      let live = [first, second];
      let turn = 0;
      const { stations, sent } = await queuedStations(() => live[turn++ % live.length]!.url, 'two');
      const failures: string[] = [];
      const killer = (async () => {
        await until(() => acknowledged(stations).length >= KILL_AFTER, 'the first acknowledgements');
        first.child.kill('SIGKILL');
        await first.exited;
        // The balancer's health check notices; until then some requests met a closed port.
        live = [second];
      })();
      await Promise.all([killer, pump(stations, () => false, failures)]);
      expect(stations.map((ws) => ws.waiting)).toEqual([0, 0]);
      for (const e of boardCall) sent.set(key(e), JSON.stringify(e));
      await expectExactlyOnce(database.config, sent, CALLS * 2 + 1);
    }, 120_000);
  },
);
