// A one-typo query (issue 15): a word one edit from several indexed words is read as the commonest of
// them, so an article holding only a rare neighbour never outranks the articles about the word meant.
import { describe, expect, it } from 'vitest';
import { KB_DIR, loadKnowledgeBase } from '../../src/cli/kbCheck';
import { stem, tokenize } from '../../src/kb/normalize';
import { buildIndex, search, type IndexableArticle } from '../../src/kb/search';

const article = (id: string, title: string, body = ''): IndexableArticle => ({
  id,
  title,
  questions: [],
  short: '',
  body,
  directions: ['appeals'],
  topics: ['appeals'],
  organisations: [],
});

/** Every word one insertion, deletion, substitution or swap of adjacent letters from `word`. */
function oneTypo(word: string): string[] {
  const letters = 'абвгдежзийклмнопрстуфхцчшщъыьэюя';
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    for (const c of letters) out.add(word.slice(0, i) + c + word.slice(i));
    if (i < word.length) {
      out.add(word.slice(0, i) + word.slice(i + 1));
      for (const c of letters) out.add(word.slice(0, i) + c + word.slice(i + 1));
    }
    if (i + 1 < word.length)
      out.add(word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2));
  }
  out.delete(word);
  return [...out];
}

describe('one-typo ranking', () => {
  it('reads a typo one edit from a common and a rare word as the common one', () => {
    const index = buildIndex([
      // «Сокращение» once, in a title (the strongest field, and a rare word: a high idf).
      article('staff-cuts', 'Сокращение штата'),
      ...['a', 'b', 'c', 'd', 'e'].map((k) =>
        article(`appeal-${k}`, `Порядок ${k}`, 'Обращение регистрируют в течение трёх дней.'),
      ),
    ]);
    // «окращение»: одна правка от «обращение» (б → к) и от «сокращение» (пропущена «с»).
    const hits = search(index, 'окращение ').hits.map((h) => h.id);
    expect(hits.slice(0, 5).every((id) => id.startsWith('appeal-'))).toBe(true);
    expect(hits).toContain('staff-cuts');
  });

  it('on the real knowledge base, every one-letter typo of «обращение» in a short question ranks an article about appeals first', () => {
    const { articles } = loadKnowledgeBase(KB_DIR);
    const index = buildIndex(articles);
    const holds = new Map(
      articles.map((a) => [
        a.id,
        new Set(tokenize([a.title, ...a.questions, a.short, a.body].join(' ')).map((t) => stem(t.word))),
      ]),
    );
    const wrong: string[] = [];
    for (const frame of ['где моё X', 'X', 'как подать X', 'статус X', 'нет ответа на X']) {
      for (const typo of oneTypo('обращение')) {
        const query = frame.replace('X', typo);
        // Both as typed (the last word a prefix) and finished with a space.
        for (const typed of [query, `${query} `]) {
          const top = search(index, typed, { limit: 1 }).hits[0];
          if (top && !holds.get(top.id)?.has(stem('обращение'))) wrong.push(`«${typed}» → ${top.id}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('words of the same root', () => {
  const { articles } = loadKnowledgeBase(KB_DIR);
  const index = buildIndex(articles);
  const top3 = (query: string) => search(index, query, { limit: 3 }).hits.map((h) => h.id);

  it('finds the noun article for a caller’s verb or adjective, as typed and finished', () => {
    for (const typed of ['где припарковаться', 'где припарковаться '])
      expect(top3(typed)).toContain('sv-parking');
    for (const typed of ['доступен ли вход', 'доступен ли вход '])
      expect(top3(typed)).toContain('sv-accessibility-building');
    expect(top3('как аккредитовать федерацию ')).toContain('mu-federation-accreditation');
  });

  it('keeps a word the articles have to itself: longer words it begins are not its relatives', () => {
    const small = buildIndex([
      article('responsibility', 'Ответственность сотрудников'),
      ...['a', 'b'].map((k) => article(`answer-${k}`, `Порядок ${k}`, 'Ответ на обращение дают за месяц.')),
    ]);
    for (const typed of ['когда ответят ', 'когда ответят на обращение'])
      expect(search(small, typed).hits.map((h) => h.id)).not.toContain('responsibility');
    // The labelled caller question that «ответственность» pushed out of the top 3.
    expect(top3('когда ответят на моё обращене')).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(mu-appeal-status|gen-appeal-deadline)$/)]),
    );
  });
});
