// Old databases and hostile input in real Chromium against the production build: a database left by schema
// version 1 opens with everything in place; markup never runs; bad files are refused and nothing stored is lost.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startStaticServer, type StaticServer } from '../helpers/staticServer';
import { launch, watchErrors } from './harness';
import { operatorView } from './callSteps';

interface SchemaFixture {
  idbVersion: number;
  stores: Record<
    string,
    {
      keyPath: string | string[] | null;
      autoIncrement: boolean;
      indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
    }
  >;
  rows: Record<string, Record<string, unknown>[]>;
}

// Fixture files are JSON written by us; their shapes are the ones declared here.
const V1 = JSON.parse(
  await readFile(new URL('../fixtures/db/schema-v1.json', import.meta.url), 'utf8'),
) as SchemaFixture;
const ACTIVE_CALL = V1.rows.calls?.find((c) => c.status === 'active')?.id;

/** The v1 database with its active call gone, for tests that start calls of their own. */
function withoutActiveCall(fx: SchemaFixture): SchemaFixture {
  const rows = { ...fx.rows };
  rows.calls = (rows.calls ?? []).filter((c) => c.id !== ACTIVE_CALL);
  rows.callEvents = (rows.callEvents ?? []).filter((e) => e.callId !== ACTIVE_CALL);
  return { ...fx, rows };
}

interface Seeded {
  server: StaticServer;
  context: BrowserContext;
  page: Page;
  errors: string[];
  dispose(): Promise<void>;
}

let seeded: Seeded | null = null;
afterEach(async () => {
  await seeded?.dispose();
  seeded = null;
});

const SEED_PATH = '/__seed-before-the-app__';

/**
 * Builds the database with the raw IndexedDB API on the app's origin, from a page that is not the app
 * (so nothing opens the database first), then loads the app over it.
 */
/** A minute after the fixture's last recorded event: the moment its database was left. */
function fixtureNow(fx: SchemaFixture): number {
  const times = (fx.rows.callEvents ?? []).map((e) => Number((e as { at?: unknown }).at) || 0);
  return Math.max(0, ...times) + 60_000;
}

async function openSeeded(fx: SchemaFixture): Promise<Seeded> {
  const server = await startStaticServer(inject('distA'));
  const profileDir = await mkdtemp(join(tmpdir(), 'sufler-e2e-'));
  const context = await launch(profileDir);
  await context.route(`**${SEED_PATH}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>seed</title>' }),
  );
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = watchErrors(page);
  await page.goto(server.url + SEED_PATH);
  await page.evaluate(
    (f) =>
      new Promise<void>((resolve, reject) => {
        const revive = (v: unknown): unknown => {
          if (Array.isArray(v)) return v.map(revive);
          if (v === null || typeof v !== 'object') return v;
          const o = v as Record<string, unknown>; // a non-null object, checked above
          if (typeof o.$blob === 'string')
            return new Blob([Uint8Array.from(atob(o.$blob), (c) => c.charCodeAt(0))]);
          return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
        };
        const req = indexedDB.open('sufler', f.idbVersion);
        req.onupgradeneeded = () => {
          for (const [name, def] of Object.entries(f.stores)) {
            const os = req.result.createObjectStore(name, {
              keyPath: def.keyPath,
              autoIncrement: def.autoIncrement,
            });
            for (const ix of def.indexes)
              os.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
          }
        };
        req.onerror = () => reject(new Error('seed: cannot open'));
        req.onsuccess = () => {
          const tx = req.result.transaction(Object.keys(f.stores), 'readwrite');
          for (const [name, rows] of Object.entries(f.rows))
            for (const r of rows) tx.objectStore(name).put(revive(r));
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error('seed: cannot write'));
        };
      }),
    fx,
  );
  await context.unroute(`**${SEED_PATH}`);
  // The app reads the fixture on the day it was made: "today" in the operator's history is that day, and
  // the stored hold is as old as it was then. Time flows on from there as usual.
  await context.clock.install({ time: fixtureNow(fx) });
  await context.clock.resume();
  await page.goto(server.url);
  // Every test starts on the operator's workspace with the stored profile; say what showed instead.
  await page
    .getByTestId('operator-identity')
    .waitFor({ timeout: 20_000 })
    .catch(async () => {
      const shown = (await page.locator('body').innerText()).slice(0, 600);
      throw new Error(`the app did not open: ${page.url()}\n${shown}\nerrors: ${errors.join('; ')}`);
    });
  return {
    server,
    context,
    page,
    errors,
    async dispose() {
      await context.close().catch(() => undefined);
      await server.stop();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

/** Primary keys of every row in the given stores, read with the raw API (as JSON, to compare). */
async function storedKeys(page: Page, stores: string[]): Promise<Record<string, string[]>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, string[]>>((resolve, reject) => {
        const req = indexedDB.open('sufler');
        req.onerror = () => reject(new Error('cannot open'));
        req.onsuccess = () => {
          const out: Record<string, string[]> = {};
          const tx = req.result.transaction(names);
          for (const n of names) {
            const q = tx.objectStore(n).getAllKeys();
            q.onsuccess = () => (out[n] = q.result.map((k) => JSON.stringify(k)).sort());
          }
          tx.oncomplete = () => {
            req.result.close();
            resolve(out);
          };
        };
      }),
    stores,
  );
}

const KEPT = [
  'settings',
  'calls',
  'callEvents',
  'callbacks',
  'flowVersions',
  'flowDrafts',
  'flowStatus',
  'articleEdits',
];

/** The fixture's own keys, in the same JSON form as storedKeys. */
function fixtureKeys(fx: SchemaFixture, store: string): string[] {
  const keyPath = fx.stores[store]?.keyPath;
  return (fx.rows[store] ?? [])
    .map((r) => JSON.stringify(Array.isArray(keyPath) ? keyPath.map((k) => r[k]) : r[String(keyPath)]))
    .sort();
}

describe('a database left by schema version 1', () => {
  it('opens in Chromium with its settings, history and callbacks, and resumes the active call', async () => {
    seeded = await openSeeded(V1);
    const { page, errors } = seeded;
    // The v1 settings rows hold the profile and the organisation as v1 stored them.
    const operator = V1.rows.settings?.find((r) => r.key === 'operator')?.value as Record<string, string>;
    const organisation = V1.rows.settings?.find((r) => r.key === 'organisation')?.value as Record<
      string,
      string
    >;
    const active = V1.rows.calls?.find((c) => c.id === ACTIVE_CALL);
    const ended = V1.rows.calls?.find((c) => c.status === 'ended');

    // No first-run screen: the stored profile and organisation are the ones shown.
    await expect(page.getByTestId('operator-identity').textContent()).resolves.toBe(
      `${operator.surname} ${operator.firstName} ${operator.patronymic} — ${organisation.shortName}`,
    );
    await page
      .getByTestId('card-name')
      .filter({ hasText: String(active?.callerName) })
      .waitFor();
    await page
      .locator('[data-testid="line-to-say"], [data-testid="hold-countdown"], [data-testid="line-missing"]')
      .first()
      .waitFor();

    await operatorView(page, 'Мои звонки');
    const history = page.getByRole('region', { name: 'Мои звонки' });
    await history.getByTestId('call-list').getByText(String(ended?.callerName), { exact: false }).waitFor();
    await operatorView(page, 'Обещанные звонки');
    await page
      .getByRole('region', { name: 'Обещанные звонки' })
      .getByText(String(ended?.callerName), { exact: false })
      .first()
      .waitFor();

    const keys = await storedKeys(page, KEPT);
    for (const store of KEPT)
      expect(keys[store], store).toEqual(expect.arrayContaining(fixtureKeys(V1, store)));
    expect(errors).toEqual([]);
  });
});

// Markup a flow line, a hint, a title or an article could carry; each would set window.__pwned if it ran.
const PAYLOAD = [
  `<script>window.__pwned='script'</script>`,
  `<img src=x onerror="window.__pwned='img'">`,
  `[ссылка](javascript:window.__pwned='link')`,
  `<a href="javascript:window.__pwned='a'" onclick="window.__pwned='click'">нажмите</a>`,
].join(' ');
const RAN = 'script, img, iframe, [onerror], [onclick], a[href^="javascript"]';

async function pwned(page: Page): Promise<unknown> {
  // The flag is the payload's own global; the page's Window type does not know it.
  return page.evaluate(() => (window as { __pwned?: unknown }).__pwned ?? null);
}

async function openWorkspace(page: Page, link: 'Редактор' | 'Руководитель' | 'Оператор'): Promise<void> {
  await page.getByRole('navigation', { name: 'Рабочие места' }).getByRole('link', { name: link }).click();
}

/** windows-1251 bytes of a string of ASCII and Russian letters, as an old Windows editor saves it. */
function cp1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 0x80) return c;
      if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
      return ch === 'ё' ? 0xb8 : ch === 'Ё' ? 0xa8 : 0x3f;
    }),
  );
}

const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const garbage = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7919 + 13) % 256));
const TEN_MB = 10 * 1024 * 1024;

/** A file's bytes, or a big file described by its parts (made in the page: 10 MB never crosses the wire). */
type Content = { base64: string } | { head: string; fill: string; count: number; tail: string };

const bytes = (b: Buffer): Content => ({ base64: b.toString('base64') });

interface BadFile {
  name: string;
  content: Content;
  /** Part of the message the user must see. */
  says: string;
}

/** Picks a file in the input as a user would: the input's files set, its change event fired. */
async function pick(page: Page, label: string, name: string, content: Content): Promise<void> {
  await page.getByLabel(label).evaluate(
    (input, f) => {
      if (!(input instanceof HTMLInputElement)) throw new Error('not a file input');
      const parts =
        'base64' in f.content
          ? [Uint8Array.from(atob(f.content.base64), (c) => c.charCodeAt(0))]
          : [f.content.head, f.content.fill.repeat(f.content.count), f.content.tail];
      const picked = new DataTransfer();
      picked.items.add(new File(parts, f.name, { type: 'application/json' }));
      input.files = picked.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    { name, content },
  );
}

/** Loads each file through the input, waits for its message; returns how long the slowest took. */
async function refuseAll(page: Page, label: string, result: string, files: BadFile[]): Promise<number> {
  // Timed in the page from the input's change event to the message on screen.
  await page.evaluate(() =>
    document.addEventListener('change', () => Object.assign(window, { __pickedAt: performance.now() }), true),
  );
  let slowest = 0;
  for (const f of files) {
    await pick(page, label, f.name, f.content);
    // Checked every frame in the page, so the time is the app's, not the test's polling interval.
    const took = await page.waitForFunction(
      ({ selector, says }) =>
        [...document.querySelectorAll(selector)].some((e) => e.textContent.includes(says)) &&
        // __pickedAt is this file's own global, set by the listener above.
        performance.now() - (window as unknown as { __pickedAt: number }).__pickedAt,
      { selector: result, says: f.says },
      { polling: 'raf', timeout: 15_000 },
    );
    slowest = Math.max(slowest, Number(await took.jsonValue()));
  }
  return slowest;
}

const consultation = JSON.parse(
  await readFile(new URL('../../scripts-flows/inbound-consultation.json', import.meta.url), 'utf8'),
) as { title: string; steps: { id: string; say: string; hints?: string[] }[] } & Record<string, unknown>;

describe('hostile input in Chromium: rendered inert or refused, nothing stored lost', () => {
  it('a flow whose line, hint and title carry markup is shown on the operator screen as text', async () => {
    seeded = await openSeeded(withoutActiveCall(V1));
    const { page, errors } = seeded;
    const hostile = structuredClone(consultation);
    hostile.title = `${consultation.title} ${PAYLOAD}`;
    const greeting = hostile.steps.find((s) => s.id === 'greeting');
    if (!greeting) throw new Error('no greeting step');
    // A line that greets by itself names the organisation and the operator (flow check, issue 15).
    greeting.say = `{{greeting}}! {{organisation.shortName}}, {{operator.fullName}}. ${PAYLOAD}`;
    greeting.hints = [`Подсказка ${PAYLOAD}`];
    const before = await storedKeys(page, KEPT);

    await openWorkspace(page, 'Редактор');
    await page.getByLabel('Загрузить файл сценария').setInputFiles({
      name: 'hostile.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(hostile)),
    });
    await page.getByTestId('import-result').getByText('загружен как версия', { exact: false }).waitFor();
    expect(await page.locator(`.flow-list :is(${RAN})`).count()).toBe(0);

    await openWorkspace(page, 'Оператор');
    await page.keyboard.press('F2');
    const line = page.getByTestId('line-to-say');
    await line.waitFor();
    await expect(line.textContent()).resolves.toContain(`<script>window.__pwned='script'</script>`);
    await expect(line.textContent()).resolves.toContain(`onerror="window.__pwned='img'"`);
    await page.getByText(`Подсказка <script>`, { exact: false }).first().waitFor();
    await line.click();
    await page.waitForTimeout(300);
    expect(await page.locator(`main :is(${RAN})`).count()).toBe(0);
    expect(await pwned(page)).toBeNull();

    const after = await storedKeys(page, KEPT);
    for (const store of KEPT)
      expect(after[store], store).toEqual(expect.arrayContaining(before[store] ?? []));
    expect(errors).toEqual([]);
  });

  it('flow files too big, too long, in the wrong encoding or not text are refused with a clear message', async () => {
    seeded = await openSeeded(withoutActiveCall(V1));
    const { page, errors } = seeded;
    await openWorkspace(page, 'Редактор');
    await page.locator('.flow-list').waitFor();
    const listBefore = await page.locator('.flow-list').textContent();
    const before = await storedKeys(page, KEPT);
    const steps = Array.from({ length: 10_000 }, (_, i) => ({
      id: `s${i}`,
      stage: 'questions',
      say: 'Уточните.',
    }));
    const slowest = await refuseAll(page, 'Загрузить файл сценария', '[data-testid="import-result"]', [
      { name: 'huge.json', content: { head: '', fill: ' ', count: TEN_MB, tail: '' }, says: 'больше 1 МБ' },
      {
        name: 'steps.json',
        content: bytes(Buffer.from(JSON.stringify({ ...consultation, steps }))),
        says: 'допускается не больше 200 элементов',
      },
      { name: 'cp1251.json', content: bytes(cp1251(JSON.stringify(consultation))), says: 'windows-1251' },
      { name: 'utf16.json', content: bytes(utf16(JSON.stringify(consultation))), says: 'UTF-16' },
      { name: 'garbage.json', content: bytes(garbage(64 * 1024)), says: 'не текстовый файл' },
    ]);
    // The size is checked before a byte is read, so even 10 MB is refused at once (tens of ms; slack for
    // a loaded machine).
    expect(slowest).toBeLessThan(1_000);
    await expect(page.locator('.flow-list').textContent()).resolves.toBe(listBefore);
    expect(await storedKeys(page, KEPT)).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('workstation files forged, damaged, huge or in the wrong encoding import nothing at all', async () => {
    seeded = await openSeeded(withoutActiveCall(V1));
    const { page, errors } = seeded;
    const calls = V1.rows.calls?.filter((c) => c.status === 'ended') ?? [];
    const ids = new Set(calls.map((c) => c.id));
    const events = V1.rows.callEvents?.filter((e) => ids.has(e.callId)) ?? [];
    const callbacks = V1.rows.callbacks?.filter((c) => ids.has(c.callId)) ?? [];
    // A call this workstation has never seen, so a partial import would show as a new row.
    const fresh = calls.map((c) => ({ ...c, id: 'forged-call' }));
    const freshEvents = events.map((e) => ({ ...e, callId: 'forged-call' }));
    const file = (version: unknown, payload: unknown, checksum?: string) =>
      Buffer.from(
        JSON.stringify({
          format: 'sufler.calls',
          version,
          exportedAt: Date.now(),
          operatorName: 'Смирнова Елена',
          checksum:
            checksum ?? 'sha256:' + createHash('sha256').update(JSON.stringify(payload)).digest('hex'),
          payload,
        }),
      );
    const good = { calls: [...calls, ...fresh], events: [...events, ...freshEvents], callbacks };
    const broken = { ...good, callbacks: callbacks.map((c) => ({ ...c, status: 'maybe' })) };
    const signed = file(1, good).toString();
    const before = await storedKeys(page, KEPT);

    await openWorkspace(page, 'Руководитель');
    await page.getByRole('tab', { name: 'Обмен и хранение' }).click();
    const slowest = await refuseAll(page, 'Загрузить файл выгрузки', '.exchange [role="alert"]', [
      { name: 'v99.json', content: bytes(file(99, good)), says: 'более новой версией' },
      { name: 'shape.json', content: bytes(file(1, broken)), says: 'неполные или неверные записи' },
      {
        name: 'big.json',
        content: { head: '[{"junk":"', fill: 'x', count: TEN_MB, tail: '"}]' },
        says: 'Это не файл выгрузки',
      },
      { name: 'cp1251.json', content: bytes(cp1251(signed)), says: 'windows-1251' },
      {
        name: 'forged.json',
        content: bytes(file(1, good, 'sha256:' + '0'.repeat(64))),
        says: 'контрольная сумма',
      },
      { name: 'utf16.json', content: bytes(utf16(signed)), says: 'UTF-16' },
      { name: 'garbage.json', content: bytes(garbage(64 * 1024)), says: 'не текстовый файл' },
    ]);
    // 10 MB is under the workstation limit: read (off the main thread), decoded and parsed (about 0.6 s
    // on a busy 2-core machine), and refused as not an export.
    expect(slowest).toBeLessThan(5_000);
    expect(await storedKeys(page, KEPT)).toEqual(before);

    // The same file, signed and whole, does go in: the refusals above were about the files, not the panel.
    await page.getByLabel('Загрузить файл выгрузки').setInputFiles({
      name: 'good.json',
      mimeType: 'application/json',
      buffer: Buffer.from(signed),
    });
    await page.getByText('Загружено: новых звонков 1', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });

  it('an article edited with markup is inert in the editor preview and in the operator’s article view', async () => {
    seeded = await openSeeded(withoutActiveCall(V1));
    const { page, errors } = seeded;
    await openWorkspace(page, 'Редактор');
    await page.getByRole('tab', { name: 'Статьи базы знаний' }).click();
    const first = page.locator('.article-list li').first();
    await first.waitFor();
    const id = await first.getAttribute('data-article-id');
    await first.getByRole('button', { name: 'Изменить' }).click();
    const body = page.locator('#ed-article-body');
    await body.fill(`${await body.inputValue()}\n\nПриёмная в Верхотурье. ${PAYLOAD}`);
    const preview = page.getByTestId('article-preview');
    await preview.getByText('Верхотурье', { exact: false }).waitFor();
    await expect(preview.textContent()).resolves.toContain(`<script>window.__pwned='script'</script>`);
    expect(await preview.locator(RAN).count()).toBe(0);
    for (const link of await preview.getByRole('link').all())
      await link.click({ force: true }).catch(() => undefined);
    expect(await pwned(page)).toBeNull();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await page.getByText('Сохранено.').waitFor();

    await openWorkspace(page, 'Оператор');
    await page.keyboard.press('F2');
    await page.getByTestId('line-to-say').waitFor();
    await page.getByLabel('Поиск по базе знаний').fill('Верхотурье');
    const hit = page
      .getByRole('list', { name: 'Найденные статьи' })
      .locator(`[data-article-id="${id ?? ''}"]`)
      .first();
    await hit.waitFor({ timeout: 10_000 });
    await hit.click();
    const full = page.getByRole('region', { name: 'Подробный ответ' });
    await full.getByText('Верхотурье', { exact: false }).waitFor();
    await expect(full.textContent()).resolves.toContain(`<script>window.__pwned='script'</script>`);
    expect(await full.locator(RAN).count()).toBe(0);
    for (const link of await full.getByRole('link').all())
      await link.click({ force: true }).catch(() => undefined);
    await page.waitForTimeout(300);
    expect(await pwned(page)).toBeNull();
    expect(errors).toEqual([]);
  });
});
