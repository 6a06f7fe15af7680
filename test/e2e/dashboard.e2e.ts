// The supervisor's «Показатели» in Chromium over a fixed set of calls and a fixed clock: a tile opens
// exactly the calls it counts, every chart label from the catalogue is on the page and not cut (at the
// normal and the largest font size), and the page matches its reference screenshots in every theme.
import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_RESULTS } from '../../src/analytics';
import { t } from '../../src/i18n';
import { benchCalls, finishedRow } from '../bench/browser/benchCalls';
import { completeFirstRun, openApp, seriousA11yViolations, watchErrors, type AppSession } from './harness';
import { compareToReference, withinTolerance } from './screenshots';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Friday 20 November 2026, 15:00 in Yekaterinburg (UTC+5), the browser's time zone. */
const NOW = Date.UTC(2026, 10, 20, 10, 0);
/** The default period is the last seven days: 14–20 November; the one before, 7–13 November. */
const PERIOD_FROM = Date.UTC(2026, 10, 13, 19, 0);
const SEEDED_FROM = PERIOD_FROM - 7 * DAY;
const COUNT = 240;
const calls = benchCalls(COUNT, SEEDED_FROM, Math.floor(((NOW - SEEDED_FROM) / COUNT) * 0.95));
const inPeriod = calls.map(finishedRow).filter((c) => c.startedAt >= PERIOD_FROM);

function exchangeFile(): Buffer {
  const payload = {
    calls: calls.map(finishedRow),
    events: calls.flatMap((c) => c.events.map((e) => e.record)),
    callbacks: calls.flatMap((c) => (c.callback ? [c.callback] : [])),
  };
  const checksum = 'sha256:' + createHash('sha256').update(JSON.stringify(payload)).digest('hex');
  const file = {
    format: 'sufler.calls',
    version: 1,
    exportedAt: NOW,
    operatorName: 'Смирнова',
    checksum,
    payload,
  };
  return Buffer.from(JSON.stringify(file));
}

let session: AppSession;
let page: Page;
let errors: string[];

beforeAll(async () => {
  session = await openApp();
  page = session.page;
  errors = watchErrors(page);
  await page.clock.setFixedTime(NOW);
  await page.reload();
  await completeFirstRun(page);
  await page
    .getByRole('navigation', { name: 'Рабочие места' })
    .getByRole('link', { name: 'Руководитель' })
    .click();
  await page.getByRole('tab', { name: 'Обмен и хранение' }).click();
  await page.getByLabel('Загрузить файл выгрузки').setInputFiles({
    name: 'calls.json',
    mimeType: 'application/json',
    buffer: exchangeFile(),
  });
  await page.getByText(`Загружено: новых звонков ${COUNT}`).waitFor();
}, 120_000);

afterAll(async () => {
  await session.dispose();
});

async function openDashboard() {
  await page.getByRole('tab', { name: 'Показатели' }).click();
  await page.locator('[data-figure="calls"]').waitFor();
}

describe('«Показатели» in Chromium', () => {
  it('opens from a tile exactly the calls the tile counts', async () => {
    await openDashboard();
    expect(await page.locator('[data-figure="calls"]').textContent()).toBe(String(inPeriod.length));
    // The seeded calls resolved are resolved with no transfer: first contact, by the standard.
    const resolved = inPeriod.filter((c) => c.outcome === 'resolved').length;
    expect(resolved).toBeGreaterThan(0);
    const what = t.supervisor.filters.behindChoices.firstContact;
    await page.getByRole('button', { name: t.supervisor.dashboard.tileOpens(what, resolved) }).click();
    await page.getByText(t.supervisor.list.caption(resolved, inPeriod.length)).waitFor();
    expect(await page.getByRole('combobox', { name: t.supervisor.filters.behind }).inputValue()).toBe(
      'firstContact',
    );
    // Every call listed is one the tile counted: the list filtered by outcome agrees.
    await page.getByRole('combobox', { name: t.supervisor.filters.outcome }).selectOption('resolved');
    await page.getByText(t.supervisor.list.caption(resolved, inPeriod.length)).waitFor();

    // An open callback past its deadline at the fixed clock: the overdue tile's calls.
    await page.getByRole('button', { name: t.supervisor.filters.reset }).click();
    const overdue = calls.filter(
      (c) => c.row.startedAt >= PERIOD_FROM && c.callback && c.callback.deadline < NOW,
    ).length;
    expect(overdue).toBeGreaterThan(0);
    await openDashboard();
    const overdueWhat = t.supervisor.filters.behindChoices.callbacksOverdue;
    await page.getByRole('button', { name: t.supervisor.dashboard.tileOpens(overdueWhat, overdue) }).click();
    await page.getByText(t.supervisor.list.caption(overdue, inPeriod.length)).waitFor();
    await page.getByRole('button', { name: t.supervisor.filters.reset }).click();
  });

  it('has no serious accessibility violations, with a chart’s numbers shown too', async () => {
    await openDashboard();
    await page
      .getByRole('button', { name: `${t.supervisor.dashboard.showNumbers}: ${t.supervisor.dashboard.byDay}` })
      .click();
    await page.getByRole('table').filter({ hasText: t.supervisor.dashboard.dayAxis }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page
      .getByRole('button', { name: `${t.supervisor.dashboard.hideNumbers}: ${t.supervisor.dashboard.byDay}` })
      .click();
  });

  it('shows every chart label from the catalogue, none cut, at the normal and the largest font size', async () => {
    const text = t.supervisor.dashboard;
    const labels = [
      text.tilesTitle,
      ...Object.values(text.tiles),
      text.byHour,
      text.byDay,
      text.firstContactByDay,
      text.holdsByDay,
      text.outcomes,
      text.stages,
      text.transfers,
      text.hourAxis,
      ...CALL_RESULTS.map((r) =>
        r === 'transferred' || r === 'none' ? t.supervisor.results[r] : t.calls.outcomes[r],
      ),
      ...Object.values(text.transferBuckets),
      ...Object.values(text.callbackBuckets).filter((l) => l !== text.callbackBuckets.promised),
    ];
    for (const size of ['normal', 'larger']) {
      await page.evaluate((s) => (document.documentElement.dataset.fontSize = s), size);
      await openDashboard();
      const panel = page.getByRole('tabpanel');
      for (const label of labels)
        expect(await panel.getByText(label, { exact: true }).count(), `${label} (${size})`).toBeGreaterThan(
          0,
        );
      expect(await panel.getByText(text.longest, { exact: false }).count()).toBe(1);
      // Each hour has its label under its column.
      expect(await panel.locator('.columns__x').first().locator('li').allTextContents()).toEqual(
        Array.from({ length: 24 }, (_, h) => String(h)),
      );
      // No label is cut: none is wider than its box, none reaches out of its chart.
      const cut = await page.evaluate(() => {
        const out: string[] = [];
        const selectors =
          '.columns__x li, .columns__y span, .bar-rows__label, .stack__legend li, .tile__title, .chart__title';
        for (const el of document.querySelectorAll<HTMLElement>(selectors)) {
          const box = el.getBoundingClientRect();
          const chart = el.closest('.chart, .tile')?.getBoundingClientRect();
          const inside = !chart || (box.left >= chart.left - 1 && box.right <= chart.right + 1);
          if (el.scrollWidth > el.clientWidth + 1 || !inside || box.width === 0)
            out.push(el.textContent ?? '');
        }
        // At 1280 px no chart needs scrolling sideways to show its labels.
        for (const body of document.querySelectorAll<HTMLElement>('.chart__body'))
          if (body.scrollWidth > body.clientWidth + 1)
            out.push(`scrolls: ${body.closest('figure')?.querySelector('.chart__title')?.textContent}`);
        return out;
      });
      expect(cut, size).toEqual([]);
    }
    await page.evaluate(() => (document.documentElement.dataset.fontSize = 'normal'));
  });

  it('looks as its references do at 1280×800 and 1920×1080 in the light, dark and high-contrast themes', async () => {
    await openDashboard();
    const results = [];
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const theme of ['light', 'dark', 'contrast']) {
        await page.evaluate((th) => (document.documentElement.dataset.theme = th), theme);
        await page.mouse.move(0, 0);
        await page.evaluate(() => document.fonts.ready);
        const png = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
        results.push(compareToReference(`dashboard-${theme}-${width}x${height}`, png));
      }
    }
    expect(results.filter((r) => !withinTolerance(r))).toEqual([]);
  });

  it('prints a period’s page on A4 landscape without the navigation, filters or buttons', async () => {
    await openDashboard();
    // A4 landscape at 96 dpi less the 10 mm margins.
    await page.setViewportSize({ width: 1047, height: 718 });
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.shell-header', '.call-filters', '.period', '.tab-list', '.dashboard__print'])
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    expect(await page.locator('.chart__toggle').first().isVisible()).toBe(false);
    expect(await page.locator('[data-figure="calls"]').isVisible()).toBe(true);
    expect(await page.getByText(t.supervisor.dashboard.byHour).isVisible()).toBe(true);
    // Nothing wider than the paper, nothing left in a box that would scroll on screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1047);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.chart__body, .operator-table__scroll')]
        .filter((box) => box.scrollWidth > box.clientWidth + 1)
        .map((box) => box.className),
    );
    expect(clipped).toEqual([]);
    const png = await page.screenshot({ fullPage: true, animations: 'disabled', caret: 'hide' });
    const printed = compareToReference('dashboard-print-a4-landscape', png);
    await page.emulateMedia({ media: 'screen' });
    expect(withinTolerance(printed)).toBe(true);
    expect(errors).toEqual([]);
  });
});
