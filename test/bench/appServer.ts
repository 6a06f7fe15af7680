// The production app for the bench suites that drive it as an operator would (first load, memory):
// one build per bench run, served by the e2e static server, plus first run and a short call by keyboard.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { startStaticServer, type StaticServer } from '../helpers/staticServer';

const ROOT = resolve(import.meta.dirname, '../..');
export const BENCH_APP_DIR = resolve(ROOT, 'node_modules/.cache/sufler-bench-app');

let built = false;

/** Builds the app with the real config (PWA included) once per process, then serves it. */
export async function serveProductionApp(log: (m: string) => void): Promise<StaticServer> {
  if (!built) {
    log('building the production app');
    execFileSync(
      process.execPath,
      [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          NODE_ENV: 'production',
          SUFLER_BUILD_ID: 'bench',
          SUFLER_OUT_DIR: BENCH_APP_DIR,
          VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true',
        },
      },
    );
    built = true;
  }
  return startStaticServer(BENCH_APP_DIR);
}

/** Fills the first-run form (a sample organisation is preselected) and waits for the operator's start panel. */
export async function firstRun(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Добро пожаловать в Суфлёр' }).waitFor();
  await page.getByLabel('Фамилия').fill('Иванова');
  await page.getByLabel('Имя').fill('Мария');
  await page.getByLabel('Отчество').fill('Петровна');
  await page.getByLabel('Должность').fill('ведущий специалист');
  await page.getByLabel('Отдел').fill('отдел по работе с обращениями граждан');
  await page.getByRole('button', { name: 'Начать работу' }).click();
  await startPanel(page);
}

/** The operator is ready to take a call: the "new call" panel is on screen. */
export const startPanel = (page: Page) => page.getByRole('region', { name: 'Новый звонок' }).waitFor();

/**
 * Presses a key and waits, inside the page, until the line to say is there with a different text.
 * Polling each frame, not on a timer, keeps 200 calls quick.
 */
async function keyToNewLine(page: Page, key: string): Promise<void> {
  const before = await page.evaluate(
    () => document.querySelector('[data-testid="line-to-say"]')?.textContent ?? null,
  );
  await page.keyboard.press(key);
  await page.waitForFunction(
    (text) => {
      const now = document.querySelector('[data-testid="line-to-say"]')?.textContent ?? null;
      return now !== null && now !== text;
    },
    before,
    { polling: 'raf' },
  );
}

async function typeField(page: Page, value: string): Promise<void> {
  await page.keyboard.press('KeyN');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
}

/** Ends the call on screen at once (the caller hung up) and saves its wrap-up: the tab is free again. */
export async function hangUp(page: Page): Promise<void> {
  await page.keyboard.press('Shift+KeyX');
  const wrapUp = page.getByRole('heading', { name: 'Итоги звонка' });
  await wrapUp.waitFor();
  await page.keyboard.press('Control+Enter');
  await wrapUp.waitFor({ state: 'detached' });
  await startPanel(page);
}

const FIRST_NAMES = ['ольга', 'пётр', 'анна', 'сергей', 'мария', 'иван', 'елена', 'олег', 'нина', 'юрий'];
const PATRONYMICS = ['ивановна', 'петрович', 'сергеевна', 'олегович', 'юрьевна', 'андреевич', 'павловна'];

/** A different caller each call, as on a real line: the caller's earlier calls are looked up by name. */
function callerName(n: number): string {
  return `${FIRST_NAMES[n % FIRST_NAMES.length] ?? ''} ${PATRONYMICS[Math.floor(n / FIRST_NAMES.length) % PATRONYMICS.length] ?? ''}`;
}

/**
 * A whole short inbound call of the consultation flow, as the e2e suite drives it: greeting, name,
 * need, understanding, answer, outcome "resolved", farewell, wrap-up saved; back on the start panel.
 */
export async function shortCall(page: Page, n: number): Promise<void> {
  await keyToNewLine(page, 'F2');
  await keyToNewLine(page, 'Digit1');
  await typeField(page, callerName(n));
  await keyToNewLine(page, 'Digit1');
  await typeField(page, `вопрос номер ${n} о записи на приём`);
  await keyToNewLine(page, 'Digit1'); // understanding
  await keyToNewLine(page, 'Digit1'); // yes, understood
  await keyToNewLine(page, 'Digit1'); // answer now
  await keyToNewLine(page, 'Digit1'); // resolved: the outcome
  await keyToNewLine(page, 'Digit2'); // no more questions: farewell
  await page.keyboard.press('KeyF');
  const wrapUp = page.getByRole('heading', { name: 'Итоги звонка' });
  await wrapUp.waitFor();
  await page.keyboard.press('Control+Enter');
  await wrapUp.waitFor({ state: 'detached' });
  await startPanel(page);
}
