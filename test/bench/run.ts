// `npm run bench`: builds the bench bundle, drives it in headless Chromium, prints every figure against
// its budget, writes bench-results.json and exits non-zero on any miss. Add suites to SUITES.
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { formatTable, type BenchRow, type Suite } from './harness';
import { OUT_DIR, buildBenchBundle, serve } from './server';
import { kbSearchSuite } from './suites/kbSearch';

const SUITES: Suite[] = [kbSearchSuite];

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
  const rows: BenchRow[] = [];
  try {
    const context = await browser.newContext();
    const newPage = async () => {
      const page = await context.newPage();
      page.on('pageerror', (e) => log(`page error: ${e.message}`));
      await page.goto(server.url);
      await page.waitForFunction(() => 'sufBench' in window);
      return page;
    };
    for (const suite of suites) {
      log(`suite ${suite.name}`);
      rows.push(...(await suite.run({ newPage, log })));
    }
  } finally {
    await browser.close();
    await server.close();
  }

  writeFileSync('bench-results.json', JSON.stringify(rows, null, 2) + '\n');
  process.stdout.write(formatTable(rows) + '\n');
  const misses = rows.filter((r) => r.pass === false);
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
