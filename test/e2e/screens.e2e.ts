// What a screen says about itself, checked in Chromium: every control a user can reach has a name that tells
// it apart (read from the browser's accessibility tree on each workspace with calls, flows and articles in
// it), and the tabs show which one is open.
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { callPromisingCallback, callWithNameAndNeed, operatorView, wrapUp } from './callSteps';
import { duplicateControlNames } from './controlNames';
import { completeFirstRun, openApp, type AppSession } from './harness';

let session: AppSession | null = null;
afterEach(async () => {
  await session?.dispose();
  session = null;
});

const workspace = async (page: Page, link: string, heading: string) => {
  await page.getByRole('navigation', { name: 'Рабочие места' }).getByRole('link', { name: link }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
};

describe('screens in Chromium', () => {
  it('gives every control a name of its own, on every workspace with realistic content', async () => {
    session = await openApp();
    const { page, context } = session;
    const found: Record<string, string[]> = {};
    const check = async (where: string) => {
      const duplicates = await duplicateControlNames(context, page);
      if (duplicates.length > 0) found[where] = duplicates;
    };
    await check('first run');
    await completeFirstRun(page);
    await page.getByRole('region', { name: 'Новый звонок' }).waitFor();
    await check('operator: new call');

    // Operator: a call with a promised callback in the history and the queue, then a call in progress.
    await callPromisingCallback(page);
    await callWithNameAndNeed(page);
    await page.getByRole('region', { name: 'Выяснение потребности' }).waitFor();
    await check('operator: needs discovery');
    for (const [key, region] of [
      ['KeyH', 'Удержание'],
      ['KeyT', 'Переключение'],
      ['KeyC', 'Обратный звонок'],
      ['KeyO', 'Итог звонка'],
    ] as const) {
      await page.keyboard.press('Escape'); // out of a field: letters are the call's keys
      await page.keyboard.press(key);
      const panel = page.getByRole('region', { name: region, exact: true });
      await panel.waitFor();
      await check(`operator: ${region} panel`);
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
    }
    await page.keyboard.press('F1');
    await page.getByRole('heading', { name: 'Сочетания клавиш' }).waitFor();
    await check('operator: shortcut list');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+KeyX');
    await page.getByRole('heading', { name: 'Итоги звонка' }).waitFor();
    await check('operator: wrap-up');
    await wrapUp(page);
    await operatorView(page, 'Обещанные звонки');
    await page.getByTestId('callback-item').first().waitFor();
    await check('operator: callbacks queue');
    await operatorView(page, 'Мои звонки');
    const history = page.getByTestId('call-list').getByRole('button');
    await history.first().waitFor();
    await check('operator: call history');
    await history.first().click();
    await page.getByRole('button', { name: 'К списку звонков' }).waitFor();
    await check('operator: call record');

    // Supervisor: each tab, and a record open beside the list.
    await workspace(page, 'Руководитель', 'Рабочее место руководителя');
    await page.getByText('Звонков: 2 из 2').waitFor();
    await check('supervisor: calls');
    await page.getByRole('grid', { name: 'Звонки' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Закрыть запись' }).waitFor();
    await check('supervisor: call record');
    await page.getByRole('button', { name: 'Закрыть запись' }).click();
    for (const tab of ['Показатели', 'Нарушения стандарта', 'Обмен и хранение']) {
      await page.getByRole('tab', { name: tab }).click();
      await page.getByRole('tabpanel', { name: tab }).waitFor();
      await check(`supervisor: ${tab}`);
    }

    // Editor: the flows, one flow in each view, the articles and one article open.
    await workspace(page, 'Редактор', 'Рабочее место редактора');
    await page.getByRole('heading', { name: 'Сценарии звонков' }).waitFor();
    await check('editor: flows');
    await page.locator('[data-flow-id="inbound-consultation"]').getByRole('button').first().click();
    // A second published version, so the versions list has items to tell apart.
    await page
      .getByRole('navigation', { name: 'Шаги' })
      .getByRole('button', { name: 'greeting', exact: true })
      .click();
    await page
      .locator('#ed-step-greeting-say')
      .fill('{{greeting}}! {{organisation.fullName}}, {{operator.fullName}}.');
    await page.getByTestId('save-state').filter({ hasText: 'Черновик сохранён' }).waitFor();
    await page.getByRole('button', { name: 'Опубликовать' }).click();
    await page.getByText('Опубликована версия 2').waitFor();
    for (const view of ['Шаги', 'Схема', 'Проверить в деле', 'Версии']) {
      await page.getByRole('tab', { name: view }).click();
      await page.getByRole('tabpanel', { name: view }).waitFor();
      await check(`editor: flow, ${view}`);
    }
    // Steps with several options and several fields: each row's controls are told apart.
    await page.getByRole('tab', { name: 'Шаги' }).click();
    for (const stepId of ['resolve', 'identify']) {
      await page
        .getByRole('navigation', { name: 'Шаги' })
        .getByRole('button', { name: stepId, exact: true })
        .click();
      await page.locator(`[data-step-id="${stepId}"]`).waitFor();
      await check(`editor: step ${stepId}`);
    }
    await page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
    await page.locator('.article-list li').first().waitFor();
    await check('editor: articles');
    await page.locator('.article-list li').first().getByRole('button').first().click();
    await page.locator('#ed-article-body').waitFor();
    await check('editor: article');

    await workspace(page, 'Настройки', 'Настройки');
    await check('settings');
    expect(found).toEqual({});
  }, 240_000);

  it('shows which tab is open in every theme, and moves between tabs with the arrow keys', async () => {
    session = await openApp();
    const { page } = session;
    await completeFirstRun(page);
    for (const theme of ['Светлая', 'Тёмная', 'Высокий контраст']) {
      await workspace(page, 'Настройки', 'Настройки');
      await page.getByLabel(theme).check();
      await workspace(page, 'Руководитель', 'Рабочее место руководителя');
      expect(await tabLooks(page), theme).toEqual({ selected: 'Звонки', standsOut: true });
      await workspace(page, 'Редактор', 'Рабочее место редактора');
      expect(await tabLooks(page), theme).toEqual({ selected: 'Сценарии', standsOut: true });
    }

    await workspace(page, 'Руководитель', 'Рабочее место руководителя');
    await page.getByRole('tab', { name: 'Звонки' }).focus();
    for (const [key, name] of [
      ['ArrowRight', 'Показатели'],
      ['End', 'Обмен и хранение'],
      ['ArrowRight', 'Звонки'],
      ['ArrowLeft', 'Обмен и хранение'],
      ['Home', 'Звонки'],
      ['ArrowRight', 'Показатели'],
    ] as const) {
      await page.keyboard.press(key);
      await page.getByRole('tabpanel', { name }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
    }
    // One tab stop for the list: Tab leaves it for the panel.
    const stops = await page
      .getByRole('tab')
      .evaluateAll((tabs) => tabs.map((tab) => (tab as HTMLElement).tabIndex));
    expect(stops).toEqual([-1, 0, -1, -1]);

    await workspace(page, 'Редактор', 'Рабочее место редактора');
    await page.getByRole('tab', { name: 'Сценарии' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('tabpanel', { name: 'Статьи базы знаний' }).waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('articles');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Статьи базы знаний');
  });

  it('lays the supervisor’s period and filters out as a form that reads in rows at 1366 px', async () => {
    session = await openApp();
    const { page } = session;
    await page.setViewportSize({ width: 1366, height: 768 });
    await completeFirstRun(page);
    await workspace(page, 'Руководитель', 'Рабочее место руководителя');
    for (const group of ['Период', 'Отбор звонков']) {
      const fields = await page
        .getByRole('group', { name: group })
        .locator('label')
        .evaluateAll((labels) =>
          labels.map((label) => {
            const box = label.getBoundingClientRect();
            const control = label.querySelector('input, select')?.getBoundingClientRect();
            return { left: box.left, top: box.top, controlLeft: control?.left, width: control?.width };
          }),
        );
      expect(fields.length, group).toBeGreaterThan(1);
      // Each label stands above its field, and the fields are one width...
      for (const f of fields) expect(f.controlLeft, group).toBeCloseTo(f.left, 0);
      expect(new Set(fields.map((f) => Math.round(f.width ?? 0))).size, group).toBe(1);
      // ...in rows whose columns line up with the first row's.
      const firstRow = fields.filter((f) => Math.abs(f.top - (fields[0]?.top ?? 0)) < 2);
      const columns = firstRow.map((f) => Math.round(f.left));
      for (const f of fields) expect(columns, group).toContain(Math.round(f.left));
    }
  });
});

/**
 * Which tab is selected, and whether it stands out from every other tab: a background at least 3:1 against
 * theirs (WCAG's contrast for a state) and a mark that is not colour (weight or underline).
 */
async function tabLooks(page: Page): Promise<{ selected: string | undefined; standsOut: boolean }> {
  return page.getByRole('tab').evaluateAll((tabs) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const background = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if ((c[3] ?? 1) > 0) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const luminance = (c: number[]) => {
      const [r = 0, g = 0, b = 0] = c.map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const contrast = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
    };
    const mark = (el: Element) => {
      const s = getComputedStyle(el);
      return `${s.fontWeight} ${s.textDecorationLine}`;
    };
    const selected = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    const others = tabs.filter((tab) => tab !== selected);
    const standsOut =
      selected !== undefined &&
      others.length > 0 &&
      others.every(
        (tab) => contrast(background(selected), background(tab)) >= 3 && mark(selected) !== mark(tab),
      );
    return { selected: selected?.textContent ?? undefined, standsOut };
  });
}
