// Storage (issue 8), in Chromium: bytes per recorded call, the time to record calls through the operator
// workspace's own write path, and the IndexedDB size after 100,000 calls.
import { row, type BenchRow, type Suite, type SuiteContext } from '../harness';

// Recording goes event by event, as in a real call; laying down 100,000 calls writes about a gigabyte.
// Both take minutes on a busy shared machine, so by default fewer calls are written and the figures for
// 10,000 and 100,000 are projected from them (size and time grow linearly: every call is its own rows).
// BENCH_STORAGE_RECORD=10000 BENCH_STORAGE_BULK=100000 measures them outright.
const RECORD = Number(process.env.BENCH_STORAGE_RECORD ?? 1_000);
const BULK = Number(process.env.BENCH_STORAGE_BULK ?? 10_000);

// A workstation answers about 100 calls a working day, 25,000 a year. 8 KB a call keeps a year near
// 200 MB, which an office PC spares without the browser evicting anything (Chromium lets one origin use
// up to 60 % of the disk, and the app asks for persistent storage at first run).
const BYTES_PER_CALL = 8 * 1024;
// Recording is spread over the calls themselves (an event every few seconds): 10,000 calls in a minute
// is 6 ms a call, about 0.5 ms a write, so a write never queues behind the next keystroke's.
const RECORD_10K_MS = 60_000;
// 100,000 calls are four years of one workstation, or a department's merged files on a supervisor's:
// 1 GB is what a workstation with a 128 GB disk lets one origin use without asking.
const SIZE_100K_MB = 1024;

const tag = (n: number, target: number) => (n === target ? `${target}` : `${target}.projected`);

export const storageSuite: Suite = {
  name: 'storage',
  async run(ctx: SuiteContext): Promise<BenchRow[]> {
    const page = await ctx.newPage();
    const rec = await page.evaluate((n) => window.sufBench.storage.record(n), RECORD);
    await page.close();
    ctx.log(`storage: ${rec.stored} calls (${rec.events} events) recorded in ${rec.recordMs.toFixed(0)} ms`);
    const bulkPage = await ctx.newPage();
    const bulk = await bulkPage.evaluate((n) => window.sufBench.storage.bulk(n, false), BULK);
    await bulkPage.close();
    ctx.log(`storage: ${bulk.stored} calls laid down in bulk in ${bulk.bulkMs.toFixed(0)} ms`);
    if (rec.stored !== RECORD || bulk.stored !== BULK) throw new Error('storage bench lost calls');
    return [
      row('storage.bytesPerCall.recorded', rec.bytes / RECORD, 'B', { max: BYTES_PER_CALL }),
      row('storage.bytesPerCall.bulk', bulk.bytes / BULK, 'B', { max: BYTES_PER_CALL }),
      row('storage.jsonCharsPerCall', rec.jsonChars / RECORD, 'chars'),
      row('storage.record.perCall', rec.recordMs / RECORD, 'ms', { max: RECORD_10K_MS / 10_000 }),
      row(`storage.record.${tag(RECORD, 10_000)}`, (rec.recordMs / RECORD) * 10_000, 'ms', {
        max: RECORD_10K_MS,
      }),
      row(`storage.size.${tag(BULK, 100_000)}`, ((bulk.bytes / BULK) * 100_000) / 1024 ** 2, 'MB', {
        max: SIZE_100K_MB,
      }),
    ];
  },
};
