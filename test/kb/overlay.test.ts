import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/kb/article';
import type { BundledArticle } from '../../src/kb/bundle';
import { articleHash, baseOf, overlayBundle, recordedStatus, type ArticleEdit } from '../../src/kb/overlay';

function article(id: string, short: string): Article {
  return {
    id,
    title: `Статья ${id}`,
    questions: ['Как записаться?'],
    short,
    directions: ['information'],
    needs: ['information'],
    topics: [],
    organisations: [],
    source: 'п. 1',
    reviewed: '2026-09-01',
    reviewEveryDays: 180,
    owner: 'Отдел',
    body: `Текст: ${short}`,
  };
}
const bundled = (a: Article): BundledArticle => ({ ...a, html: `<p>${a.body}</p>` });
const edit = (a: Article, basedOn?: ArticleEdit['basedOn']): ArticleEdit => ({
  article: a,
  html: `<p>${a.body}</p>`,
  basedOn,
});

const reception = article('reception', 'Запись по телефону приёмной.');
const schedule = article('schedule', 'Работаем с 9 до 18.');
const v1 = { version: 'v1', articles: [bundled(reception), bundled(schedule)] };
const edited = { ...reception, short: 'Запись в приёмной в Верхотурье.', body: 'Приёмная в Верхотурье.' };

describe('article digest', () => {
  it('is equal for equal content however the object was built, and ignores the rendered HTML', () => {
    const reordered = Object.fromEntries(Object.entries(reception).reverse()) as unknown as Article; // same keys, other order
    expect(articleHash(reordered)).toBe(articleHash(reception));
    expect(articleHash(bundled(reception))).toBe(articleHash(reception));
  });

  it('changes when any field the editor can change changes', () => {
    const changes: Partial<Article>[] = [
      { title: 'Другое' },
      { short: 'Другое' },
      { body: 'Другое' },
      { reviewed: '2026-10-01' },
      { reviewEveryDays: 90 },
      { questions: ['Другой вопрос'] },
      { topics: ['appeals'] },
    ];
    for (const change of changes)
      expect(articleHash({ ...reception, ...change })).not.toBe(articleHash(reception));
  });
});

describe('laying editors’ changes over a new bundle', () => {
  it('an edit of an article the new bundle left alone replaces it, unflagged', () => {
    const v2 = { version: 'v2', articles: [bundled(reception), bundled(article('schedule', 'С 8 до 17.'))] };
    const result = overlayBundle(v2, [edit(edited, baseOf('v1', reception))]);
    expect(result.articles.map((a) => a.short)).toEqual(['Запись в приёмной в Верхотурье.', 'С 8 до 17.']);
    expect(result.articles[0]?.html).toContain('Верхотурье');
    expect(result.absorbed).toEqual([]);
    expect(result.kept).toHaveLength(1);
    expect(result.kept[0]?.official).toEqual({ version: 'v2', article: reception });
    expect(recordedStatus(result.kept[0] as ArticleEdit)).toBe('current');
  });

  it('an edit of an article the new bundle changed stays in force and asks the editor to reconcile', () => {
    const newer = article('reception', 'Запись на сайте или по телефону.');
    const result = overlayBundle({ version: 'v2', articles: [bundled(newer)] }, [
      edit(edited, baseOf('v1', reception)),
    ]);
    expect(result.articles.map((a) => a.short)).toEqual([edited.short]);
    expect(result.kept[0]?.official?.article).toEqual(newer);
    expect(recordedStatus(result.kept[0] as ArticleEdit)).toBe('officialChanged');
  });

  it('an edit of an article the new bundle dropped is kept and flagged as removed', () => {
    const result = overlayBundle({ version: 'v2', articles: [bundled(schedule)] }, [
      edit(edited, baseOf('v1', reception)),
    ]);
    expect(result.articles.map((a) => a.id)).toEqual(['schedule', 'reception']);
    expect(recordedStatus(result.kept[0] as ArticleEdit)).toBe('officialRemoved');
  });

  it('an article the editor created is added; if the bundle brings its own under that id, it is flagged', () => {
    const created = article('parking', 'Три места у входа.');
    const alone = overlayBundle(v1, [edit(created, baseOf('v1', null))]);
    expect(alone.articles.map((a) => a.id)).toEqual(['reception', 'schedule', 'parking']);
    expect(recordedStatus(alone.kept[0] as ArticleEdit)).toBe('current');

    const clash = overlayBundle({ version: 'v2', articles: [bundled(article('parking', 'Парковки нет.'))] }, [
      edit(created, baseOf('v1', null)),
    ]);
    expect(clash.articles.map((a) => a.short)).toEqual(['Три места у входа.']);
    expect(recordedStatus(clash.kept[0] as ArticleEdit)).toBe('officialChanged');
  });

  it('an edit the new bundle ships word for word is absorbed: the official article stands, the edit goes', () => {
    const result = overlayBundle({ version: 'v2', articles: [bundled(edited), bundled(schedule)] }, [
      edit(edited, baseOf('v1', reception)),
    ]);
    expect(result.absorbed).toEqual(['reception']);
    expect(result.kept).toEqual([]);
    expect(result.articles.map((a) => a.short)).toEqual([edited.short, schedule.short]);
  });

  it('an edit saved before bases were recorded is kept and flagged whenever the official text differs', () => {
    const result = overlayBundle(v1, [edit(edited)]);
    expect(result.articles[0]?.short).toBe(edited.short);
    expect(recordedStatus(result.kept[0] as ArticleEdit)).toBe('officialChanged');
  });

  it('never loses an edit nor an official article, whatever the bundle and the edits', () => {
    const ids = fc.constantFrom('a', 'b', 'c', 'd');
    const text = fc.constantFrom('один', 'два', 'три');
    const officials = fc.uniqueArray(fc.record({ id: ids, short: text }), { selector: (x) => x.id });
    const edits = fc.uniqueArray(fc.record({ id: ids, short: text, base: fc.option(text, { nil: null }) }), {
      selector: (x) => x.id,
    });
    fc.assert(
      fc.property(officials, edits, (off, eds) => {
        const bundle = { version: 'v2', articles: off.map((o) => bundled(article(o.id, o.short))) };
        const changes = eds.map((e) =>
          edit(article(e.id, e.short), baseOf('v1', e.base === null ? null : article(e.id, e.base))),
        );
        const { articles, kept, absorbed } = overlayBundle(bundle, changes);
        const byId = new Map(articles.map((a) => [a.id, a.short]));
        // Every id of either side appears once; an edit's text wins unless the bundle already has it.
        expect(articles).toHaveLength(new Set([...off.map((o) => o.id), ...eds.map((e) => e.id)]).size);
        for (const e of eds) expect(byId.get(e.id)).toBe(e.short);
        for (const o of off) if (!eds.some((e) => e.id === o.id)) expect(byId.get(o.id)).toBe(o.short);
        expect(kept.length + absorbed.length).toBe(eds.length);
      }),
    );
  });
});
