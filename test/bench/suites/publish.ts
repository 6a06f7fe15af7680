// Editors publish to the whole centre (issue 18): a flow version published → heard on 200 connected
// workstations (simulated: 200 server-sent-event streams on this machine) → each has fetched the new
// catalogue, the moment a workstation can show it. PostgreSQL when TEST_DATABASE_URL is set, else PGlite.
import { SAMPLE_PASSWORD, sampleLogin } from '../../../src/server/seed';
import { loadFlow } from '../../calls/helpers';
import { percentile, row, type BenchRow, type Suite, type SuiteContext } from '../harness';
import { startBenchServer } from '../centreServer';

/** Issue 18: published → shown on 200 connected workstations within 2 s. */
const SHOWN_MS = 2000;
const CLIENTS = Number(process.env.BENCH_PUBLISH_CLIENTS ?? 200);
const ORG = 'murmansk-sport';

async function signIn(url: string, login: string): Promise<{ cookie: string; csrfToken: string }> {
  const res = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: SAMPLE_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in: HTTP ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken };
}

/** One workstation: its stream open; resolves with [heard, fetched] times once the flows event came. */
async function workstation(
  url: string,
  cookie: string,
  connected: () => void,
  signal: AbortSignal,
): Promise<[number, number]> {
  const res = await fetch(`${url}/api/v1/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal,
  });
  const reader = res.body?.getReader();
  if (!reader) throw new Error('no stream');
  const decoder = new TextDecoder();
  let text = '';
  let open = false;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended before the event');
    text += decoder.decode(value, { stream: true });
    if (!open && text.includes('retry:')) {
      open = true;
      connected();
    }
    if (text.includes('event: flows')) break;
  }
  const heard = performance.now();
  const catalogue = await fetch(`${url}/api/v1/flows`, { headers: { cookie } });
  await catalogue.json();
  return [heard, performance.now()];
}

export const publishSuite: Suite = {
  name: 'publish',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    const server = await startBenchServer();
    const { kind } = server;
    const stop = new AbortController();
    try {
      const url = server.url;
      const operator = await signIn(url, sampleLogin(ORG, 'operator'));
      const editor = await signIn(url, sampleLogin(ORG, 'editor'));
      let open = 0;
      let allOpen: () => void = () => {};
      const opened = new Promise<void>((resolve) => (allOpen = resolve));
      const clients = Array.from({ length: CLIENTS }, () =>
        workstation(url, operator.cookie, () => ++open === CLIENTS && allOpen(), stop.signal),
      );
      await opened;
      const flow = loadFlow('inbound-consultation.json');
      const started = performance.now();
      const res = await fetch(`${url}/api/v1/flows/${flow.id}/versions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: editor.cookie,
          'x-csrf-token': editor.csrfToken,
        },
        body: JSON.stringify({ definition: flow, baseVersion: flow.version, note: 'bench' }),
      });
      if (res.status !== 201) throw new Error(`publish: HTTP ${res.status} ${await res.text()}`);
      const times = await Promise.all(clients);
      const heard = times.map(([h]) => h - started).sort((a, b) => a - b);
      const shown = times.map(([, f]) => f - started).sort((a, b) => a - b);
      ctx.log(`publish: ${CLIENTS} workstations heard and fetched on ${kind}`);
      return [
        row(`publish.heard.p95.${kind}`, percentile(heard, 0.95), 'ms'),
        row(`publish.heard.max.${kind}`, heard[heard.length - 1] ?? Number.NaN, 'ms'),
        row(`publish.shown.p50.${kind}`, percentile(shown, 0.5), 'ms'),
        row(`publish.shown.max.${kind}`, shown[shown.length - 1] ?? Number.NaN, 'ms', { max: SHOWN_MS }),
      ];
    } finally {
      stop.abort();
      await server.close();
    }
  },
};
