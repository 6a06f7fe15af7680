import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeProblem } from '../../src/cli/kbCheck';
import { BODY_MAX_BYTES, restoreArticle } from '../../src/kb/parse';
import { restoreKnowledgeBase } from '../../src/kb/restoreKnowledgeBase';
import { articleText } from './articleText';

describe('restoreArticle', () => {
  it('restores every front-matter field and the body of a valid article', () => {
    const text = articleText({ id: 'appeal-deadlines', organisations: ['kursk-education'], reviewEvery: 90 });
    const result = restoreArticle(text, 'knowledge-base/appeal-deadlines.md');
    expect(result).toEqual({
      ok: true,
      article: {
        id: 'appeal-deadlines',
        title: 'Сколько ждать ответа на письменное обращение',
        questions: ['Когда мне ответят на обращение?', 'Сколько рассматривают заявление'],
        short: 'Письменное обращение рассматривают до 30 дней со дня регистрации.',
        directions: ['appeals'],
        needs: ['information'],
        topics: ['appeals', 'appeal-deadlines'],
        organisations: ['kursk-education'],
        source: 'Порядок взаимодействия с клиентами, п. 3.4.4',
        reviewed: '2026-09-01',
        reviewEveryDays: 90,
        owner: 'Отдел по работе с обращениями граждан',
        body: 'Срок считают в **календарных** днях со дня регистрации.',
      },
    });
  });

  it('refuses a body over 200 KB with its size and the limit, and accepts one at the limit', () => {
    // Five megabytes of Cyrillic text (two bytes a letter), as a pasted document would be.
    const huge = restoreArticle(articleText({ id: 'huge', body: 'Я'.repeat(5 * 512 * 1024) }), 'huge.md');
    expect(huge.ok).toBe(false);
    const issue = huge.ok ? undefined : huge.issues[0];
    expect(issue).toMatchObject({ code: 'bodyTooLong', maxKilobytes: 200, field: null });
    expect(issue && describeProblem(issue)).toBe(
      'полный ответ занимает 5120 КБ, допустимо не больше 200 КБ: оставьте в статье ответ, а документ дайте ссылкой в поле source',
    );
    // Cyrillic letters are two bytes each: the limit is on bytes, as the file's size is.
    expect(
      restoreArticle(articleText({ id: 'big', body: 'Я'.repeat(BODY_MAX_BYTES / 2) }), 'big.md').ok,
    ).toBe(true);
    expect(
      restoreArticle(articleText({ id: 'big', body: 'Я'.repeat(BODY_MAX_BYTES / 2 + 1) }), 'big.md').ok,
    ).toBe(false);
  });

  it('joins a folded short answer into one spoken line', () => {
    const text = articleText({ id: 'a' }).replace(
      'short: >\n  Письменное',
      'short: >\n  Первое предложение.\n  Второе   предложение.\n  Письменное',
    );
    const result = restoreArticle(text, 'a.md');
    expect(result.ok && result.article.short).toBe(
      'Первое предложение. Второе предложение. Письменное обращение рассматривают до 30 дней со дня регистрации.',
    );
  });

  it('reports every problem of a file at once, each with its own line and field', () => {
    const text = articleText({ id: 'a', topics: ['weather'], reviewed: '2026-13-01', needs: ['advice'] });
    const result = restoreArticle(text, 'kb/a.md');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => [i.line, i.field, i.code])).toEqual([
      [10, 'needs', 'unknownNeed'],
      [11, 'topics', 'unknownTopic'],
      [14, 'reviewed', 'badDate'],
    ]);
  });

  it('names a front matter that is never closed (kept inline: a formatter would rewrite such a file)', () => {
    const text = articleText({ id: 'a' }).replace('---\n\nСрок', '\nСрок');
    const result = restoreArticle(text, 'a.md');
    expect(result).toEqual({
      ok: false,
      issues: [{ code: 'frontMatterUnclosed', file: 'a.md', line: 1, field: null }],
    });
  });

  it('accepts a leap day and rejects a day that does not exist', () => {
    expect(restoreArticle(articleText({ id: 'a', reviewed: '2028-02-29' }), 'a.md').ok).toBe(true);
    expect(restoreArticle(articleText({ id: 'a', reviewed: '2027-02-29' }), 'a.md').ok).toBe(false);
  });

  it('allows raw HTML in the body: it is kept as source and neutralised when rendered', () => {
    const result = restoreArticle(articleText({ id: 'a', body: '<script>alert(1)</script>' }), 'a.md');
    expect(result.ok).toBe(true);
  });

  it('never throws, whatever the file contains', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        const result = restoreArticle(junk, 'x.md');
        expect(result.ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), fc.integer({ min: 0, max: 15 }), (junk, at) => {
        const lines = articleText({ id: 'x' }).split('\n');
        lines.splice(at, 1, junk);
        expect(() => restoreArticle(lines.join('\n'), 'x.md')).not.toThrow();
      }),
    );
  });
});

describe('restoreKnowledgeBase', () => {
  it('rejects a second article with an id already used, naming the first file', () => {
    const result = restoreKnowledgeBase([
      { file: 'b/contacts.md', text: articleText({ id: 'contacts' }) },
      { file: 'a/contacts.md', text: articleText({ id: 'contacts' }) },
    ]);
    expect(result.articles.map((a) => a.id)).toEqual(['contacts']);
    expect(result.issues).toEqual([
      {
        code: 'duplicateId',
        value: 'contacts',
        otherFile: 'a/contacts.md',
        file: 'b/contacts.md',
        line: 2,
        field: 'id',
      },
    ]);
  });

  it('orders articles by id whatever order the files come in', () => {
    const result = restoreKnowledgeBase([
      { file: 'z.md', text: articleText({ id: 'z' }) },
      { file: 'b.md', text: articleText({ id: 'b' }) },
    ]);
    expect(result.articles.map((a) => a.id)).toEqual(['b', 'z']);
  });
});
