// Importing repository-format article files in the editor (issue 18): each file is judged by kb:check's
// own checker, what passes is compared with the articles the editor has, and a file with any finding
// changes nothing; an exported set imports back with nothing to change.
import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase, readArticleSources } from '../../src/cli/kbCheck';
import { strFromU8, unzipSync } from 'fflate';
import { articleFiles, articleFileText } from '../../src/editor/articleFile';
import { zipFiles } from '../../src/editor/download';
import { formatKbIssue } from '../../src/i18n/ru/kbIssues';
import { planArticleImport } from '../../src/kb/importFiles';
import type { ArticleSource } from '../../src/kb/restoreKnowledgeBase';

const SHIPPED = loadKnowledgeBase('knowledge-base').articles;
const FILES = readArticleSources('knowledge-base');
const fileOf = (id: string) => {
  const found = FILES.find((f) => f.file === `knowledge-base/${id}.md`);
  if (!found || !('text' in found)) throw new Error(`${id}: no such article file`);
  return found;
};
const [FIRST, SECOND] = SHIPPED;
if (!FIRST || !SECOND) throw new Error('two shipped articles needed');

describe('importing article files', () => {
  it('finds nothing to change in the files the knowledge base was made of, or in its export', () => {
    const plan = planArticleImport(FILES, SHIPPED);
    expect(plan.refused).toEqual([]);
    expect(plan.entries).toHaveLength(SHIPPED.length);
    expect(plan.entries.filter((e) => e.change !== 'unchanged')).toEqual([]);
    // The editor's export of each article (its "Скачать файл") imports back unchanged too.
    const exported = SHIPPED.map((a) => ({ file: `${a.id}.md`, text: articleFileText(a) }));
    const again = planArticleImport(exported, SHIPPED);
    expect(again.refused).toEqual([]);
    expect(new Set(again.entries.map((e) => e.change))).toEqual(new Set(['unchanged']));
  });

  it('takes back unchanged the whole knowledge base the editor downloads as one archive', () => {
    const files = unzipSync(zipFiles(articleFiles(SHIPPED)));
    const names = Object.keys(files);
    expect(names).toHaveLength(SHIPPED.length);
    expect(names.every((n) => n.startsWith('knowledge-base/') && n.endsWith('.md'))).toBe(true);
    // Unpacked, the folder is what kb:check reads, and what the import takes back.
    const unpacked = Object.entries(files).map(([file, bytes]) => ({ file, text: strFromU8(bytes) }));
    expect(unpacked.map((f) => f.text).sort()).toEqual(SHIPPED.map((a) => articleFileText(a)).sort());
    const plan = planArticleImport(unpacked, SHIPPED);
    expect(plan.refused).toEqual([]);
    expect(plan.entries).toHaveLength(SHIPPED.length);
    expect(new Set(plan.entries.map((e) => e.change))).toEqual(new Set(['unchanged']));
  });

  it('refuses a file kb:check refuses, with its Russian words, and takes nothing from it', () => {
    const broken = { ...fileOf(FIRST.id), text: fileOf(FIRST.id).text.replace(/^title:[^\n]*\n/m, '') };
    const plan = planArticleImport([broken], SHIPPED);
    expect(plan.entries).toEqual([]);
    expect(plan.refused).toHaveLength(1);
    expect(plan.refused[0]?.file).toBe(broken.file);
    const lines = plan.refused.flatMap((r) => r.issues.map(formatKbIssue));
    expect(lines).toEqual([`${broken.file}:1: title: нет обязательного поля`]);
  });

  it('sorts a mixed pick: changed, new, refused, two files of one article, and what is not an article', () => {
    const changed = {
      file: `мои/${FIRST.id}.md`,
      text: fileOf(FIRST.id).text.replace(/^short:[^\n]*(\n {2}[^\n]*)*/m, 'short: Новый короткий ответ.'),
    };
    const created = {
      file: 'мои/new-import-article.md',
      text: fileOf(FIRST.id).text.replace(/^id: .*$/m, 'id: new-import-article'),
    };
    const misnamed = { file: 'мои/other-name.md', text: fileOf(FIRST.id).text };
    const twiceA = { file: `a/${SECOND.id}.md`, text: fileOf(SECOND.id).text };
    const twiceB = { file: `b/${SECOND.id}.md`, text: fileOf(SECOND.id).text };
    const unreadable: ArticleSource = { file: 'мои/cp1251.md', unreadable: 'notUtf8', maxBytes: 1024 };
    const readme = { file: 'мои/README.md', text: '# Формат' };
    const picture = { file: 'мои/схема.png', text: '' };
    const plan = planArticleImport(
      [changed, created, misnamed, twiceA, twiceB, unreadable, readme, picture],
      SHIPPED,
    );
    expect(plan.entries.map((e) => [e.article.id, e.change])).toEqual([
      [FIRST.id, 'changed'],
      ['new-import-article', 'new'],
    ]);
    expect(plan.entries[0]?.article.short).toBe('Новый короткий ответ.');
    expect(plan.entries[0]?.before?.short).toBe(FIRST.short);
    expect(plan.refused.map((r) => r.file)).toEqual([
      twiceA.file,
      twiceB.file,
      unreadable.file,
      misnamed.file,
    ]);
    const words = plan.refused.flatMap((r) => r.issues.map(formatKbIssue)).join('\n');
    expect(words).toContain(`статья «${SECOND.id}» уже есть в файле`);
    expect(words).toMatch(/мои\/cp1251\.md:1: .*UTF-8/);
    expect(plan.skipped).toEqual([readme.file, picture.file]);
  });
});
