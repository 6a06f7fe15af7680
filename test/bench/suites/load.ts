// Issue 20's load: 500 simulated workstations (Node clients speaking the PWA's protocol: sign-in, the
// session cookie, the CSRF header, batches of the outbox in order per call, an event forgotten only when
// acknowledged) against the server as `npm run serve` runs it, in a process of its own so its memory is
// its own. The calls are the engine's own logs on the bundled consultation flow (benchCalls), each a
// copy with its own caller.
//
// Two phases, about a minute in all:
// - steady: every operator's events are stored at a steady pace (the whole centre's day compressed), each
//   sent as the PWA sends it (at once when nothing is in flight, else with the next batch): stored →
//   acknowledged p95 and p99;
// - backlog: every operator's outbox full at once (after an outage): events acknowledged per second.
// Then the same rows as the backlog, put into a fresh database of the same kind by one batched insert
// with no server in between: the server's rate as a share of that.
// PostgreSQL when TEST_DATABASE_URL is set, PGlite (embedded) otherwise: the figures' names say which.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { buildServer, databaseOf } from '../../../src/server/app';
import { hashPassword } from '../../../src/server/auth/passwords';
import { defaultConfig } from '../../../src/server/config';
import { insertPerson } from '../../../src/server/storage/accounts';
import { countCallEvents } from '../../../src/server/storage/callEvents';
import type { DatabaseConfig } from '../../../src/server/storage/database';
import { benchCalls } from '../browser/benchCalls';
import { percentile, row, type BenchRow, type Suite, type SuiteContext } from '../harness';
import { buildServerBundle } from './server';
import { createTestDatabase } from '../../server/testDatabase';
import {
  servedBundle,
  startServerProcess,
  UploadFailed,
  Workstation,
  type UploadedEvent,
} from '../../server/workstationKit';

const OPERATORS = Number(process.env.BENCH_LOAD_OPERATORS ?? 500);
/** Steady phase: events stored per second across the centre, and for how long. */
const STEADY_RATE = Number(process.env.BENCH_LOAD_RATE ?? 1000);
const STEADY_S = Number(process.env.BENCH_LOAD_SECONDS ?? 15);
/** Backlog phase: calls waiting in each operator's outbox. */
const BACKLOG_CALLS = Number(process.env.BENCH_LOAD_CALLS ?? 6);
const ORGANISATION = 'murmansk-sport';
const PASSWORD = 'нагрузка-пароль';

/** Budgets of issue 20 (the rate is promised with PostgreSQL). */
const ACKED_PER_S = 3_000;
const P95_MS = 100;
const P99_MS = 250;
const MEMORY_MB = 300;
const RATIO = 0.3;

interface Target {
  config: DatabaseConfig;
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function target(kind: 'postgres' | 'embedded'): Promise<Target> {
  if (kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'sufler-load-'));
    return {
      config: { kind: 'embedded', dataDir: dir },
      env: { SUFLER_DATA_DIR: dir },
      drop: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const database = await createTestDatabase('postgres');
  if (database.config.kind !== 'postgres' || !database.config.schema) throw new Error('no schema');
  const base = database.config.url;
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${database.config.schema}`)}`;
  return { config: database.config, env: { DATABASE_URL: url }, drop: () => database.drop() };
}

/** The samples and the bundled flows, then OPERATORS operators (one cheap hash: sign-in is not measured). */
async function prepare(config: DatabaseConfig): Promise<void> {
  const app = await buildServer(defaultConfig({ database: config, seedSamples: true, logLevel: 'warn' }));
  try {
    const db = databaseOf(app);
    const passwordHash = await hashPassword(PASSWORD, { memoryCost: 1024, timeCost: 1 });
    for (let i = 0; i < OPERATORS; i++) {
      await insertPerson(db, {
        id: randomUUID(),
        organisationId: ORGANISATION,
        login: `load.operator.${i}`,
        surname: 'Нагрузка',
        firstName: `Оператор ${i}`,
        patronymic: '',
        position: 'оператор',
        department: '',
        passwordHash,
        roles: ['operator'],
      });
    }
  } finally {
    await app.close();
  }
}

/** Operator i's calls: engine logs with ids of their own. */
function callsOf(i: number, count: number, phase: string): UploadedEvent[][] {
  return benchCalls(count, Date.UTC(2026, 11, 7, 6), 60_000, i * count).map((c) =>
    c.events.map((e) => {
      const callId = `${phase}-${i}-${e.record.callId}`;
      return { ...e.record, callId } as UploadedEvent;
    }),
  );
}

/** Sends whatever waits, one request in flight per workstation, as the PWA's sync client does. */
function pumpOf(ws: Workstation, failures: string[]) {
  let running: Promise<void> | null = null;
  const pump = async () => {
    while (ws.waiting > 0) {
      try {
        await ws.upload();
      } catch (e) {
        if (!(e instanceof UploadFailed)) throw e;
        failures.push(e.message);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  // A refusal ends the run through idle() (awaited), never as an unhandled rejection that would leave
  // the server process behind.
  let error: Error | null = null;
  return {
    kick() {
      running ??= pump()
        .catch((e: unknown) => {
          error ??= e instanceof Error ? e : new Error('upload failed');
        })
        .finally(() => {
          running = null;
        });
    },
    async idle() {
      while (running) await running;
      if (error) throw error;
    },
  };
}

async function rawInsertRate(kind: 'postgres' | 'embedded', events: UploadedEvent[]): Promise<number> {
  const database = await createTestDatabase(kind);
  const app = await buildServer(
    defaultConfig({ database: database.config, seedSamples: true, logLevel: 'warn' }),
  );
  try {
    const db = databaseOf(app);
    const person = await db
      .selectFrom('people')
      .select('id')
      .where('login', '=', 'murmansk.operator')
      .executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    const firsts = events.filter((e) => e.seq === 0);
    const calls = firsts.map((e) => ({
      id: e.callId,
      organisation_id: ORGANISATION,
      person_id: person.id,
      flow_id: e.flowId,
      flow_version: e.flowVersion,
      started_at: new Date(e.at).toISOString(),
      next_seq: events.filter((x) => x.callId === e.callId).length,
      received_at: now,
      updated_at: now,
    }));
    const rows = events.map((e) => ({
      call_id: e.callId,
      seq: e.seq,
      organisation_id: ORGANISATION,
      at: new Date(e.at).toISOString(),
      type: e.event.type,
      payload: e,
      received_at: now,
    }));
    const t0 = performance.now();
    await db.transaction().execute(async (trx) => {
      await sql`insert into calls select * from jsonb_populate_recordset(null::calls, ${JSON.stringify(calls)}::jsonb)`.execute(
        trx,
      );
      await sql`insert into call_events select * from jsonb_populate_recordset(null::call_events, ${JSON.stringify(rows)}::jsonb)`.execute(
        trx,
      );
    });
    const seconds = (performance.now() - t0) / 1000;
    const held = await countCallEvents(db);
    if (held !== events.length) throw new Error(`raw insert holds ${held} of ${events.length}`);
    return events.length / seconds;
  } finally {
    await app.close();
    await database.drop();
  }
}

export const loadSuite: Suite = {
  name: 'load',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    const kind = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';
    buildServerBundle();
    const db = await target(kind);
    try {
      await prepare(db.config);
      const served = servedBundle();
      const server = await startServerProcess(
        { ...served.env, ...db.env, SUFLER_SEED_SAMPLES: '0' },
        // Node's flags for the server's process alone, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
        [...(process.env.BENCH_LOAD_NODE_FLAGS?.split(' ').filter(Boolean) ?? []), ...served.args],
      );
      try {
        const stations = Array.from(
          { length: OPERATORS },
          (_, i) => new Workstation(() => server.url, `load.operator.${i}`, PASSWORD),
        );
        for (let i = 0; i < stations.length; i += 25)
          await Promise.all(stations.slice(i, i + 25).map((ws) => ws.signIn()));
        ctx.log(`load: ${OPERATORS} workstations signed in on ${kind}`);
        const failures: string[] = [];
        const pumps = stations.map((ws) => pumpOf(ws, failures));

        // Steady: the centre stores STEADY_RATE events a second; each operator's in its calls' order.
        const perStation = Math.max(1, Math.round((STEADY_RATE * STEADY_S) / OPERATORS));
        const streams = stations.map((_, i) => {
          // Calls have at least 12 events: enough calls for the phase, cut where the phase ends.
          return callsOf(i, Math.ceil(perStation / 12), 'steady')
            .flat()
            .slice(0, perStation);
        });
        const t0 = performance.now();
        const intervalMs = (STEADY_S * 1000) / perStation;
        await new Promise<void>((done) => {
          let k = 0;
          const tick = () => {
            // Each tick stores the next event of every operator, spread over the tick.
            if (k >= perStation) return done();
            const at = t0 + k * intervalMs;
            const index = k;
            stations.forEach((ws, i) => {
              const offset = (i / OPERATORS) * intervalMs;
              setTimeout(
                () => {
                  const e = streams[i]?.[index];
                  if (e) {
                    ws.queue([e]);
                    pumps[i]?.kick();
                  }
                },
                Math.max(0, at + offset - performance.now()),
              );
            });
            k++;
            setTimeout(tick, Math.max(0, t0 + k * intervalMs - performance.now()));
          };
          tick();
        });
        await new Promise((r) => setTimeout(r, intervalMs + 50));
        await Promise.all(pumps.map((p) => p.idle()));
        const steadyEvents = stations.reduce((n, ws) => n + ws.acknowledged.length, 0);
        const latencies = stations.flatMap((ws) => ws.acknowledged.map((a) => a.ms)).sort((a, b) => a - b);
        ctx.log(`load: steady ${steadyEvents} events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        for (const ws of stations) ws.acknowledged.length = 0;

        // Backlog: every outbox full at once.
        const backlog = stations.map((ws, i) => {
          const events = callsOf(i, BACKLOG_CALLS, 'backlog').flat();
          ws.queue(events);
          return events;
        });
        const t1 = performance.now();
        pumps.forEach((p) => p.kick());
        await Promise.all(pumps.map((p) => p.idle()));
        const backlogSeconds = (performance.now() - t1) / 1000;
        const backlogEvents = backlog.reduce((n, e) => n + e.length, 0);
        const acked = stations.reduce((n, ws) => n + ws.acknowledged.length, 0);
        if (acked !== backlogEvents) throw new Error(`${acked} of ${backlogEvents} acknowledged`);
        const rate = backlogEvents / backlogSeconds;
        const peak = (await server.peakMemory()) / 2 ** 20;
        ctx.log(
          `load: backlog ${backlogEvents} events in ${backlogSeconds.toFixed(1)} s; ${failures.length} failed attempts`,
        );
        // What the failed attempts were, most frequent first (a status and the server's code).
        const reasons = new Map<string, number>();
        for (const f of failures) reasons.set(f.slice(0, 120), (reasons.get(f.slice(0, 120)) ?? 0) + 1);
        for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 5))
          ctx.log(`load: ${n} × ${reason}`);
        if (failures.length > 0)
          for (const line of server
            .output()
            .split('\n')
            .filter((l) => /"level":(50|60)/.test(l))
            .slice(0, 3))
            ctx.log(`load: server said ${line.slice(0, 600)}`);

        server.child.kill('SIGTERM');
        await server.exited;
        const raw = await rawInsertRate(
          kind,
          backlog.flatMap((e) => e),
        );
        ctx.log(`load: raw batched insert ${raw.toFixed(0)} events/s on ${kind}`);
        const onPostgres = kind === 'postgres';
        return [
          row(`load.operators`, OPERATORS, 'count'),
          row(`load.steady.events.${kind}`, steadyEvents, 'count'),
          row(`load.storedToAcked.p50.${kind}`, percentile(latencies, 0.5), 'ms'),
          row(`load.storedToAcked.p95.${kind}`, percentile(latencies, 0.95), 'ms', { max: P95_MS }),
          row(`load.storedToAcked.p99.${kind}`, percentile(latencies, 0.99), 'ms', { max: P99_MS }),
          row(`load.backlog.events.${kind}`, backlogEvents, 'count'),
          row(`load.acked.perSecond.${kind}`, rate, 'events/s', onPostgres ? { min: ACKED_PER_S } : null),
          row(`load.rawInsert.perSecond.${kind}`, raw, 'events/s'),
          row(`load.acked.ratioToRaw.${kind}`, rate / raw, 'ratio', { min: RATIO }),
          row(`load.server.memory.peak.${kind}`, peak, 'MB', { max: MEMORY_MB }),
        ];
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    } finally {
      await db.drop();
    }
  },
};
