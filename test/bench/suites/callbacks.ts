// Callbacks are the centre's (issue 17): a callback promised at one desk → listed at another, through the
// real server over HTTP: desk A uploads the call's events, the server files the callback and announces
// it, desk B hears it on its event stream (GET /api/v1/events) and fetches the queue, as the workstation
// does. PostgreSQL when TEST_DATABASE_URL is set, else embedded PGlite.
import { SAMPLE_PASSWORD, sampleLogin } from '../../../src/server/seed';
import { callPromisingCallback } from '../../server/callbacksKit';
import { percentile, row, type BenchRow, type Suite } from '../harness';
import { startBenchServer } from '../centreServer';

/** Issue 17: a callback promised at one desk appears on another within 2 s. */
const APPEARS_MS = 2000;
const ROUNDS = Number(process.env.BENCH_CALLBACK_ROUNDS ?? 20);
const ORG = 'murmansk-sport';

interface Desk {
  cookie: string;
  csrf: string;
}

async function signIn(base: string, login: string, password: string): Promise<Desk> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!res.ok) throw new Error(`sign-in of ${login}: ${res.status}`);
  const cookie = /sufler_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

function send(base: string, desk: Desk, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      cookie: `sufler_session=${desk.cookie}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf-token': desk.csrf }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** Desk B's event stream: resolves `next('callbacks')` on the next event of that name. */
async function openStream(base: string, desk: Desk) {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/v1/events`, {
    headers: { cookie: `sufler_session=${desk.cookie}` },
    signal: abort.signal,
  });
  if (!res.body) throw new Error('no event stream');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(name: string): Promise<void> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (new RegExp(`^event: ${name}$`, 'm').test(block)) return;
          continue;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error('the event stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    close: () => abort.abort(),
  };
}

export const callbacksSuite: Suite = {
  name: 'callbacks',
  async run({ log }): Promise<BenchRow[]> {
    const server = await startBenchServer();
    const { kind } = server;
    try {
      const base = server.url;
      const admin = await signIn(base, sampleLogin(ORG, 'administrator'), SAMPLE_PASSWORD);
      const created = await send(base, admin, 'POST', '/admin/people', {
        login: 'bench.second.operator',
        password: 'пароль-второго-1',
        surname: 'Второй',
        firstName: 'Оператор',
        roles: ['operator'],
      });
      if (created.status !== 201) throw new Error(`second operator: ${created.status}`);
      const deskA = await signIn(base, sampleLogin(ORG, 'operator'), SAMPLE_PASSWORD);
      const deskB = await signIn(base, 'bench.second.operator', 'пароль-второго-1');
      const stream = await openStream(base, deskB);
      const times: number[] = [];
      try {
        for (let i = 0; i < ROUNDS; i++) {
          const call = callPromisingCallback(`bench-callback-${i}`);
          const heard = stream.next('callbacks');
          const t0 = performance.now();
          const uploaded = await send(base, deskA, 'POST', '/calls/events', {
            organisationId: ORG,
            calls: [{ callId: call.callId, events: call.log }],
          });
          if (!uploaded.ok) throw new Error(`upload: ${uploaded.status}`);
          await heard;
          const queue = (await (await send(base, deskB, 'GET', '/callbacks')).json()) as {
            callbacks: { id: string }[];
          };
          if (!queue.callbacks.some((c) => c.id === call.callbackId))
            throw new Error('the promised callback is not in the other desk’s queue');
          times.push(performance.now() - t0);
        }
      } finally {
        stream.close();
      }
      times.sort((a, b) => a - b);
      log(`callbacks: ${ROUNDS} promised at one desk, listed at another, on ${kind}`);
      return [
        row(`callbacks.promisedToListed.p50.${kind}`, percentile(times, 0.5), 'ms'),
        row(`callbacks.promisedToListed.p95.${kind}`, percentile(times, 0.95), 'ms', { max: APPEARS_MS }),
        row(`callbacks.promisedToListed.max.${kind}`, times[times.length - 1] ?? Number.NaN, 'ms'),
      ];
    } finally {
      await server.close();
    }
  },
};
