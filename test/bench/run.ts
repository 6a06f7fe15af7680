// `npm run bench`: builds the bench bundle, drives it in headless Chromium, prints every figure against
// its budget, writes bench-results.json and exits non-zero on any miss. Add suites to SUITES.
import { writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { formatTable, row, type BenchRow, type Suite } from './harness';
import { OUT_DIR, buildBenchBundle, serve } from './server';
import { analyticsSuite } from './suites/analytics';
import { callbacksSuite } from './suites/callbacks';
import { firstLoadSuite } from './suites/firstLoad';
import { kbSearchSuite } from './suites/kbSearch';
import { loadSuite } from './suites/load';
import { operatorLatencySuite } from './suites/operatorLatency';
import { operatorMemorySuite } from './suites/operatorMemory';
import { publishSuite } from './suites/publish';
import { serverSuite } from './suites/server';
import { storageSuite } from './suites/storage';
import { supervisionSuite } from './suites/supervision';
import { syncSuite } from './suites/sync';

const SUITES: Suite[] = [
  kbSearchSuite,
  analyticsSuite,
  operatorLatencySuite,
  storageSuite,
  firstLoadSuite,
  operatorMemorySuite,
  serverSuite,
  syncSuite,
  loadSuite,
  supervisionSuite,
  callbacksSuite,
  publishSuite,
];

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  const suites = only.length > 0 ? SUITES.filter((s) => only.includes(s.name)) : SUITES;
  const started = performance.now();
  const log = (m: string): void => {
    process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${m}\n`);
  };

  log('building bench bundle');
  await buildBenchBundle();
  const server = await serve(OUT_DIR);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--js-flags=--expose-gc',
    ],
  });
  // Timings mean little on a machine busy with other work: record how busy it was, and a fixed workload's
  // time, so two runs can be compared and a miss under load is recognised as such.
  const rows: BenchRow[] = [
    row('env.cpus', availableParallelism(), 'count'),
    row('env.loadavg1.start', loadavg()[0] ?? 0, 'load'),
  ];
  try {
    const context = await browser.newContext();
    const newPage = async () => {
      const page = await context.newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      await page.goto(server.url);
      await page.waitForFunction(() => 'sufBench' in window);
      return page;
    };
    const probe = await newPage();
    const calibrationMs = await probe.evaluate(() => {
      const t = performance.now();
      let x = 0;
      for (let i = 0; i < 3e7; i++) x = (x * 31 + i) | 0;
      return performance.now() - t + (x === 0.5 ? 1 : 0);
    });
    await probe.close();
    rows.push(row('env.calibration', calibrationMs, 'ms'));
    for (const suite of suites) {
      log(`suite ${suite.name}`);
      const suiteRows = await suite.run({ newPage, log });
      rows.push(...suiteRows);
      // Each suite's table and the file as they are so far: a run cut short (CI caps it) still reports.
      process.stdout.write(formatTable(suiteRows) + '\n\n');
      writeFileSync('bench-results.json', JSON.stringify(rows, null, 2) + '\n');
    }
  } finally {
    await browser.close();
    await server.close();
  }

  rows.push(row('env.loadavg1.end', loadavg()[0] ?? 0, 'load'));
  if ((loadavg()[0] ?? 0) > availableParallelism()) {
    log(
      `warning: load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores; timings are inflated`,
    );
  }
  writeFileSync('bench-results.json', JSON.stringify(rows, null, 2) + '\n');
  const misses = rows.filter((r) => r.pass === false);
  for (const m of misses) log(`MISS ${m.name}: ${m.value} ${m.unit}, budget ${JSON.stringify(m.budget)}`);
  log(`${rows.length} figures, ${misses.length} over budget; bench-results.json written`);
  return misses.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(2);
  },
);
