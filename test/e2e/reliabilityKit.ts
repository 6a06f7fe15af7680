// Helpers for the reliability suite: a seeded random source, the stored call record read with raw
// IndexedDB (no app code involved), and a fingerprint of what the call screen shows.
import type { Page } from 'playwright-core';
import { seededRng } from '../helpers/random';
import { typeField } from './callSteps';

/** SUFLER_SEED reruns a failing case; otherwise every run explores a new one. */
export function pickSeed(): number {
  const fixed = Number(process.env.SUFLER_SEED);
  return Number.isInteger(fixed) && fixed > 0 ? fixed : Math.floor(Math.random() * 2 ** 31) + 1;
}

/** Runs a seeded test body; a failure names the seed and how to replay it. */
export async function withSeed(seed: number, body: (random: () => number) => Promise<void>): Promise<void> {
  try {
    await body(seededRng(seed));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const wrapped = new Error(`[seed ${seed}; rerun with SUFLER_SEED=${seed}] ${message}`);
    if (error instanceof Error && error.stack) wrapped.stack = `${wrapped.message}\n${error.stack}`;
    throw wrapped;
  }
}

export const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

/** One stored log entry as the app wrote it (src/calls/record.ts), with only what the suite reads. */
export interface StoredEvent {
  callId: string;
  seq: number;
  event: {
    type: string;
    optionId?: string;
    fieldId?: string;
    value?: string;
    start?: { transfersBefore?: number };
  };
  after: { state: string; stepId: string };
}

interface StoredCallRow {
  id: string;
  status: 'active' | 'ended';
  lastSeq: number;
  transfersBefore: number;
}

export interface StoredRecord {
  calls: StoredCallRow[];
  events: StoredEvent[];
}

/** Everything in the `calls` and `callEvents` stores of the app's database (src/db/db.ts), read raw. */
export async function readStore(page: Page): Promise<StoredRecord> {
  return page.evaluate(async () => {
    const known = await indexedDB.databases();
    if (!known.some((d) => d.name === 'sufler')) return { calls: [], events: [] };
    const open = indexedDB.open('sufler');
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error('cannot open the database'));
    });
    try {
      if (!db.objectStoreNames.contains('calls')) return { calls: [], events: [] };
      const tx = db.transaction(['calls', 'callEvents']);
      const all = (store: string) =>
        new Promise<unknown[]>((resolve, reject) => {
          const req = tx.objectStore(store).getAll();
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(new Error(`cannot read ${store}`));
        });
      const [calls, events] = await Promise.all([all('calls'), all('callEvents')]);
      // Rows are the app's own (src/db/callsTables.ts); the suite reads them as stored, without app code.
      return { calls, events } as StoredRecord;
    } finally {
      db.close();
    }
  });
}

export const eventsOf = (record: StoredRecord, callId: string): StoredEvent[] =>
  record.events.filter((e) => e.callId === callId).sort((a, b) => a.seq - b.seq);

/** What an event asked for, without its time: two copies of one action look the same. */
export function describeEvent(e: Pick<StoredEvent, 'event'>): string {
  const { type, optionId, fieldId, value } = e.event;
  return [type, optionId, fieldId, value].filter((x) => x !== undefined).join(':');
}

/** Reads the store until it stops changing (two equal reads 200 ms apart): no write left in flight. */
export async function settledStore(page: Page): Promise<StoredRecord> {
  let last = JSON.stringify(await readStore(page));
  for (let i = 0; i < 50; i++) {
    await page.waitForTimeout(200);
    const now = await readStore(page);
    const text = JSON.stringify(now);
    if (text === last) return now;
    last = text;
  }
  throw new Error('the stored call record never settled');
}

/**
 * What the call screen shows, reduced to what the stored record decides: the phase, the line to say
 * (or what to fill first), the caller card's name, phone and need, and the stage strip. The time-of-day
 * greeting is masked, so a test crossing an hour boundary compares the same thing. Runs in the page.
 */
function fingerprintInPage(): string {
  const text = (selector: string) =>
    (document.querySelector(selector)?.textContent ?? '').replace(
      /Добр(ое|ый|ой) (утро|день|вечер|ночи)/g,
      'GREETING',
    );
  const screen = document.querySelector('.call-screen');
  if (!screen) return document.querySelector('.start-call-panel') ? 'no call' : 'nothing';
  return [
    screen.getAttribute('data-phase'),
    text('[data-testid="line-to-say"]'),
    text('[data-testid="line-missing"]'),
    text('[data-testid="card-name"]'),
    text('[data-testid="card-phone"]'),
    text('[data-testid="card-need"]'),
    text('nav[aria-label="Этапы звонка"]'),
  ].join(' | ');
}

export const screenFingerprint = (page: Page): Promise<string> => page.evaluate(fingerprintInPage);

/** Waits until the screen's fingerprint differs from `before`. */
async function screenChanged(page: Page, before: string): Promise<void> {
  await page.waitForFunction(`(${fingerprintInPage.toString()})() !== ${JSON.stringify(before)}`);
}

/** One keyboard action of a scripted call: a key, or a key that opens the step's field and a value. */
export type ScriptAction = { key: string } | { key: string; value: string };

/** The whole inbound consultation by keyboard: start, name, need, understood, answered, farewell, finish. */
export const INBOUND_SCRIPT: readonly ScriptAction[] = [
  { key: 'F2' },
  { key: 'Digit1' },
  { key: 'KeyN', value: 'ольга ивановна' },
  { key: 'Digit1' },
  { key: 'KeyN', value: 'справка о доходах' },
  { key: 'Digit1' },
  { key: 'Digit1' },
  { key: 'Digit1' },
  { key: 'Digit1' },
  { key: 'Digit2' },
  { key: 'KeyF' },
];

/** What the script records, one event per action, described as describeEvent() does. */
export const INBOUND_LOG: readonly string[] = [
  'call.started',
  'operator.choose:continue',
  'operator.capture:callerName:ольга ивановна',
  'operator.choose:known',
  'operator.capture:need:справка о доходах',
  'operator.choose:clear',
  'operator.choose:yes',
  'operator.choose:answer',
  'operator.choose:resolved',
  'operator.choose:done',
  'operator.finish',
];

/** Presses the action's keys and returns at once: nothing waits for the screen or the store. */
export async function pressAction(page: Page, action: ScriptAction): Promise<void> {
  if ('value' in action) await typeField(page, action.key, action.value);
  else await page.keyboard.press(action.key);
}

/** Presses the action's keys and waits until the screen shows what the action did. */
export async function runAction(page: Page, action: ScriptAction): Promise<void> {
  const before = await screenFingerprint(page);
  await pressAction(page, action);
  await screenChanged(page, before);
}

/** Waits until the knowledge base is cached in IndexedDB (its active pointer is set), ready offline. */
export async function knowledgeBaseCached(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const dbs = await indexedDB.databases();
      if (!dbs.some((d) => d.name === 'sufler')) return false;
      const open = indexedDB.open('sufler');
      const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
      try {
        // The DOM types get() as any; this row is the kbActive pointer (src/db/kbTables.ts).
        const get = db.transaction('kbActive').objectStore('kbActive').get('active') as IDBRequest<
          { version?: string } | undefined
        >;
        const row = await new Promise<{ version?: string } | undefined>(
          (ok) => (get.onsuccess = () => ok(get.result)),
        );
        return typeof row?.version === 'string';
      } finally {
        db.close();
      }
    },
    undefined,
    { polling: 200 },
  );
}

/** The record file the app offers when storage failed (src/services/recordFile.ts), as the suite reads it. */
export interface RecordFileShape {
  format: string;
  callId: string;
  wrapUp: unknown;
  log: Pick<StoredEvent, 'seq' | 'event'>[];
}
