// Issue 19: a workstation that never had a server exports its calls to a file; the centre's supervisor
// imports it, and the calls go to the server, filed under the operator who made them — once, however
// often the file is imported.
import { afterEach, expect, it } from 'vitest';
import { databaseOf } from '../../src/server/app';
import { SAMPLE_PASSWORD } from '../../src/server/seed';
import { callPromisingCallback } from './callSteps';
import { addOperator, desk, startCentre } from './centreDesks';
import { completeFirstRun, openApp, watchErrors } from './harness';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** The standalone workstation's operator (the first run's names) has an account in the centre. */
const MARIA = {
  login: 'maria.operator',
  password: 'пароль-марии-1',
  surname: 'Иванова',
  firstName: 'Мария',
  patronymic: 'Петровна',
};

it('sends the calls of an imported file to the server under their operator, once', async () => {
  // A single workstation of Sverdlovsk, no server: a call, then its export.
  const alone = await openApp();
  cleanups.push(() => alone.dispose());
  const aloneErrors = watchErrors(alone.page);
  await completeFirstRun(alone.page, { organisation: 'Минцифры Свердловской области' });
  await callPromisingCallback(alone.page);
  await alone.page
    .getByRole('navigation', { name: 'Рабочие места' })
    .getByRole('link', { name: 'Руководитель' })
    .click();
  await alone.page.getByRole('tab', { name: 'Обмен и хранение' }).click();
  const [download] = await Promise.all([
    alone.page.waitForEvent('download'),
    alone.page.getByRole('button', { name: 'Выгрузить все звонки в файл' }).click(),
  ]);
  const file = await download.path();

  const { server, url } = await startCentre(cleanups);
  await addOperator(server, MARIA);
  const chief = await desk(cleanups, url, 'sverdlovsk.supervisor', SAMPLE_PASSWORD);
  await chief.page
    .getByRole('tablist', { name: 'Разделы руководителя' })
    .getByRole('tab', { name: 'Обмен и хранение' })
    .click();
  await chief.page.getByLabel('Загрузить файл выгрузки').setInputFiles(file);
  const status = chief.page.getByTestId('imports-to-server');
  await chief.page.getByText('Загружено: новых звонков 1', { exact: false }).waitFor();
  await expect
    .poll(() => status.textContent(), { timeout: 15_000 })
    .toBe('Загруженные из файлов звонки есть на сервере.');

  const db = databaseOf(server);
  const held = () =>
    db
      .selectFrom('calls')
      .innerJoin('people', 'people.id', 'calls.person_id')
      .select(['calls.id', 'people.login', 'calls.next_seq'])
      .execute();
  const [call, ...more] = await held();
  expect(more).toEqual([]);
  expect(call?.login).toBe(MARIA.login);
  // The same file again: imported here without change, and nothing more on the server.
  await chief.page.getByLabel('Загрузить файл выгрузки').setInputFiles(file);
  await chief.page.getByText('без изменений 1', { exact: false }).waitFor();
  await expect.poll(() => status.textContent()).toBe('Загруженные из файлов звонки есть на сервере.');
  expect(await held()).toEqual([call]);

  expect(aloneErrors).toEqual([]);
  expect(chief.errors).toEqual([]);
});
