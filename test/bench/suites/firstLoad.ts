// Operator first load (issue 8), production build with its service worker, in Chromium: JavaScript the
// operator route ships (gzip) and the time from navigation to "ready for a call" and to the greeting.
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page, Response } from 'playwright-core';
import type { StaticServer } from '../../helpers/staticServer';
import { firstRun, hangUp, serveProductionApp, startPanel } from '../appServer';
import { percentile, row, type BenchRow, type Suite } from '../harness';

const COLD_RUNS = Number(process.env.BENCH_FIRST_LOAD_COLD ?? 7);
const WARM_RUNS = Number(process.env.BENCH_FIRST_LOAD_WARM ?? 10);

/**
 * What "the operator route" ships: every script the page requests from navigation to /operator until the
 * greeting of a first call is on screen — the entry, its static imports, and the chunks loaded lazily on
 * the way (anything the call screen loads before its greeting is up). What the page requests after that
 * (the call screen's panels' chunk) is told apart by the page's own request times and reported apart. Web
 * workers (the knowledge-base search) run off the main thread and load in parallel: counted apart. Bodies
 * gzip-compressed here at zlib's default level, as a static server would send them. 150 KB is issue 8's
 * budget: on a 10 Mbit/s regional office line that is ~0.12 s of transfer, and the parse/compile time on
 * a 2-core office PC grows with it.
 */
const JS_BUDGET_BYTES = 150 * 1024;
/**
 * Cold (no HTTP or service-worker cache, e.g. the first start after the cache was cleared): the operator
 * must be able to take a call within 2 s of opening the app — a phone rings 3–4 times in ~10 s, and the
 * standard asks to answer by the third ring; 2 s on this 2-core machine over loopback leaves the rest for
 * a real network. Warm (service worker installed, everything from Cache Storage): the usual start of a
 * shift or a reopened tab, 1 s — the app should be on screen before the operator has put the headset on.
 * The greeting budgets add the first call's own cost (issue 5 budgets F2 → greeting at 100 ms) and one
 * driver round trip (the press comes from the bench process), so +300 ms.
 */
const COLD_READY_MS = 2000;
const WARM_READY_MS = 1000;
const GREETING_EXTRA_MS = 300;

/** In-page stamps relative to the navigation start (performance.now() is 0 at timeOrigin). */
const PROBE = `(() => {
  const p = { ready: 0, f2: 0, greeting: 0 };
  window.__firstLoad = p;
  window.addEventListener('keydown', (e) => { if (e.key === 'F2' && !p.f2) p.f2 = e.timeStamp; }, true);
  const check = () => {
    if (!p.ready && document.querySelector('section[aria-label="Новый звонок"]')) p.ready = performance.now();
    const line = document.querySelector('[data-testid="line-to-say"]');
    if (p.f2 && !p.greeting && line && line.textContent) p.greeting = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

interface Stamps {
  ready: number;
  f2: number;
  greeting: number;
}

declare global {
  interface Window {
    __firstLoad: Stamps;
  }
}

interface LoadResult extends Stamps {
  /** gzip bytes per script URL the page requested, the service worker's own scripts left out. */
  scripts: Map<string, number>;
  /**
   * gzip bytes per URL the page's code fetched (the flows, the knowledge base): data, not code, but bytes
   * the route downloads all the same, so moving code into a fetched file shows here.
   */
  data: Map<string, number>;
  /** Scripts the page requested after the greeting was on screen (the call screen's panels): apart. */
  afterGreeting: Map<string, number>;
  fromServiceWorker: number;
}

const isWorker = (url: string) => /\.worker-[\w-]+\.js$/.test(url);

/**
 * When the page started each request (ms from navigation, as the stamps), once its requests have settled:
 * no new one for 300 ms (at most 5 s), so the chunks the call screen loads after the greeting are in.
 */
async function requestStarts(page: Page): Promise<Map<string, number>> {
  const entries = () =>
    page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => [e.name, e.startTime] as [string, number]),
    );
  const deadline = Date.now() + 5000;
  let seen = (await entries()).length;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    const now = (await entries()).length;
    if (now === seen) break;
    seen = now;
  }
  return new Map(await entries());
}

/** Opens /operator in a new page of `context`, takes a call with F2, and reports stamps and scripts. */
async function load(context: BrowserContext, server: StaticServer): Promise<LoadResult> {
  const page = await context.newPage();
  const bodies: Promise<[string, number, boolean] | null>[] = [];
  const dataBodies: Promise<[string, number] | null>[] = [];
  const onResponse = (r: Response) => {
    const url = r.url();
    if (r.request().serviceWorker()) return;
    if (['fetch', 'xhr'].includes(r.request().resourceType())) {
      dataBodies.push(
        r.body().then(
          (b) => [url, gzipSync(b).length],
          () => null,
        ),
      );
    }
    if (!url.endsWith('.js')) return;
    bodies.push(
      r.body().then(
        (b) => [url, gzipSync(b).length, r.fromServiceWorker()],
        () => null,
      ),
    );
  };
  page.on('response', onResponse);
  try {
    await page.addInitScript(PROBE);
    await page.goto(`${server.url}/operator`, { waitUntil: 'commit' });
    await startPanel(page);
    await page.keyboard.press('F2');
    await page.waitForFunction(() => window.__firstLoad.greeting > 0, undefined, { polling: 'raf' });
    const stamps = await page.evaluate(() => ({ ...window.__firstLoad }));
    // What the call screen loads once the greeting is up arrives too, to be reported apart: a request
    // belongs to the route when the page started it before the greeting was on screen.
    const started = await requestStarts(page);
    page.off('response', onResponse);
    // A call left open would be restored by the next page instead of its start panel.
    await hangUp(page);
    const beforeGreeting = (url: string) => (started.get(url) ?? 0) <= stamps.greeting;
    const scripts = new Map<string, number>();
    const afterGreeting = new Map<string, number>();
    let fromServiceWorker = 0;
    for (const entry of await Promise.all(bodies)) {
      if (!entry) continue;
      // Workers are counted apart whenever they start (the search worker may start after the greeting).
      if (!isWorker(entry[0]) && !beforeGreeting(entry[0])) {
        afterGreeting.set(entry[0], entry[1]);
        continue;
      }
      scripts.set(entry[0], entry[1]);
      if (entry[2]) fromServiceWorker++;
    }
    const data = new Map(
      (await Promise.all(dataBodies)).filter((e) => e !== null).filter(([url]) => beforeGreeting(url)),
    );
    return { ...stamps, scripts, data, afterGreeting, fromServiceWorker };
  } finally {
    await page.close();
  }
}

/**
 * Waits until a service worker controls a page of the app (installed, precached, claimed). A page that
 * is still not controlled after 30 s is loaded again, which puts it under an active worker whatever the
 * claim did (one CI run after the storage suite waited a whole minute in vain; it is logged when it
 * happens).
 */
async function waitForServiceWorker(
  context: BrowserContext,
  server: StaticServer,
  log: (m: string) => void,
): Promise<void> {
  const page = await context.newPage();
  const controlled = (timeout: number) =>
    page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout });
  try {
    await page.goto(`${server.url}/operator`);
    await startPanel(page);
    const claimed = await controlled(30_000).then(
      () => true,
      () => false,
    );
    if (claimed) return;
    const state = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return `installing ${r?.installing?.state}, waiting ${r?.waiting?.state}, active ${r?.active?.state}`;
    });
    log(`first-load: no service worker in control after 30 s (${state}); reloading the page`);
    await page.reload();
    await controlled(30_000);
  } finally {
    await page.close();
  }
}

/** Empties the service worker and its caches and the HTTP cache; IndexedDB (settings, calls) stays. */
async function clearCaches(context: BrowserContext, server: StaticServer, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.clearDataForOrigin', {
    origin: server.url,
    storageTypes: 'cache_storage,service_workers',
  });
  await cdp.send('Network.clearBrowserCache');
  await cdp.detach();
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const p50 = (xs: number[]) => percentile(sorted(xs), 0.5);
const p95 = (xs: number[]) => percentile(sorted(xs), 0.95);

function timingRows(prefix: string, runs: LoadResult[], readyMs: number): BenchRow[] {
  const ready = runs.map((r) => r.ready);
  const greeting = runs.map((r) => r.greeting);
  const f2ToGreeting = runs.map((r) => r.greeting - r.f2);
  return [
    row(`${prefix}.ready.p50`, p50(ready), 'ms'),
    row(`${prefix}.ready.p95`, p95(ready), 'ms', { max: readyMs }),
    row(`${prefix}.greeting.p50`, p50(greeting), 'ms'),
    row(`${prefix}.greeting.p95`, p95(greeting), 'ms', { max: readyMs + GREETING_EXTRA_MS }),
    row(`${prefix}.f2-to-greeting.p95`, p95(f2ToGreeting), 'ms'),
  ];
}

async function run(browser: Browser, server: StaticServer, log: (m: string) => void): Promise<BenchRow[]> {
  // One profile for the whole suite, like one operator's browser: first run once, then only the caches
  // are emptied between cold loads. A new context per load would also lose IndexedDB (a first run).
  const context = await browser.newContext();
  try {
    const setup = await context.newPage();
    await setup.goto(`${server.url}/operator`);
    await firstRun(setup);
    // The first-run page would stay a client of the service worker: keep a blank page for CDP instead.
    await setup.goto('about:blank');

    const cold: LoadResult[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await clearCaches(context, server, setup);
      cold.push(await load(context, server));
      // Let the service worker finish precaching before the next sample empties it again, so the
      // samples do not overlap a background install.
      await waitForServiceWorker(context, server, log);
    }
    const controlled = cold.some((r) => r.fromServiceWorker > 0);
    const warm: LoadResult[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await load(context, server));
    await setup.close();

    const first = cold[0];
    const all = first ? [...first.scripts] : [];
    const routeJs = all.filter(([url]) => !isWorker(url)).reduce((s, [, b]) => s + b, 0);
    const workerJs = all.filter(([url]) => isWorker(url)).reduce((s, [, b]) => s + b, 0);
    for (const [url, bytes] of all) log(`first-load: ${(bytes / 1024).toFixed(1)} KB gzip ${url}`);
    const data = first ? [...first.data] : [];
    for (const [url, bytes] of data) log(`first-load: ${(bytes / 1024).toFixed(1)} KB gzip (data) ${url}`);
    const later = first ? [...first.afterGreeting] : [];
    for (const [url, bytes] of later)
      log(`first-load: ${(bytes / 1024).toFixed(1)} KB gzip (after the greeting) ${url}`);
    const warmFromSw = warm.filter((r) => r.scripts.size > 0 && r.fromServiceWorker === r.scripts.size);
    return [
      row('first-load.js.operator-route.gzip', routeJs / 1024, 'KB', { max: JS_BUDGET_BYTES / 1024 }),
      row(
        'first-load.js.operator-route.files',
        all.length - all.filter(([u]) => isWorker(u)).length,
        'count',
      ),
      row('first-load.js.workers.gzip', workerJs / 1024, 'KB'),
      row('first-load.data.operator-route.gzip', data.reduce((sum, [, b]) => sum + b, 0) / 1024, 'KB'),
      // Loaded by the call screen once the greeting is up (its panels and side column): not in the budget,
      // shown so nothing leaves the measure unseen.
      row('first-load.js.after-greeting.gzip', later.reduce((sum, [, b]) => sum + b, 0) / 1024, 'KB'),
      // A cold load must really be cold: nothing may come from a service worker.
      row('first-load.cold.served-by-sw', controlled ? 1 : 0, 'count', { max: 0 }),
      ...timingRows('first-load.cold', cold, COLD_READY_MS),
      // A warm load must really be warm: every script from the service worker's cache.
      row('first-load.warm.runs-served-by-sw', warmFromSw.length, 'count', { min: WARM_RUNS }),
      ...timingRows('first-load.warm', warm, WARM_READY_MS),
    ];
  } finally {
    await context.close();
  }
}

export const firstLoadSuite: Suite = {
  name: 'first-load',
  async run(ctx): Promise<BenchRow[]> {
    const server = await serveProductionApp(ctx.log);
    const probe = await ctx.newPage();
    const browser = probe.context().browser();
    await probe.close();
    if (!browser) throw new Error('first-load: the bench page has no browser to open contexts in');
    try {
      return await run(browser, server, ctx.log);
    } finally {
      await server.stop();
    }
  },
};
