// The server (issue 16): start to ready on an existing embedded data folder (and the very first start,
// which creates the database), a signed-in API request with its session lookup, and memory at rest.
// Runs in Node; the page the harness offers is not used.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../../../src/server/app';
import { defaultConfig } from '../../../src/server/config';
import { SAMPLE_PASSWORD, sampleLogin } from '../../../src/server/seed';
import { createTestDatabase } from '../../server/testDatabase';
import { servedBundle } from '../../server/workstationKit';
import { percentile, row, type BenchRow, type Suite, type SuiteContext } from '../harness';
import { OUT_DIR } from '../server';

const ROOT = resolve(import.meta.dirname, '../../..');
/** Issue 16: a restart on an existing data folder is ready within 2 s. */
const READY_MS = 2_000;
/** Issue 16: a signed-in request, session lookup included, p95 within 5 ms (with PostgreSQL). */
const REQUEST_P95_MS = 5;
/** Issue 16: the server's resident memory at rest. */
const RSS_MB = 150;
const RESTARTS = 3;
const REQUESTS = Number(process.env.BENCH_SERVER_REQUESTS ?? 2_000);

interface Started {
  child: ChildProcess;
  url: string;
  readyMs: number;
}

/** The server as `npm run serve` runs it: the bundle of `npm run build:server` on plain Node. */
export function buildServerBundle(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli/build.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** Starts the bundled server as `npm run serve` does (one Node process, so its memory is the server's). */
async function start(dataDir: string, databaseUrl = ''): Promise<Started> {
  const t0 = performance.now();
  const served = servedBundle();
  const child = spawn(process.execPath, served.args, {
    cwd: ROOT,
    env: {
      ...process.env,
      ...served.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SUFLER_DATA_DIR: dataDir,
      SUFLER_STATIC_DIR: OUT_DIR,
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /http:\/\/localhost:(\d+)/.exec(output);
      if (found) resolveUrl(`http://127.0.0.1:${found[1]}`);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${output}`)));
  });
  for (;;) {
    const res = await fetch(`${url}/readyz`).catch(() => null);
    if (res?.ok) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  return { child, url, readyMs: performance.now() - t0 };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

async function signedInRequests(ctx: SuiteContext): Promise<{ p95: number; p50: number; kind: string }> {
  const kind = process.env.TEST_DATABASE_URL ? 'postgres' : 'embedded';
  const database = await createTestDatabase(kind);
  const app = await buildServer(
    defaultConfig({ database: database.config, seedSamples: true, logLevel: 'warn' }),
  );
  try {
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const signIn = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: sampleLogin('murmansk-sport', 'operator'), password: SAMPLE_PASSWORD }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const times: number[] = [];
    for (let i = 0; i < REQUESTS + 100; i++) {
      const t = performance.now();
      const res = await fetch(`${url}/api/v1/session`, { headers: { cookie } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`signed-in request answered ${res.status}`);
      if (i >= 100) times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    ctx.log(`server: ${REQUESTS} signed-in requests on ${kind}`);
    return { p95: percentile(times, 0.95), p50: percentile(times, 0.5), kind };
  } finally {
    await app.close();
    await database.drop();
  }
}

/** The same process on a real PostgreSQL (TEST_DATABASE_URL): its start and its memory without PGlite. */
async function atRestOnPostgres(ctx: SuiteContext): Promise<BenchRow[]> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return [];
  const database = await createTestDatabase('postgres');
  if (database.config.kind !== 'postgres') return [];
  const url = `${base}${base.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${database.config.schema}`)}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'sufler-bench-unused-'));
  try {
    const s = await start(dataDir, url);
    for (let j = 0; j < 50; j++) await (await fetch(`${s.url}/readyz`)).arrayBuffer();
    await new Promise((r) => setTimeout(r, 2_000));
    const rss = s.child.pid === undefined ? Number.NaN : rssMb(s.child.pid);
    await stop(s.child);
    ctx.log(`server: on PostgreSQL ready in ${s.readyMs.toFixed(0)} ms, ${rss.toFixed(0)} MB at rest`);
    return [
      row('server.start.postgres', s.readyMs, 'ms'),
      row('server.memory.rest.postgres', rss, 'MB', { max: RSS_MB }),
    ];
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

export const serverSuite: Suite = {
  name: 'server',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    buildServerBundle();
    const dataDir = mkdtempSync(join(tmpdir(), 'sufler-bench-data-'));
    try {
      const first = await start(dataDir);
      await stop(first.child);
      ctx.log(`server: first start (creates the database) ${first.readyMs.toFixed(0)} ms`);
      const restarts: number[] = [];
      let rss = Number.NaN;
      for (let i = 0; i < RESTARTS; i++) {
        const s = await start(dataDir);
        restarts.push(s.readyMs);
        if (i === RESTARTS - 1) {
          // At rest: after a sign-in and a few requests, once the process has settled.
          const res = await fetch(`${s.url}/api/v1/session`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              login: sampleLogin('murmansk-sport', 'operator'),
              password: SAMPLE_PASSWORD,
            }),
          });
          const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
          for (let j = 0; j < 50; j++)
            await (
              await fetch(`${s.url}/api/v1/organisations/current`, { headers: { cookie } })
            ).arrayBuffer();
          await new Promise((r) => setTimeout(r, 2_000));
          rss = s.child.pid === undefined ? Number.NaN : rssMb(s.child.pid);
        }
        await stop(s.child);
      }
      restarts.sort((a, b) => a - b);
      const req = await signedInRequests(ctx);
      const postgres = await atRestOnPostgres(ctx);
      return [
        ...postgres,
        row('server.start.first.embedded', first.readyMs, 'ms'),
        row('server.start.existing.embedded.median', percentile(restarts, 0.5), 'ms', { max: READY_MS }),
        row('server.start.existing.embedded.max', restarts[restarts.length - 1] ?? Number.NaN, 'ms'),
        row(`server.request.signedIn.p50.${req.kind}`, req.p50, 'ms'),
        row(`server.request.signedIn.p95.${req.kind}`, req.p95, 'ms', { max: REQUEST_P95_MS }),
        row('server.memory.rest.embedded', rss, 'MB', { max: RSS_MB }),
      ];
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
