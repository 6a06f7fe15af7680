// Knowledge-base search (issue 4): rebuild, cached cold start, latency and recall per query kind at
// 1,000 / 5,000 / 20,000 synthetic articles, and the same figures for MiniSearch and FlexSearch; and the
// top-3 share of the labelled caller queries of each kind issue 15 added, on the real knowledge base.
import { percentile, row, type BenchRow, type Suite, type SuiteContext } from '../harness';
import type { KindSamples } from '../browser/kbSearchBench';
import { QUERY_KINDS, isFound, loadLabelledQueries, realKbIndex } from '../../kb/labelledQueries';

// BENCH_KB_SIZES=5000 runs one size while tuning; budgets are judged on all three.
const SIZES = (process.env.BENCH_KB_SIZES ?? '1000,5000,20000').split(',').map(Number);
const PEERS = process.env.BENCH_KB_PEERS !== '0';
const QUERIES_PER_KIND = 160;
// MiniSearch needs 100+ ms for a one-letter prefix at 20,000: cap each kind's query time to keep the run short.
const PEER_CAP_MS = 3000;
// Each timing is a back-to-back loop (see kbSearchBench.ts), good to a few microseconds; below this a
// peer's figure is jitter, so ratios are taken against at least this much.
const TIMER_NOISE_MS = 0.01;

const latencyBudget = (size: number): number | undefined =>
  size >= 20000 ? 5 : size >= 5000 ? 2 : undefined;
const coldBudget = (size: number): number | undefined =>
  size >= 20000 ? 600 : size >= 5000 ? 150 : undefined;
const recallBudget = (kind: string): number | undefined =>
  kind === 'exact' || kind === 'inflected' ? 0.95 : kind === 'typo' ? 0.9 : undefined;

/**
 * Top-3 share per labelled kind (one-typo, same-root). 0.95, the floor of the synthetic exact and
 * inflected recall: a typo or a same-root word the engine reads should be found about as reliably as the
 * article's own word. Today one query of each kind misses (23/24, 35/36); a second miss in either fails,
 * and at 9cbc0aa, before derivation, same-root was 33/36 = 0.917.
 */
const LABELLED_TOP3_BUDGET = 0.95;

const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
const recall = (hits: readonly boolean[]): number => hits.filter(Boolean).length / Math.max(1, hits.length);
const maybe = (key: 'max' | 'min', v: number | undefined) => (v === undefined ? null : { [key]: v });

export const kbSearchSuite: Suite = {
  name: 'kb-search',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    const rows: BenchRow[] = labelledRows();
    for (const size of SIZES) {
      const prepPage = await ctx.newPage();
      const prep = await prepPage.evaluate(({ s, q }) => window.sufBench.kb.prepare(s, q), {
        s: size,
        q: QUERIES_PER_KIND,
      });
      await prepPage.close();
      ctx.log(`kb ${size}: built in ${prep.buildWallMs.toFixed(0)} ms`);
      rows.push(
        row(`kb.rebuild.worker.${size}`, prep.buildWallMs, 'ms', size >= 20000 ? { max: 10000 } : null),
      );
      rows.push(row(`kb.index.size.${size}`, prep.bytes / 1e6, 'MB'));
      rows.push(row(`kb.cache.store.${size}`, prep.storeMs, 'ms'));
      rows.push(row(`kb.worker.roundtrip.p95.${size}`, percentile(sorted(prep.roundTrips), 0.95), 'ms'));

      const page = await ctx.newPage();
      const ours = await page.evaluate(({ s, q }) => window.sufBench.kb.coldLoadAndQuery(s, q), {
        s: size,
        q: QUERIES_PER_KIND,
      });
      await page.close();
      // Two more cold starts in fresh pages; the median of three counts.
      const colds = [ours.coldMs];
      for (let i = 0; i < 2; i++) {
        const p = await ctx.newPage();
        colds.push(await p.evaluate(async (s) => (await window.sufBench.kb.coldLoad(s)).coldMs, size));
        await p.close();
      }
      rows.push(
        row(`kb.coldstart.${size}`, percentile(sorted(colds), 0.5), 'ms', maybe('max', coldBudget(size))),
      );
      rows.push(row(`kb.coldstart.idb-read.${size}`, ours.readMs, 'ms'));
      // The full search, as the app runs it: ranking plus the hits' texts and highlight ranges.
      for (const k of ours.presented) {
        const lat = sorted(k.latencies);
        rows.push(row(`kb.query.${k.kind}.p50.${size}`, percentile(lat, 0.5), 'ms'));
        rows.push(
          row(`kb.query.${k.kind}.p95-first-run.${size}`, percentile(sorted(k.firstRuns), 0.95), 'ms'),
        );
        rows.push(
          row(
            `kb.query.${k.kind}.p95.${size}`,
            percentile(lat, 0.95),
            'ms',
            maybe('max', latencyBudget(size)),
          ),
        );
        rows.push(
          row(`kb.recall10.${k.kind}.${size}`, recall(k.hits), 'ratio', maybe('min', recallBudget(k.kind))),
        );
      }

      const peers: Record<string, KindSamples[]> = {};
      for (const name of PEERS ? (['minisearch', 'flexsearch'] as const) : []) {
        const peerPage = await ctx.newPage();
        const r = await peerPage.evaluate(({ n, s, q, c }) => window.sufBench.kb.peer(n, s, q, c), {
          n: name,
          s: size,
          q: QUERIES_PER_KIND,
          c: PEER_CAP_MS,
        });
        await peerPage.close();
        ctx.log(`kb ${size}: ${name} built in ${r.buildMs.toFixed(0)} ms`);
        rows.push(row(`peer.${name}.build.${size}`, r.buildMs, 'ms'));
        peers[name] = r.kinds;
      }
      for (const k of ours.ranked)
        rows.push(row(`kb.rank.${k.kind}.p95.${size}`, percentile(sorted(k.latencies), 0.95), 'ms'));
      rows.push(...compareWithPeers(size, ours.ranked, peers));
    }
    return rows;
  },
};

/**
 * Ranking is deterministic, so the labelled queries are measured in Node, on the same engine code as the
 * browser runs, and the same way as test/kb/quality.test.ts (as typed, in the top 3).
 */
function labelledRows(): BenchRow[] {
  const queries = loadLabelledQueries();
  const { index } = realKbIndex();
  return QUERY_KINDS.flatMap((kind) => {
    const ofKind = queries.filter((q) => q.kind === kind);
    const found = ofKind.filter((q) => isFound(index, q)).length;
    return [
      row(`kb.labelled.${kind}.queries`, ofKind.length, 'count'),
      row(`kb.labelled.${kind}.top3`, found / Math.max(1, ofKind.length), 'ratio', {
        min: LABELLED_TOP3_BUDGET,
      }),
    ];
  });
}

/**
 * Ratios on the same queries (a peer may have run fewer of them under the time cap). Speed: the peers
 * return ids, so what is timed against them is our ranking alone (`rank`: ids best first, the id strings
 * included); presenting our hits (texts, highlight ranges), which the peers do not do at all, is timed
 * in the kb.query rows against the absolute budgets. Our p95 must not exceed either peer's (the issue:
 * FlexSearch's speed), each peer's p95 floored at the timer's noise. Recall: ours may not be lower than
 * either peer's, within 0.02.
 */
function compareWithPeers(
  size: number,
  ours: KindSamples[],
  peers: Record<string, KindSamples[]>,
): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const k of ours) {
    let bestRecall = 0;
    for (const [name, kinds] of Object.entries(peers)) {
      const p = kinds.find((x) => x.kind === k.kind);
      if (!p || p.latencies.length === 0) continue;
      const n = p.latencies.length;
      const ourP95 = percentile(sorted(k.latencies.slice(0, n)), 0.95);
      const theirP95 = percentile(sorted(p.latencies), 0.95);
      const theirRecall = recall(p.hits);
      rows.push(row(`peer.${name}.query.${k.kind}.p95.${size}`, theirP95, 'ms'));
      rows.push(row(`peer.${name}.recall10.${k.kind}.${size}`, theirRecall, 'ratio'));
      rows.push(
        row(`ours-vs-${name}.p95.${k.kind}.${size}`, ourP95 / Math.max(theirP95, TIMER_NOISE_MS), '×', {
          max: 1,
        }),
      );
      if (recallBudget(k.kind) !== undefined) {
        bestRecall = Math.max(bestRecall, theirRecall);
        const ourRecall = recall(k.hits.slice(0, n));
        rows.push(
          row(`ours-vs-${name}.recall10.${k.kind}.${size}`, ourRecall - theirRecall, 'Δ', { min: -0.02 }),
        );
      }
    }
  }
  return rows;
}
