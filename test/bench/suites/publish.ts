// Editors publish to the whole centre (issue 18): a flow version published → heard on 200 connected
// workstations (simulated: 200 server-sent-event streams on this machine) → each has fetched the new
// catalogue, the moment a workstation can show it. Then a knowledge base of 5,000 articles published and
// switched on a workstation in Chromium (download, index, swap), from a small one and from another of
// 5,000. PostgreSQL when TEST_DATABASE_URL is set, else PGlite.
import { CLIENT_NEEDS, type Article } from '../../../src/kb/article';
import { articleFileText } from '../../../src/editor/articleFile';
import { SAMPLE_PASSWORD, sampleLogin } from '../../../src/server/seed';
import { loadFlow } from '../../calls/helpers';
import { syntheticKb } from '../corpus';
import { percentile, row, type BenchRow, type Suite, type SuiteContext } from '../harness';
import { OUT_DIR } from '../server';
import { startBenchServer, type BenchServer } from '../centreServer';

/** Issue 18: published → shown on 200 connected workstations within 2 s. */
const SHOWN_MS = 2000;
const CLIENTS = Number(process.env.BENCH_PUBLISH_CLIENTS ?? 200);
const ORG = 'murmansk-sport';
/** Issue 18: a new knowledge base of 5,000 articles switched on a workstation (download, index, swap). */
const KB_ARTICLES = Number(process.env.BENCH_PUBLISH_KB_ARTICLES ?? 5000);
const KB_SWITCH_MS = 3000;

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

/** The synthetic articles as knowledge-base files; `edition` changes every short answer a little. */
function kbFiles(edition: number) {
  const { articles, queries } = syntheticKb(KB_ARTICLES, 1);
  const files = articles.map((a) => {
    const article: Article = {
      ...a,
      questions: [...a.questions],
      short: `${a.short} (${edition})`,
      needs: [CLIENT_NEEDS[0]],
      topics: [...new Set(a.topics)],
      organisations: [],
      source: 'Синтетическая статья для замера',
      reviewed: '2026-11-01',
      reviewEveryDays: 365,
      owner: 'Замер',
    };
    return { file: `knowledge-base/${a.id}.md`, text: articleFileText(article) };
  });
  const probe = queries[0];
  if (!probe) throw new Error('no query');
  return { files, probe };
}

/** Publishes a whole knowledge base over the newest one as the editor; its number. */
async function publishKb(url: string, editor: { cookie: string; csrfToken: string }, files: unknown[]) {
  const latest = await fetch(`${url}/api/v1/kb/files`, { headers: { cookie: editor.cookie } });
  const { version } = (await latest.json()) as { version: number };
  const res = await fetch(`${url}/api/v1/kb/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: editor.cookie, 'x-csrf-token': editor.csrfToken },
    body: JSON.stringify({ articles: files, baseVersion: version, note: 'bench' }),
  });
  if (res.status !== 201)
    throw new Error(`kb publish: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
}

/** A workstation switching to a 5,000-article knowledge base, first from the seed's, then from another. */
async function kbSwitch(ctx: SuiteContext, server: BenchServer): Promise<BenchRow[]> {
  const editor = await signIn(server.url, sampleLogin(ORG, 'editor'));
  const page = await ctx.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => 'sufBench' in window);
  await page.evaluate(([l, p]) => window.sufBench.kbSwitch.signIn(l, p), [
    sampleLogin(ORG, 'operator'),
    SAMPLE_PASSWORD,
  ] as const);
  const name = `kb-switch-${Date.now()}`;
  const seeded = await page.evaluate(([n]) => window.sufBench.kbSwitch.sync(n, 'срок', ''), [name] as const);
  if (!seeded.updated) throw new Error('the seeded knowledge base was not taken');
  const switches = [];
  for (const edition of [1, 2]) {
    const { files, probe } = kbFiles(edition);
    await publishKb(server.url, editor, files);
    const result = await page.evaluate(([n, q, id]) => window.sufBench.kbSwitch.sync(n, q, id), [
      name,
      probe.query,
      probe.expected,
    ] as const);
    if (!result.updated || result.articles !== KB_ARTICLES || !result.found)
      throw new Error(`switch ${edition}: ${JSON.stringify(result)}`);
    switches.push(result);
  }
  await page.close();
  const [fromSeed, fromFull] = switches;
  if (!fromSeed || !fromFull) throw new Error('two switches expected');
  ctx.log(
    `publish: ${KB_ARTICLES} articles switched in ${fromSeed.switchMs.toFixed(0)} ms from the seed (download ${fromSeed.downloadMs.toFixed(0)}), ${fromFull.switchMs.toFixed(0)} ms from another (download ${fromFull.downloadMs.toFixed(0)})`,
  );
  const kind = server.kind;
  return [
    row(`publish.kbSwitch.${KB_ARTICLES}.fromSeed.${kind}`, fromSeed.switchMs, 'ms', { max: KB_SWITCH_MS }),
    row(`publish.kbSwitch.${KB_ARTICLES}.fromFull.${kind}`, fromFull.switchMs, 'ms', { max: KB_SWITCH_MS }),
    row(`publish.kbSwitch.${KB_ARTICLES}.download.${kind}`, fromFull.downloadMs, 'ms'),
  ];
}

export const publishSuite: Suite = {
  name: 'publish',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    const server = await startBenchServer(OUT_DIR);
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
      stop.abort();
      return [
        ...(await kbSwitch(ctx, server)),
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
