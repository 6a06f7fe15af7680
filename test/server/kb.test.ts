// Issue 18, the knowledge base on the server: every organisation starts with the articles the build
// brought; editors export them as files and publish a new set, checked as kb:check checks a folder and
// refused in its words; workstations take the newest as the bundle the build makes; two editors from
// one base see the conflict; nothing of one organisation reaches another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/cli/kbCheck';
import { restoreBundle } from '../../src/kb/bundle';
import { MURMANSK, SVERDLOVSK, startTestServer, type TestServer } from './serverHarness';
import { DATABASE_KINDS } from './testDatabase';

type Files = { version: number; articles: { file: string; text: string }[] };
const SHIPPED = loadKnowledgeBase('knowledge-base').articles;
/** The shipped articles one organisation is given: those for every ministry, and its own. */
const shippedFor = (org: string) =>
  SHIPPED.filter((a) => a.organisations.length === 0 || a.organisations.includes(org))
    .map((a) => a.id)
    .sort();

describe.each(DATABASE_KINDS)('the knowledge base on %s', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(kind);
  });
  afterAll(() => server.close());

  const bundleOf = async (org: string) => {
    const res = await server.call('GET', '/api/v1/kb', { as: await server.signInAs(org, 'operator') });
    expect(res.statusCode).toBe(200);
    const bundle = restoreBundle(res.json());
    if (!bundle) throw new Error('not a knowledge-base bundle');
    return bundle;
  };
  const files = async (org = MURMANSK) => {
    const res = await server.call('GET', '/api/v1/kb/files', { as: await server.signInAs(org, 'editor') });
    expect(res.statusCode).toBe(200);
    return res.json<Files>();
  };
  const publish = async (
    body: Record<string, unknown>,
    org = MURMANSK,
    role: 'editor' | 'operator' = 'editor',
  ) => server.call('POST', '/api/v1/kb/versions', { as: await server.signInAs(org, role), body });
  /** The export with one article's short answer reworded. */
  const reworded = (exported: Files, words: string) => {
    const [first, ...rest] = exported.articles;
    if (!first) throw new Error('no article');
    return [
      { ...first, text: first.text.replace(/^short:[^\n]*(\n {2}[^\n]*)*/m, `short: ${words}`) },
      ...rest,
    ];
  };

  it('gives every organisation the shipped articles for all and its own, never those of another', async () => {
    for (const [org, other] of [
      [MURMANSK, SVERDLOVSK],
      [SVERDLOVSK, MURMANSK],
    ] as const) {
      const bundle = await bundleOf(org);
      expect(bundle.articles.map((a) => a.id).sort()).toEqual(shippedFor(org));
      expect(bundle.articles.some((a) => a.organisations.includes(other))).toBe(false);
      expect(shippedFor(org).length).toBeLessThan(SHIPPED.length);
      expect((await files(org)).version).toBe(1);
    }
  });

  it('publishes a new set of files; workstations get the new bundle; the other centre keeps its own', async () => {
    const before = await bundleOf(MURMANSK);
    const exported = await files();
    const res = await publish({
      articles: reworded(exported, 'Новый короткий ответ.'),
      baseVersion: exported.version,
      note: 'уточнён ответ',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ version: exported.version + 1 });
    const after = await bundleOf(MURMANSK);
    expect(after.version).not.toBe(before.version);
    expect(after.articles.map((a) => a.short)).toContain('Новый короткий ответ.');
    expect((await bundleOf(SVERDLOVSK)).articles.map((a) => a.short)).not.toContain('Новый короткий ответ.');
  });

  it('refuses articles kb:check refuses, in its words, and changes nothing', async () => {
    const exported = await files();
    const [first, ...rest] = exported.articles;
    if (!first) throw new Error('no article');
    const broken = [{ ...first, text: first.text.replace(/^title:[^\n]*\n/m, '') }, ...rest];
    const res = await publish({ articles: broken, baseVersion: exported.version });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; issues: string[] }>();
    expect(body.code).toBe('kb_invalid');
    expect(body.issues[0]).toContain(first.file);
    expect(body.issues.every((line) => /[а-яё]/i.test(line))).toBe(true);
    expect((await files()).version).toBe(exported.version);
  });

  it('refuses a second publication from the same base, and anyone but an editor', async () => {
    const exported = await files();
    const first = await publish({ articles: reworded(exported, 'Первый.'), baseVersion: exported.version });
    expect(first.statusCode, first.body).toBe(201);
    const second = await publish({ articles: reworded(exported, 'Второй.'), baseVersion: exported.version });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ code: 'kb_version_conflict', latest: exported.version + 1 });
    const operator = await publish(
      { articles: reworded(exported, 'Оператор.'), baseVersion: exported.version + 1 },
      MURMANSK,
      'operator',
    );
    expect(operator.statusCode).toBe(403);
    const asOperator = await server.call('GET', '/api/v1/kb/files', {
      as: await server.signInAs(MURMANSK, 'operator'),
    });
    expect(asOperator.statusCode).toBe(403);
    expect((await bundleOf(MURMANSK)).articles.map((a) => a.short)).toContain('Первый.');
  });
});
