// Operator call screen (issue 5), production build in Chromium: F2 "incoming call" → greeting on screen,
// and a step action key → next line on screen with its event stored in IndexedDB, p95 each.
import type { Page } from 'playwright-core';
import { firstRun, serveProductionApp } from '../appServer';
import { percentile, row, type BenchRow, type Suite } from '../harness';

// 200 each: a p95 of 40 samples is the second-worst press, which one stray pause on a shared machine decides.
const SAMPLES = Number(process.env.BENCH_OPERATOR_SAMPLES ?? 200);
// One frame at 60 Hz: the budget for an action's next line (and its stored event).
const FRAME_MS = 16;
// F2 mounts the whole call screen (stage strip, card, panels, KB suggestions) and writes the call's
// first records; 100 ms is where a response stops feeling instant (RAIL), and the operator speaks the
// greeting only after looking at it, so anything under that is invisible to them.
const INCOMING_MS = 100;

/**
 * Runs in the page before the app: stamps each keydown, each change of the line to say (and the frame
 * after it), the opening of the transaction that writes to the callEvents store and its commit, so the
 * latencies are measured inside the page, free of the driver's round trips. The line must change only
 * after the commit (issue 5).
 */
const PROBE = `(() => {
  const p = { key: 0, line: 0, frame: 0, write: 0, txStart: 0, prev: null, armed: false };
  window.__opProbe = p;
  window.addEventListener('keydown', (e) => { if (p.armed && !p.key) p.key = e.timeStamp; }, true);
  const text = () => document.querySelector('[data-testid="line-to-say"]')?.textContent ?? null;
  new MutationObserver(() => {
    if (!p.armed || !p.key || p.line) return;
    const t = text();
    if (t === null || t === p.prev) return;
    p.line = performance.now();
    requestAnimationFrame(() => { p.frame = performance.now(); });
  }).observe(document, { subtree: true, childList: true, characterData: true });
  // Stamped by a listener added before the app's own, so the commit is stamped before the app reacts.
  const open = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (names, mode, ...rest) {
    const tx = open.call(this, names, mode, ...rest);
    const list = typeof names === 'string' ? [names] : [...names];
    if (p.armed && p.key && !p.txStart && mode === 'readwrite' && list.includes('callEvents')) {
      p.txStart = performance.now();
      tx.addEventListener('complete', () => { p.write = performance.now(); });
    }
    return tx;
  };
})();`;

interface Probe {
  key: number;
  line: number;
  frame: number;
  write: number;
  txStart: number;
}

declare global {
  interface Window {
    __opProbe: Probe & { prev: string | null; armed: boolean };
  }
}

/** Presses a key and returns the in-page stamps once the line changed (and, if asked, the write landed). */
async function measure(page: Page, key: string, needWrite: boolean): Promise<Probe> {
  await page.evaluate(() => {
    const p = window.__opProbe;
    Object.assign(p, { key: 0, line: 0, frame: 0, write: 0, txStart: 0, armed: true });
    p.prev = document.querySelector('[data-testid="line-to-say"]')?.textContent ?? null;
  });
  await page.keyboard.press(key);
  await page.waitForFunction(
    (w) => {
      const p = window.__opProbe;
      return p.line > 0 && p.frame > 0 && (!w || p.write > 0);
    },
    needWrite,
    { polling: 'raf' },
  );
  return page.evaluate(() => {
    const p = window.__opProbe;
    p.armed = false;
    return {
      key: p.key,
      line: p.line,
      frame: p.frame,
      write: p.write,
      txStart: p.txStart,
    };
  });
}

/**
 * The floor under "stored": the commit of a readwrite transaction that writes nothing, and of one that
 * puts one small record, in a scratch database of the same page, under the same load as the samples.
 */
async function idbFloor(page: Page): Promise<{ empty: number; put: number }> {
  // A string, not a function: the bench's TS loader would wrap inner functions in a helper the page lacks.
  return page.evaluate<{ empty: number; put: number }>(`(async () => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('sufler-bench-floor', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('floor');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error('cannot open the floor database'));
    });
    const commit = (write) => new Promise((resolve) => {
      const t0 = performance.now();
      const tx = db.transaction('floor', 'readwrite');
      if (write) tx.objectStore('floor').put({ at: t0, text: 'x'.repeat(200) }, 1);
      tx.oncomplete = () => resolve(performance.now() - t0);
    });
    const empty = await commit(false);
    const put = await commit(true);
    db.close();
    return { empty, put };
  })()`);
}

async function capture(page: Page, value: string): Promise<void> {
  await page.keyboard.press('KeyN');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** Ends the call at once (caller hung up) and saves the wrap-up, back to the start panel. */
async function endCall(page: Page): Promise<void> {
  await page.keyboard.press('Shift+KeyX');
  const wrapUp = page.getByRole('heading', { name: 'Итоги звонка' });
  await wrapUp.waitFor();
  await page.keyboard.press('Control+Enter');
  await page.getByRole('region', { name: 'Новый звонок' }).waitFor();
}

const p95 = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.95,
  );
const p50 = (xs: number[]): number =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  );

export const operatorLatencySuite: Suite = {
  name: 'operator',
  async run(ctx): Promise<BenchRow[]> {
    const server = await serveProductionApp(ctx.log);
    const benchPage = await ctx.newPage();
    const page = await benchPage.context().newPage();
    await benchPage.close();
    page.on('pageerror', (e) => ctx.log(`operator page error: ${e.message}`));
    try {
      await page.addInitScript(PROBE);
      await page.goto(server.url);
      await firstRun(page);

      const greeting = { line: [] as number[], frame: [] as number[] };
      for (let i = 0; i < SAMPLES; i++) {
        const s = await measure(page, 'F2', false);
        greeting.line.push(s.line - s.key);
        greeting.frame.push(s.frame - s.key);
        await endCall(page);
      }

      // One call, then the "needs" ⇄ "understand" loop: every press is a step action with a new line.
      await measure(page, 'F2', false);
      await measure(page, 'Digit1', true);
      await capture(page, 'ольга ивановна');
      await measure(page, 'Digit1', true);
      await capture(page, 'как записаться на приём');
      const action = {
        line: [] as number[],
        frame: [] as number[],
        stored: [] as number[],
        txStart: [] as number[],
        commit: [] as number[],
        render: [] as number[],
        early: 0,
      };
      const floor = { empty: [] as number[], put: [] as number[] };
      for (let i = 0; i < SAMPLES; i++) {
        const s = await measure(page, i % 2 === 0 ? 'Digit1' : 'Digit2', true);
        action.line.push(s.line - s.key);
        action.frame.push(s.frame - s.key);
        action.stored.push(Math.max(s.line, s.write) - s.key);
        action.txStart.push(s.txStart - s.key);
        action.commit.push(s.write - s.txStart);
        action.render.push(s.line - s.write);
        if (s.line < s.write) action.early++;
        const f = await idbFloor(page);
        floor.empty.push(f.empty);
        floor.put.push(f.put);
      }
      ctx.log(`operator: ${SAMPLES} calls started, ${SAMPLES} step actions`);
      return [
        row('operator.incoming.greeting.p50', p50(greeting.line), 'ms'),
        row('operator.incoming.greeting.p95', p95(greeting.line), 'ms', { max: INCOMING_MS }),
        row('operator.incoming.greeting-frame.p95', p95(greeting.frame), 'ms'),
        row('operator.action.line.p50', p50(action.line), 'ms'),
        row('operator.action.line.p95', p95(action.line), 'ms'),
        row('operator.action.line-frame.p95', p95(action.frame), 'ms'),
        // Where the stored figure goes: until the app opens the write, the write itself (open → commit),
        // then showing the next line once it committed.
        row('operator.action.write-opened.p95', p95(action.txStart), 'ms'),
        row('operator.action.idb-commit.p50', p50(action.commit), 'ms'),
        row('operator.action.idb-commit.p95', p95(action.commit), 'ms'),
        row('operator.action.render-after-commit.p50', p50(action.render), 'ms'),
        row('operator.action.render-after-commit.p95', p95(action.render), 'ms'),
        // The line must never be on screen before its event is stored.
        row('operator.action.shown-before-stored', action.early, 'count', { max: 0 }),
        // What IndexedDB alone costs here, same page and load: no write path can commit faster.
        row('operator.floor.idb-empty-commit.p50', p50(floor.empty), 'ms'),
        row('operator.floor.idb-empty-commit.p95', p95(floor.empty), 'ms'),
        row('operator.floor.idb-put-commit.p95', p95(floor.put), 'ms'),
        row('operator.action.line+stored.p50', p50(action.stored), 'ms'),
        row('operator.action.line+stored.p95', p95(action.stored), 'ms', { max: FRAME_MS }),
      ];
    } finally {
      await page.close();
      await server.stop();
    }
  },
};
