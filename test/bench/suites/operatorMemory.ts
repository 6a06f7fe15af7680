// Operator tab memory over a shift (issue 8): 200 whole calls by keyboard in one tab of the production
// build; JS heap and DOM nodes after a forced GC at call 10 and at call 200, and the growth per call.
import type { CDPSession, Page } from 'playwright-core';
import { firstRun, serveProductionApp, shortCall } from '../appServer';
import { row, type BenchRow, type Suite } from '../harness';

const CALLS = Number(process.env.BENCH_MEMORY_CALLS ?? 200);
/** Warm-up: the first calls load lazy chunks, fill caches and JIT code; growth is measured after them. */
const BASELINE_AT = 10;
/**
 * A busy operator takes 150–200 calls in a shift without closing the tab (and may keep it open for days).
 * 20 KB per call keeps a whole shift of 200 calls under 4 MB of growth — small next to the tab's own
 * heap and invisible on an office PC with 4–8 GB — while a leaked call screen (a detached React tree of
 * the call with its machine, tens to hundreds of KB each) would blow it at once.
 */
const GROWTH_PER_CALL_BYTES = 20 * 1024;
/**
 * The whole heap after 200 calls: React, Dexie, XState, the flows and the catalogue come to ~10 MB on
 * this build; 32 MB leaves room for the knowledge base cached in the page, and stays a small share of
 * what Chromium gives a tab before it starts to be slow on a low-end office machine.
 */
const HEAP_BUDGET_BYTES = 32 * 1024 * 1024;
/** DOM nodes should not grow with calls at all: the start panel after call 200 is the one after call 10. */
const DOM_GROWTH_PER_CALL = 5;

interface Sample {
  heap: number;
  nodes: number;
  listeners: number;
}

/**
 * Dexie keeps the cached result of a live query for 3 s after its last subscriber left (cache-middleware
 * enqueForDeletion), and the call screen re-subscribes often: measured at once, those in-flight entries
 * (with their transactions) look like growth. An operator's tab idles between calls anyway.
 */
const IDLE_BEFORE_MEASURE_MS = 4000;

/**
 * Waits out that grace period, collects garbage (twice: finalizers free more on the second pass), then
 * reads the heap and DOM counters.
 */
async function measure(page: Page, cdp: CDPSession): Promise<Sample> {
  await page.waitForTimeout(IDLE_BEFORE_MEASURE_MS);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

async function drive(page: Page, cdp: CDPSession, log: (m: string) => void) {
  let baseline: Sample | null = null;
  const started = performance.now();
  for (let n = 1; n <= CALLS; n++) {
    await shortCall(page, n);
    if (n === BASELINE_AT) baseline = await measure(page, cdp);
    if (n % 50 === 0)
      log(`operator-memory: ${n} calls, ${((performance.now() - started) / n).toFixed(0)} ms each`);
  }
  const end = await measure(page, cdp);
  if (!baseline) throw new Error(`operator-memory: needs more than ${BASELINE_AT} calls`);
  return { baseline, end };
}

export const operatorMemorySuite: Suite = {
  name: 'operator-memory',
  async run(ctx): Promise<BenchRow[]> {
    const server = await serveProductionApp(ctx.log);
    const probe = await ctx.newPage();
    const browser = probe.context().browser();
    await probe.close();
    if (!browser) throw new Error('operator-memory: the bench page has no browser to open contexts in');
    // A context of its own: the operator's profile holds only this run's calls.
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.on('pageerror', (e) => ctx.log(`operator-memory page error: ${e.message}`));
      await page.goto(`${server.url}/operator`);
      await firstRun(page);
      const cdp = await context.newCDPSession(page);
      const { baseline, end } = await drive(page, cdp, ctx.log);
      const calls = CALLS - BASELINE_AT;
      const growth = (end.heap - baseline.heap) / calls;
      return [
        row(`operator-memory.heap.after-${BASELINE_AT}`, baseline.heap / 1024 / 1024, 'MB'),
        row(`operator-memory.heap.after-${CALLS}`, end.heap / 1024 / 1024, 'MB', {
          max: HEAP_BUDGET_BYTES / 1024 / 1024,
        }),
        row('operator-memory.heap.growth-per-call', growth / 1024, 'KB', {
          max: GROWTH_PER_CALL_BYTES / 1024,
        }),
        row(`operator-memory.dom-nodes.after-${BASELINE_AT}`, baseline.nodes, 'count'),
        row(`operator-memory.dom-nodes.after-${CALLS}`, end.nodes, 'count'),
        row('operator-memory.dom-nodes.growth-per-call', (end.nodes - baseline.nodes) / calls, 'count', {
          max: DOM_GROWTH_PER_CALL,
        }),
        row(
          'operator-memory.listeners.growth-per-call',
          (end.listeners - baseline.listeners) / calls,
          'count',
        ),
      ];
    } finally {
      await context.close();
      await server.stop();
    }
  },
};
