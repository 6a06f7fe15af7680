// Issue 18, the knowledge base on the server: every organisation starts with the articles the build
// brought; editors export them as files and publish a new set, checked as kb:check checks a folder and
// refused in its words; workstations take the newest as the bundle the build makes; two editors from
// one base see the conflict; nothing of one organisation reaches another.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from '../../src/cli/kbCheck';
import { restoreBundle } from '../../src/kb/bundle';
import { articleHash } from '../../src/kb/overlay';
import { restoreArticle } from '../../src/kb/parse';
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

  describe('articles published one at a time', () => {
    type File = { file: string; text: string };
    type Publications = {
      version: number;
      articles: { id: string; version: number; author: { name: string } | null; note: string }[];
    };
    /** The digest of a file's article: what an edit records as the text it started from. */
    const digest = (f: File) => {
      const read = restoreArticle(f.text, f.file);
      if (!read.ok) throw new Error(`${f.file} does not read`);
      return articleHash(read.article);
    };
    const withShort = (f: File, words: string): File => ({
      ...f,
      text: f.text.replace(/^short:[^\n]*(\n {2}[^\n]*)*/m, `short: ${words}`),
    });
    const publishArticles = async (
      articles: (File & { base: string | null })[],
      note = '',
      role: 'editor' | 'administrator' = 'editor',
    ) =>
      server.call('POST', '/api/v1/kb/articles', {
        as: await server.signInAs(SVERDLOVSK, role),
        body: { articles, note },
      });
    const publications = async () => {
      const res = await server.call('GET', '/api/v1/kb/publications', {
        as: await server.signInAs(SVERDLOVSK, 'editor'),
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Publications>();
    };

    it('publishes an edited article over the newest version, with who, when and why', async () => {
      const exported = await files(SVERDLOVSK);
      const [first] = exported.articles;
      if (!first) throw new Error('no article');
      const id = first.file.replace(/^.*\//, '').replace(/\.md$/, '');
      // The workstation's copy (the bundle) has the digest the server works out from the file.
      const held = (await bundleOf(SVERDLOVSK)).articles.find((a) => a.id === id);
      expect(held && articleHash(held)).toBe(digest(first));
      const res = await publishArticles(
        [{ ...withShort(first, 'Ответ одного редактора.'), base: digest(first) }],
        'уточнён срок',
      );
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json<Publications>()).toMatchObject({
        version: exported.version + 1,
        articles: [{ id, version: exported.version + 1, note: 'уточнён срок' }],
      });
      const bundle = await bundleOf(SVERDLOVSK);
      expect(bundle.articles.find((a) => a.id === id)?.short).toBe('Ответ одного редактора.');
      // Every other article stays as it was.
      expect(bundle.articles).toHaveLength(exported.articles.length);
      const listed = (await publications()).articles.find((p) => p.id === id);
      expect(listed?.author?.name).toMatch(/[А-ЯЁ]/);
      expect(listed?.version).toBe(exported.version + 1);
    });

    it('refuses an article another editor published since the edit began, with their text; others pass', async () => {
      const exported = await files(SVERDLOVSK);
      const [a, b] = exported.articles;
      if (!a || !b) throw new Error('two articles needed');
      const theirs = withShort(a, 'Текст первого редактора.');
      const first = await publishArticles([{ ...theirs, base: digest(a) }], 'первый', 'administrator');
      expect(first.statusCode, first.body).toBe(201);
      const mine = withShort(a, 'Текст второго редактора.');
      const refused = await publishArticles([{ ...mine, base: digest(a) }]);
      expect(refused.statusCode, refused.body).toBe(409);
      const body = refused.json<{
        code: string;
        message: string;
        conflicts: (File & { note: string; version: number })[];
      }>();
      expect(body.code).toBe('kb_article_conflict');
      expect(body.message).toMatch(/[а-яё]/i);
      expect(body.conflicts).toHaveLength(1);
      expect(body.conflicts[0]).toMatchObject({
        text: theirs.text,
        note: 'первый',
        version: exported.version + 1,
      });
      expect((await bundleOf(SVERDLOVSK)).articles.map((x) => x.short)).not.toContain(
        'Текст второго редактора.',
      );
      // An article nobody touched meanwhile publishes from the same old start.
      const other = await publishArticles([{ ...withShort(b, 'Другая статья.'), base: digest(b) }]);
      expect(other.statusCode, other.body).toBe(201);
      // Having compared, the editor keeps their text over the newer one.
      const kept = await publishArticles([{ ...mine, base: digest(theirs) }]);
      expect(kept.statusCode, kept.body).toBe(201);
      const shorts = (await bundleOf(SVERDLOVSK)).articles.map((x) => x.short);
      expect(shorts).toContain('Текст второго редактора.');
      expect(shorts).toContain('Другая статья.');
    });

    it('keeps each editor’s article draft as typed, for them alone, until they publish; an old base meets the conflict', async () => {
      const exported = await files(SVERDLOVSK);
      const article = exported.articles[3];
      if (!article) throw new Error('four articles needed');
      const id = article.file.replace(/^.*\//, '').replace(/\.md$/, '');
      const url = `/api/v1/kb/drafts/${id}`;
      const [editor, admin] = [
        await server.signInAs(SVERDLOVSK, 'editor'),
        await server.signInAs(SVERDLOVSK, 'administrator'),
      ];
      // Typed with an error in it (no title yet): saved all the same, nothing typed is lost.
      const typed = { id, title: '', short: 'Черновик редактора.', questions: ['Вопрос?'] };
      const saved = await server.call('PUT', url, {
        as: editor,
        body: { draft: typed, base: digest(article) },
      });
      expect(saved.statusCode, saved.body).toBe(204);
      const mine = await server.call('GET', url, { as: editor });
      expect(mine.statusCode, mine.body).toBe(200);
      expect(mine.json()).toMatchObject({ articleId: id, draft: typed, base: digest(article) });
      const listed = await server.call('GET', '/api/v1/kb/drafts', { as: editor });
      expect(listed.json<{ drafts: { articleId: string }[] }>().drafts.map((d) => d.articleId)).toEqual([id]);

      // Another editor of the organisation neither reads it nor overwrites it with their own.
      expect((await server.call('GET', url, { as: admin })).json()).toMatchObject({
        code: 'article_draft_not_found',
      });
      expect((await server.call('GET', '/api/v1/kb/drafts', { as: admin })).json()).toEqual({ drafts: [] });
      const elsewhere = await server.call('GET', url, { as: await server.signInAs(MURMANSK, 'editor') });
      expect(elsewhere.statusCode).toBe(404);
      const theirsTyped = { ...typed, short: 'Черновик администратора.' };
      await server.call('PUT', url, { as: admin, body: { draft: theirsTyped, base: digest(article) } });
      expect((await server.call('GET', url, { as: editor })).json()).toMatchObject({ draft: typed });
      const operator = await server.call('PUT', url, {
        as: await server.signInAs(SVERDLOVSK, 'operator'),
        body: { draft: typed, base: null },
      });
      expect(operator.statusCode).toBe(403);

      // The administrator publishes from the same start: their draft is done with, the editor's stays.
      const theirs = withShort(article, 'Черновик администратора.');
      const first = await publishArticles([{ ...theirs, base: digest(article) }], 'свой', 'administrator');
      expect(first.statusCode, first.body).toBe(201);
      expect((await server.call('GET', url, { as: admin })).statusCode).toBe(404);
      expect((await server.call('GET', url, { as: editor })).statusCode).toBe(200);

      // The editor publishing their draft from its base sees the newer text, and keeps their draft.
      const draftBase = (await server.call('GET', url, { as: editor })).json<{ base: string }>().base;
      const refused = await publishArticles([
        { ...withShort(article, 'Черновик редактора.'), base: draftBase },
      ]);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json()).toMatchObject({
        code: 'kb_article_conflict',
        conflicts: [{ text: theirs.text }],
      });
      expect((await server.call('GET', url, { as: editor })).statusCode).toBe(200);
      // Discarded, it is gone.
      expect((await server.call('DELETE', url, { as: editor })).statusCode).toBe(204);
      expect((await server.call('GET', url, { as: editor })).statusCode).toBe(404);
    });

    it('adds a new article, refuses one kb:check refuses, and one whose name another editor took', async () => {
      const exported = await files(SVERDLOVSK);
      const [model] = exported.articles;
      if (!model) throw new Error('no article');
      const id = 'new-centre-article';
      const created = {
        file: `knowledge-base/${id}.md`,
        text: withShort(model, 'Совсем новая статья.').text.replace(/^id: .*$/m, `id: ${id}`),
      };
      const res = await publishArticles([{ ...created, base: null }]);
      expect(res.statusCode, res.body).toBe(201);
      expect((await bundleOf(SVERDLOVSK)).articles.map((x) => x.id)).toContain(id);
      const again = await publishArticles([{ ...withShort(created, 'Другой автор.'), base: null }]);
      expect(again.statusCode).toBe(409);
      const broken = await publishArticles([
        { ...created, text: created.text.replace(/^title:[^\n]*\n/m, ''), base: digest(created) },
      ]);
      expect(broken.statusCode).toBe(400);
      expect(broken.json<{ issues: string[] }>().issues[0]).toContain(created.file);
      expect((await files(SVERDLOVSK)).version).toBe((await publications()).version);
      const operator = await server.call('POST', '/api/v1/kb/articles', {
        as: await server.signInAs(SVERDLOVSK, 'operator'),
        body: { articles: [{ ...created, base: null }] },
      });
      expect(operator.statusCode).toBe(403);
    });
  });
});
