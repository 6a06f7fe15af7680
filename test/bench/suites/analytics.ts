// Supervisor analytics (issue 6): 100,000 generated calls reduced to facts, the dashboard over them, and
// the list's filter and sort; then the whole way from IndexedDB to the dashboard in the app's worker,
// with the page's longest frame meanwhile. The dashboard budget is the one second.
import { percentile, row, type BenchRow, type Suite, type SuiteContext } from '../harness';

const COUNT = Number(process.env.BENCH_ANALYTICS_CALLS ?? 100_000);
// Laying down 100,000 realistic calls writes about a gigabyte (see the storage suite): minutes on a
// shared machine, so the stored path runs on fewer calls unless asked for more.
const STORED = Number(process.env.BENCH_ANALYTICS_STORED_CALLS ?? 10_000);
// Once each call's figures are kept (after a first opening, or reduced at import), a dashboard reads one
// summary row and one figures row per call: that path is measured at the 100,000 calls.
const KEPT = Number(process.env.BENCH_ANALYTICS_KEPT_CALLS ?? 100_000);
const SECOND = 1000;
// A frame longer than 50 ms is a "long task": the page visibly stops answering (RAIL).
const LONG_TASK_MS = 50;
// Switching the period or the filter shows the new figures within 200 ms (issue 21).
const REDRAW_MS = 200;

export const analyticsSuite: Suite = {
  name: 'analytics',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    const page = await ctx.newPage();
    const r = await page.evaluate((n) => window.sufBench.analytics.run(n), COUNT);
    await page.close();
    ctx.log(`analytics ${COUNT}: ${r.events} events generated in ${r.generateMs.toFixed(0)} ms`);
    const writer = await ctx.newPage();
    const { storeMs } = await writer.evaluate((n) => window.sufBench.analytics.store(n), STORED);
    await writer.close();
    ctx.log(`analytics stored ${STORED}: laid down in ${storeMs.toFixed(0)} ms`);
    // A fresh page, as the supervisor opens the app: nothing of the writing left in its heap.
    const reader = await ctx.newPage();
    const s = await reader.evaluate((n) => window.sufBench.analytics.openStored(n), STORED);
    await reader.close();
    const againPage = await ctx.newPage();
    const a = await againPage.evaluate((n) => window.sufBench.analytics.openAgain(n), STORED);
    await againPage.close();
    for (const run of [s.cold, s.warm])
      if (run.calls !== STORED || run.dashboardCalls !== STORED) throw new Error('stored calls lost');
    if (s.changed.calls !== STORED + 1) throw new Error('the call stored meanwhile is missing');
    if (a.again.dashboardCalls !== STORED + 1 || a.again.calls !== STORED + 1)
      throw new Error(`a new page shows ${a.again.calls} calls, ${a.again.dashboardCalls} in figures`);
    ctx.log(`analytics stored ${STORED}: a new page found ${a.packs} packs, ${a.markers} calls marked`);
    const keptWriter = await ctx.newPage();
    const k = await keptWriter.evaluate((n) => window.sufBench.analytics.storeFigures(n), KEPT);
    await keptWriter.close();
    ctx.log(`analytics kept ${KEPT}: summary rows and figures laid down in ${k.storeMs.toFixed(0)} ms`);
    const keptFirst = await ctx.newPage();
    const bigFirst = await keptFirst.evaluate((n) => window.sufBench.analytics.openFirst(n), KEPT);
    await keptFirst.close();
    ctx.log(`analytics kept ${KEPT}: first opening packed ${bigFirst.packs} of ${bigFirst.months} months`);
    const keptReader = await ctx.newPage();
    const big = await keptReader.evaluate((n) => window.sufBench.analytics.openAgain(n), KEPT);
    await keptReader.close();
    for (const run of [bigFirst.first, big.again])
      if (run.dashboardCalls !== KEPT || run.calls !== KEPT) throw new Error('kept calls lost');
    if (big.redraw.calls !== KEPT) throw new Error(`the redraw bench saw ${big.redraw.calls} calls`);
    const n = `stored.${STORED}`;
    return [
      row(`analytics.facts.${COUNT}`, r.analyzeMs, 'ms'),
      row(`analytics.dashboard.p50.${COUNT}`, percentile(r.dashMs, 0.5), 'ms', { max: SECOND }),
      row(`analytics.facts+dashboard.${COUNT}`, r.analyzeMs + percentile(r.dashMs, 0.5), 'ms', {
        max: SECOND,
      }),
      // Issue 21: the dashboard's answer has the period, the previous period, hours and days in one pass.
      row(`analytics.periodFigures.p50.${COUNT}`, percentile(r.figuresMs, 0.5), 'ms', { max: SECOND }),
      row(`analytics.list.filter.${COUNT}`, r.filterMs, 'ms', { max: 200 }),
      row(`analytics.list.sort.${COUNT}`, r.sortMs, 'ms'),
      // The first opening reads every call's log once; the worker keeps the figures from then on.
      // The longest frame of the idle page: a machine busy with other work stretches every frame.
      row('analytics.idle.longestFrame', s.idleGap, 'ms'),
      row(`analytics.${n}.cold.dashboard`, s.cold.dashboardMs, 'ms'),
      row(`analytics.${n}.cold.longestFrame`, s.coldGap, 'ms', { max: LONG_TASK_MS }),
      row(`analytics.${n}.reopen.dashboard`, s.warm.dashboardMs, 'ms', { max: SECOND }),
      row(`analytics.${n}.reopen.longestFrame`, s.warmGap, 'ms', { max: LONG_TASK_MS }),
      row(`analytics.${n}.oneMoreCall.dashboard`, s.changed.dashboardMs, 'ms', { max: SECOND }),
      row(`analytics.${n}.oneMoreCall.longestFrame`, s.changedGap, 'ms', { max: LONG_TASK_MS }),
      // A new page: a new worker with nothing in memory reads the figures the first opening kept.
      row(`analytics.${n}.newPage.dashboard`, a.again.dashboardMs, 'ms', { max: SECOND }),
      row(`analytics.${n}.newPage.longestFrame`, a.gap, 'ms', { max: LONG_TASK_MS }),
      row(`analytics.${n}.newPage.calls`, a.again.callsMs, 'ms'),
      // The first opening over figures kept without packs (after an import, or schema 2) packs them.
      row(`analytics.kept.${KEPT}.firstOpening.dashboard`, bigFirst.first.dashboardMs, 'ms'),
      row(`analytics.kept.${KEPT}.firstOpening.longestFrame`, bigFirst.gap, 'ms', { max: LONG_TASK_MS }),
      // Every later opening, in a new page, reads the packs: the 100,000 calls in a second.
      row(`analytics.kept.${KEPT}.newPage.calls`, big.again.callsMs, 'ms'),
      row(`analytics.kept.${KEPT}.newPage.dashboard`, big.again.dashboardMs, 'ms', { max: SECOND }),
      row(`analytics.kept.${KEPT}.newPage.longestFrame`, big.gap, 'ms', { max: LONG_TASK_MS }),
      // Issue 21: from switching the filter or the period to the new figures drawn, the worker holding the
      // calls; the median against the budget, the worst beside it.
      row(`analytics.kept.${KEPT}.switchFilter.redraw.p50`, percentile(big.redraw.filterMs, 0.5), 'ms', {
        max: REDRAW_MS,
      }),
      row(`analytics.kept.${KEPT}.switchFilter.redraw.max`, big.redraw.filterMs.at(-1) ?? 0, 'ms'),
      row(`analytics.kept.${KEPT}.switchPeriod.redraw.p50`, percentile(big.redraw.periodMs, 0.5), 'ms', {
        max: REDRAW_MS,
      }),
      row(`analytics.kept.${KEPT}.switchPeriod.redraw.max`, big.redraw.periodMs.at(-1) ?? 0, 'ms'),
      // Of which the page's own part: «Показатели» rendered with the figures the worker sent.
      row(`analytics.kept.${KEPT}.switch.draw.max`, big.redraw.drawMs.at(-1) ?? 0, 'ms'),
      row(`analytics.kept.${KEPT}.switch.longestFrame`, big.redrawGap, 'ms', { max: LONG_TASK_MS }),
    ];
  },
};
