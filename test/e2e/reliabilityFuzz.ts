// The operator screen driven by seeded random keys, with the invariants checked after every key (no
// uncaught error, never more than two transfers) and after every batch (the stored record replays to the screen).
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ACTION_KEYS, CALL_SHORTCUTS, type Shortcut } from '../../src/services/shortcuts';
import { operatorView } from './callSteps';
import { watchErrors, type AppSession } from './harness';
import { eventsOf, pick, screenFingerprint, settledStore, type StoredRecord } from './reliabilityKit';

/** A shortcut as Playwright's key name: "Control+Enter", "Shift+KeyX". */
function keyName(s: Shortcut): string {
  return [s.ctrl && 'Control', s.alt && 'Alt', s.shift && 'Shift', s.code].filter(Boolean).join('+');
}

const HOTKEYS = Object.values(CALL_SHORTCUTS).map(keyName);
const DIGITS = ACTION_KEYS.map(keyName);
const OTHERS = [
  'Escape',
  'Enter',
  'Tab',
  'Shift+Tab',
  'Space',
  'ArrowDown',
  'KeyA',
  'KeyO',
  'KeyZ',
  'Backspace',
];

/** Opening a panel and choosing in it at once: alone, random keys would rarely transfer or hold. */
const PAIRS = [
  ['KeyT', 'Digit1'],
  ['KeyT', 'Digit2'],
  ['KeyH', 'Enter'],
  ['KeyC', 'Enter'],
  // The step's field filled in Russian: a name or a need makes the transfer summary, so transfers happen.
  ['KeyN', 'type:анна сергеевна', 'Enter'],
];

/** Digits move a call along, so they come up most; the rest shake panels, fields and focus. */
function randomMove(random: () => number): string[] {
  const r = random();
  if (r < 0.4) return [pick(random, DIGITS.slice(0, 4))];
  if (r < 0.55) return pick(random, PAIRS);
  if (r < 0.85) return [pick(random, HOTKEYS)];
  return [pick(random, OTHERS)];
}

/**
 * Transfers of every stored call, counting the ones before it reached this operator. A refused attempt is
 * logged too (with its notice) but leaves the call talking; an attempt the colleague never picked up
 * (transfer.failed) moved the caller nowhere and is not counted either (src/calls/rules.ts).
 */
function transfersPerCall(record: StoredRecord): number[] {
  return record.calls.map((c) => {
    const log = eventsOf(record, c.id);
    const made = log.filter(
      (e) => e.event.type === 'operator.transfer' && /transferring/.test(e.after.state),
    );
    return c.transfersBefore + made.length - log.filter((e) => e.event.type === 'transfer.failed').length;
  });
}

/** The counter "Переключений: N из 2" when the transfer panel is open; the path the page is on. */
async function glance(page: Page): Promise<{ path: string; counter: string | null }> {
  return page.evaluate(() => ({
    path: location.pathname,
    counter: document.querySelector('[data-testid="transfer-counter"]')?.textContent ?? null,
  }));
}

/** Back to the call view when random Tab + Enter followed a link out of it. */
async function backToCall(page: Page): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/operator')) {
    await page.keyboard.press('Control+Alt+Digit1');
    await page.getByRole('heading', { level: 1, name: 'Рабочее место оператора' }).waitFor();
  }
  if (new URL(page.url()).pathname !== '/operator') await operatorView(page, 'Звонок');
  await page.locator('.call-screen, .start-call-panel').first().waitFor();
}

/** The fingerprint once it has stopped changing (no render in flight). */
async function steadyFingerprint(page: Page): Promise<string> {
  let last = await screenFingerprint(page);
  for (let i = 0; i < 30; i++) {
    await page.waitForTimeout(100);
    const now = await screenFingerprint(page);
    if (now === last) return now;
    last = now;
  }
  return last;
}

const count = (record: StoredRecord) => record.events.length;

export interface FuzzReport {
  keys: number;
  batches: number;
  calls: number;
  transfers: number;
}

/**
 * Presses random keys in batches. After each key: no uncaught error, the page
 * answers, an open transfer panel never counts above two. After each batch: the stored record settles,
 * and a reload (which rebuilds the call from the stored log alone) shows the same screen.
 */
export async function fuzzCalls(
  session: AppSession,
  random: () => number,
  options: { batches: number; batchSize?: number },
): Promise<FuzzReport> {
  const { page } = session;
  const errors = watchErrors(page);
  const report: FuzzReport = { keys: 0, batches: 0, calls: 0, transfers: 0 };
  while (report.batches < options.batches) {
    await backToCall(page);
    const pressed: string[] = [];
    for (let i = 0; i < (options.batchSize ?? 25); i++) {
      const keys = randomMove(random);
      pressed.push(...keys);
      for (const key of keys)
        if (key.startsWith('type:')) await page.keyboard.type(key.slice('type:'.length));
        else await page.keyboard.press(key);
      const seen = await glance(page);
      const where = `after ${pressed.join(' ')}`;
      expect(errors, where).toEqual([]);
      if (seen.counter !== null) {
        const match = /(\d+) из (\d+)/.exec(seen.counter);
        expect(match?.[2], where).toBe('2');
        expect(Number(match?.[1]), where).toBeLessThanOrEqual(2);
      }
      if (seen.path !== '/operator') await backToCall(page);
    }
    report.keys += pressed.length;
    report.batches += 1;

    const where = `batch ${report.batches} (${pressed.join(' ')})`;
    const before = await settledStore(page);
    for (const [i, n] of transfersPerCall(before).entries()) {
      const call = before.calls[i];
      const log = call ? eventsOf(before, call.id).map((e) => `${e.event.type}→${e.after.state}`) : [];
      const detail = `${where}: transfers of a call (${call?.transfersBefore ?? 0} before; ${log.join(' ')})`;
      expect(n, detail).toBeLessThanOrEqual(2);
    }
    const shown = await steadyFingerprint(page);
    await page.reload();
    await page.locator('.call-screen, .start-call-panel').first().waitFor();
    const after = await settledStore(page);
    // A hold timer may have fired between the two reads; its event changes the screen legitimately.
    if (count(after) === count(before)) {
      await expect
        .poll(() => screenFingerprint(page), { message: `${where}: the stored record replays to the screen` })
        .toBe(shown);
    }
    expect(errors, where).toEqual([]);
    report.calls = after.calls.length;
    report.transfers = Math.max(report.transfers, ...transfersPerCall(after), 0);
  }
  return report;
}
