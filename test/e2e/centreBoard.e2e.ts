// The supervisor over the whole centre (issue 19), in Chromium against the real server: two operators
// make calls in two browsers; the supervisor's «Линия» shows the one still talking, at their stage, as it
// happens; the calls list then holds both calls with how each ended, and the server's figures and record
// the topic, rating and summary one operator entered in her wrap-up; a comment the supervisor writes on a
// call shows in that operator's history; the coaching page names a rule she missed, linked to that call.
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { callPromisingCallback, callWithNameAndNeed, operatorView } from './callSteps';
import { addBoris, BORIS, desk, startCentre } from './centreDesks';
import { seriousA11yViolations } from './harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});

const ANNA = 'Смирнова Анна Сергеевна';
const BORIS_NAME = 'Петров Борис Игоревич';
const STAGES = /Приветствие|Уточнение личности|Выяснение потребности|Подтверждение понимания|Решение вопроса/;

const tab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: 'Разделы руководителя' }).getByRole('tab', { name }).click();

it("shows the centre's line live, both desks' calls in the list, a comment in the operator's history, and coaching", async () => {
  const { server, url } = await startCentre(cleanups);
  await addBoris(server);
  const anna = await desk(cleanups, url, 'sverdlovsk.operator', SAMPLE_PASSWORD, {
    surname: 'Смирнова',
    firstName: 'Анна',
    patronymic: 'Сергеевна',
  });
  const boris = await desk(cleanups, url, BORIS.login, BORIS.password, {
    surname: 'Петров',
    firstName: 'Борис',
    patronymic: 'Игоревич',
  });
  const chief = await desk(cleanups, url, 'sverdlovsk.supervisor', SAMPLE_PASSWORD);
  await chief.page.getByRole('heading', { level: 1, name: 'Рабочее место руководителя' }).waitFor();
  await tab(chief.page, 'Линия');
  const board = chief.page.getByTestId('line-board');
  await board.getByText('Сейчас звонков нет.').waitFor({ timeout: 15_000 });

  // Boris makes a whole call; Anna is in the middle of hers.
  await callPromisingCallback(boris.page);
  await callWithNameAndNeed(anna.page);

  // The board shows Anna on the line at the stage she is at, without the supervisor doing anything.
  const annaRow = board.getByTestId('line-calls').getByRole('row').filter({ hasText: ANNA });
  await annaRow.waitFor({ timeout: 15_000 });
  expect(await annaRow.textContent()).toMatch(STAGES);
  expect(await board.getByTestId('line-calls').getByRole('row').count()).toBe(2); // the head and Anna
  // Both operators are signed in; today so far holds Boris's finished call.
  expect(await board.textContent()).toContain('Операторы в системе: 2');
  expect(await seriousA11yViolations(chief.page)).toEqual([]);

  // Anna's caller hangs up; she saves the wrap-up with a topic, the caller's rating and a summary. The
  // line empties, and her workstation sends the wrap-up after the call's events.
  await anna.page.keyboard.press('Shift+KeyX');
  const wrapUp = anna.page.getByRole('region', { name: 'Итоги звонка' });
  await wrapUp.waitFor();
  await wrapUp.getByLabel('Тема звонка').selectOption({ label: 'Сроки ответа' });
  await wrapUp.getByRole('group', { name: 'Оценка клиента (1–5)' }).getByRole('radio', { name: '4' }).check();
  const summary = 'Спросила о сроках ответа, ответ дан по статье.';
  await wrapUp.getByLabel('Кратко о звонке').fill(summary);
  await anna.page.keyboard.press('Control+Enter');
  await wrapUp.waitFor({ state: 'detached' });
  await board.getByText('Сейчас звонков нет.').waitFor({ timeout: 15_000 });
  await anna.page
    .getByTestId('sync-status')
    .filter({ hasText: 'всё отправлено' })
    .waitFor({ timeout: 30_000 });

  // The list holds both calls, each with how it ended.
  await tab(chief.page, 'Звонки');
  await chief.page.getByText('Звонков: 2 из 2').waitFor({ timeout: 15_000 });
  const grid = chief.page.getByRole('grid', { name: 'Звонки' });
  const rowOf = (name: string) => grid.getByRole('row').filter({ hasText: name });
  expect(await rowOf(BORIS_NAME).textContent()).toContain('Обещан обратный звонок');
  expect(await rowOf(ANNA).textContent()).toContain('Без итога');
  // The figures are the server's over the same calls, Anna's topic and rating among them.
  await tab(chief.page, 'Показатели');
  await chief.page.getByRole('button', { name: 'Открыть 2 звонка: все звонки' }).waitFor();
  const topics = chief.page.locator('section.ranked').filter({ hasText: 'Частые темы' });
  expect(await topics.getByRole('listitem').allTextContents()).toEqual(['appeal-deadlines: 1']);
  const annaFigures = chief.page.getByRole('row').filter({ hasText: ANNA });
  expect(await annaFigures.textContent()).toMatch(/4,0/);
  await tab(chief.page, 'Звонки');

  // The supervisor comments on Anna's call from its record.
  await rowOf(ANNA).click();
  const record = chief.page.getByRole('complementary');
  // Her record shows the wrap-up as she saved it.
  await record.getByText(`Резюме: ${summary}`).waitFor();
  await record.getByText('Тема: Сроки ответа').waitFor();
  await record.getByText('Оценка клиента: 4 из 5').waitFor();
  await record.getByTestId('call-comments').getByText('Комментариев нет.').waitFor();
  const comment = 'Дождитесь, пока клиент договорит, и предложите обратный звонок.';
  await record.getByLabel('Комментарий оператору').fill(comment);
  await record.getByRole('button', { name: 'Отправить комментарий' }).click();
  await record.getByTestId('call-comments').getByText(comment).waitFor();

  // Anna reads it in her history, on that call's record.
  await operatorView(anna.page, 'Мои звонки');
  const history = anna.page.getByRole('region', { name: 'Мои звонки' });
  await history.getByTestId('call-list').getByRole('button').first().click();
  await anna.page.getByTestId('call-comments').getByText(comment).waitFor({ timeout: 15_000 });
  expect(await anna.page.getByTestId('call-comments').textContent()).toContain('Кузнецов Игорь Павлович');

  // Coaching: Anna's call reached no outcome and broke no rule; Boris promised a callback without
  // confirming the need. The supervisor picks Boris and sees the rules he missed, each with its share of
  // his calls and a link to the call; the link, taken from the keyboard, opens the record, where the
  // supervisor writes him a comment.
  await record.getByRole('button', { name: 'Закрыть запись' }).click();
  await tab(chief.page, 'Наставничество');
  const coaching = chief.page.getByTestId('coaching');
  await coaching.getByLabel('Оператор для разбора').selectOption(ANNA);
  await coaching.getByText('Нарушений нет: 1 звонок по стандарту.').waitFor({ timeout: 15_000 });
  await coaching.getByLabel('Оператор для разбора').selectOption(BORIS_NAME);
  const missed = coaching.getByRole('table', { name: BORIS_NAME });
  const rule = missed.getByRole('row').nth(1);
  expect(await rule.getByRole('rowheader').textContent()).toBe('Вопрос не переспрошен');
  expect(await rule.textContent()).toContain('100 %'); // his one call
  const link = rule.getByRole('button', { name: /^Звонок .*: открыть запись \(Вопрос не переспрошен\)$/ });
  await link.focus();
  await chief.page.keyboard.press('Enter');
  const opened = chief.page.getByRole('complementary');
  expect(await opened.getByRole('heading', { level: 2 }).textContent()).toContain(BORIS_NAME);
  await opened.getByTestId('call-comments').getByText('Комментариев нет.').waitFor();
  const advice = 'Перескажите вопрос клиента своими словами, прежде чем обещать звонок.';
  await opened.getByLabel('Комментарий оператору').fill(advice);
  await opened.getByRole('button', { name: 'Отправить комментарий' }).click();
  await opened.getByTestId('call-comments').getByText(advice).waitFor();
  expect(await seriousA11yViolations(chief.page)).toEqual([]);

  expect(anna.errors).toEqual([]);
  expect(boris.errors).toEqual([]);
  expect(chief.errors).toEqual([]);
});
