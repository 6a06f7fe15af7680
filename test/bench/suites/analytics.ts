// Supervisor analytics (issue 6): 100,000 generated calls reduced to facts, the dashboard over them,
// and the list's filter and sort. The dashboard budget is the one second.
import { percentile, row, type BenchRow, type Suite, type SuiteContext } from '../harness';

const COUNT = Number(process.env.BENCH_ANALYTICS_CALLS ?? 100_000);

export const analyticsSuite: Suite = {
  name: 'analytics',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    const page = await ctx.newPage();
    const r = await page.evaluate((n) => window.sufBench.analytics.run(n), COUNT);
    await page.close();
    ctx.log(`analytics ${COUNT}: ${r.events} events generated in ${r.generateMs.toFixed(0)} ms`);
    return [
      row(`analytics.facts.${COUNT}`, r.analyzeMs, 'ms'),
      row(`analytics.dashboard.p50.${COUNT}`, percentile(r.dashMs, 0.5), 'ms', { max: 1000 }),
      row(`analytics.facts+dashboard.${COUNT}`, r.analyzeMs + percentile(r.dashMs, 0.5), 'ms', { max: 1000 }),
      row(`analytics.list.filter.${COUNT}`, r.filterMs, 'ms', { max: 200 }),
      row(`analytics.list.sort.${COUNT}`, r.sortMs, 'ms'),
    ];
  },
};
