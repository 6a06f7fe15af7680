import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildIndex,
  exportIndex,
  highlightRanges,
  importIndex,
  IndexFormatError,
  search,
  type IndexableArticle,
} from '../../src/kb/search';
import {
  isOneEditAway,
  lexiconSize,
  lookup,
  makeLexicon,
  oneEditNeighbours,
  wordAt,
} from '../../src/kb/search/lexicon';

const article = (
  a: Partial<IndexableArticle> & Pick<IndexableArticle, 'id' | 'title'>,
): IndexableArticle => ({
  questions: [],
  short: '',
  body: '',
  directions: ['appeals'],
  topics: ['appeals'],
  organisations: [],
  ...a,
});

const ARTICLES: IndexableArticle[] = [
  article({
    id: 'appeal-file',
    title: 'Как подать заявление в министерство',
    questions: ['Куда написать обращение?', 'Можно ли отправить заявление по почте?'],
    short: 'Заявление можно подать лично, почтой или через портал госуслуг.',
    body: 'Обращение регистрируется в течение трёх дней.',
    topics: ['appeals'],
  }),
  article({
    id: 'appeal-deadline',
    title: 'Срок рассмотрения обращения',
    questions: ['Сколько ждать ответа?'],
    short: 'Ответ дают в течение тридцати дней со дня регистрации.',
    body: 'Срок можно продлить ещё на тридцать дней, заявителя об этом уведомляют.',
    topics: ['appeal-deadlines'],
  }),
  article({
    id: 'reception',
    title: 'Личный приём граждан',
    questions: ['Как записаться на приём к министру?'],
    short: 'Запись на личный приём ведётся по телефону.',
    body: 'На приём возьмите паспорт. Заявление можно оставить на приёме.',
    directions: ['information'],
    topics: ['reception'],
  }),
  article({
    id: 'grants',
    title: 'Гранты спортивным федерациям',
    questions: ['Как получить грант на развитие спорта?'],
    short: 'Конкурс грантов объявляют весной.',
    body: 'Заявку на грант подают через портал.',
    directions: ['support-measures'],
    topics: ['sport-grants'],
    organisations: ['minsport'],
  }),
  article({
    id: 'elka',
    title: 'Новогодняя ёлка во дворце спорта',
    questions: ['Когда ёлка?'],
    short: 'Праздник проводят в декабре.',
    body: 'Билеты раздают в школах.',
    directions: ['information'],
    topics: ['sport-events'],
    organisations: ['minsport'],
  }),
];

const index = buildIndex(ARTICLES);
const ids = (query: string, options?: Parameters<typeof search>[2]): string[] =>
  search(index, query, options).hits.map((h) => h.id);

describe('search: Russian morphology', () => {
  it.each(['заявление ', 'заявления ', 'заявлением ', 'заявлений '])(
    '«%s» finds the article about filing',
    (q) => {
      expect(ids(q)[0]).toBe('appeal-file');
    },
  );

  it('folds ё to е in both the query and the text', () => {
    expect(ids('елка ')).toEqual(['elka']);
    expect(ids('ЁЛКУ ')).toEqual(['elka']);
  });

  it('ignores function words, so a question in full matches like its meaningful words', () => {
    expect(ids('как и где мне подать заявление ')[0]).toBe('appeal-file');
    expect(ids('и в на ')).toEqual([]);
  });
});

describe('search: one typo', () => {
  it.each([
    ['заявлние ', 'deletion'],
    ['заявлениее ', 'insertion'],
    ['заявлеине ', 'swapped neighbours'],
    ['заявлекие ', 'substitution'],
    ['щаявление ', 'first letter'],
  ])('«%s» (%s) still finds the article', (q) => {
    expect(ids(q)).toContain('appeal-file');
  });

  it('ranks a typo below the word spelled right', () => {
    const right = search(index, 'приём ').hits[0]?.score ?? 0;
    const typo = search(index, 'прием ').hits[0]?.score ?? 0; // ё folding: same word, same score
    const misspelt = search(index, 'приоем ').hits[0]?.score ?? 0;
    expect(typo).toBe(right);
    expect(misspelt).toBeGreaterThan(0);
    expect(misspelt).toBeLessThan(right);
  });

  it('does not guess for two typos or for short words', () => {
    expect(ids('зявлнение ')).toEqual([]);
    expect(ids('гнат ')).toEqual([]); // грант with two letters changed
  });
});

describe('search: as the operator types', () => {
  it.each(['з', 'за', 'зая', 'заяв', 'заявл'])('the partial word «%s» already finds the article', (q) => {
    expect(ids(q)).toContain('appeal-file');
  });

  it('treats the last word as finished once a space follows it', () => {
    expect(ids('гра')).toEqual(['grants', 'reception']); // гранты, граждан
    expect(ids('гра ')).toEqual([]);
  });

  it('after one or two letters counts only strong mentions; from the third letter, the body too', () => {
    // «школах» is only in the body of the New Year article.
    expect(ids('шк')).toEqual([]);
    expect(ids('шко')).toEqual(['elka']);
    // «Новогодняя» is in its title.
    expect(ids('н')).toContain('elka');
  });

  it('narrows earlier words with the partial last one', () => {
    expect(ids('срок рассм')).toEqual(['appeal-deadline']);
  });
});

describe('search: weights and coverage', () => {
  it('ranks a title or caller-question match above a body-only match', () => {
    // «заявление» is in appeal-file's title and questions, and only in reception's body.
    const r = ids('заявление ');
    expect(r.indexOf('appeal-file')).toBeLessThan(r.indexOf('reception'));
    expect(r).toContain('reception');
  });

  it('puts articles matching every word above those matching some', () => {
    expect(ids('записаться на приём к министру ')[0]).toBe('reception');
    expect(ids('срок ответа ')[0]).toBe('appeal-deadline');
  });

  it('copes with empty, punctuation-only and pasted-paragraph queries', () => {
    expect(ids('')).toEqual([]);
    expect(ids(' ?!, ')).toEqual([]);
    expect(ids('заявление '.repeat(400))[0]).toBe('appeal-file');
  });

  it('respects the limit and reports the total before it', () => {
    const r = search(index, 'заявление ', { limit: 1 });
    expect(r.hits).toHaveLength(1);
    expect(r.total).toBe(2);
  });
});

describe('search: filters', () => {
  it('by direction and by topic', () => {
    expect(ids('заявление ', { filters: { directions: ['information'] } })).toEqual(['reception']);
    expect(ids('заявление ', { filters: { topics: ['appeals'] } })).toEqual(['appeal-file']);
    expect(ids('заявление ', { filters: { topics: ['no-such-topic'] } })).toEqual([]);
  });

  it('by organisation, keeping the articles that apply to every organisation', () => {
    expect(ids('портал ', { filters: { organisation: 'minsoc' } })).toEqual(['appeal-file']);
    expect(ids('портал ', { filters: { organisation: 'minsport' } }).sort()).toEqual([
      'appeal-file',
      'grants',
    ]);
  });
});

describe('search: highlights', () => {
  it('marks every inflected form of a matched word in the title and the short answer', () => {
    const hit = search(index, 'заявлением ').hits.find((h) => h.id === 'appeal-file');
    const words = (text: string, ranges: readonly (readonly [number, number])[]) =>
      ranges.map(([s, e]) => text.slice(s, e));
    expect(words(hit?.title ?? '', hit?.titleRanges ?? [])).toEqual(['заявление']);
    expect(words(hit?.short ?? '', hit?.shortRanges ?? [])).toEqual(['Заявление']);
  });

  it('marks words that start with the typed prefix and corrected typos in any text', () => {
    const { terms } = search(index, 'заявлние прие');
    const text = 'Заявления принимают на приёме.';
    expect(highlightRanges(text, terms).map(([s, e]) => text.slice(s, e))).toEqual(['Заявления', 'приёме']);
  });
});

describe('search: cached index', () => {
  it('a loaded index answers every query exactly like the one built', () => {
    const loaded = importIndex(structuredClone(exportIndex(index)));
    for (const q of ['заявление ', 'заявлние', 'з', 'срок рассм', 'ёлка ', 'грант']) {
      for (const filters of [undefined, { organisation: 'minsport' }, { directions: ['information'] }]) {
        expect(search(loaded, q, { filters })).toEqual(search(index, q, { filters }));
      }
    }
  });

  it('loads from an ArrayBuffer as read back from a Blob', () => {
    const bytes = exportIndex(index);
    const loaded = importIndex(bytes.slice().buffer);
    expect(search(loaded, 'грант').hits.map((h) => h.id)).toEqual(['grants']);
  });

  it('rejects anything that is not a whole index of this version, without crashing', () => {
    const bytes = exportIndex(index);
    expect(() => importIndex(undefined)).toThrow(IndexFormatError);
    expect(() => importIndex({ format: 'old' })).toThrow(IndexFormatError);
    expect(() => importIndex(bytes.slice(0, bytes.length - 40))).toThrow(IndexFormatError);
    const otherVersion = bytes.slice();
    otherVersion[4] = 99;
    expect(() => importIndex(otherVersion)).toThrow(IndexFormatError);
  });

  it('never crashes on random corruption: it throws IndexFormatError or searches', () => {
    const bytes = exportIndex(index);
    fc.assert(
      fc.property(
        fc.integer({ min: 12, max: bytes.length - 1 }),
        fc.integer({ min: 0, max: 255 }),
        (at, value) => {
          const damaged = bytes.slice();
          damaged[at] = value;
          try {
            const loaded = importIndex(damaged);
            search(loaded, 'заявление');
          } catch (e) {
            expect(e).toBeInstanceOf(IndexFormatError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses postings offsets that go back, which would send a search through millions of missing entries', () => {
    const bytes = exportIndex(index);
    const view = new DataView(bytes.buffer);
    // Section 12 holds where each stem's postings start (see serialize.ts): find it by the lengths before.
    let at = 12;
    for (let i = 0; i < 12; i++) at += 4 + ((view.getUint32(at, true) + 3) & ~3);
    const entries = view.getUint32(at, true) / 4;
    expect(entries).toBeGreaterThan(2);
    const damaged = bytes.slice();
    // A middle offset pushed far beyond the postings (a fast-check seed found this one taking minutes).
    new DataView(damaged.buffer).setUint32(at + 4 + 4 * Math.floor(entries / 2), 0x40_00_00_00, true);
    expect(() => importIndex(damaged)).toThrow(IndexFormatError);
  });

  it('handles an empty knowledge base', () => {
    const empty = importIndex(exportIndex(buildIndex([])));
    expect(search(empty, 'заявление').hits).toEqual([]);
  });
});

describe('lexicon', () => {
  it('finds exactly the words one edit away, as a brute-force check would', () => {
    const words = ['заявлен', 'заявк', 'заяв', 'явлен', 'заявленн', 'азявлен', 'заявлен', 'приём', 'прием'];
    const lex = makeLexicon(words);
    fc.assert(
      fc.property(fc.constantFrom(...words, 'заявлне', 'зявлен', 'заявлено', 'xзаявлен'), (q) => {
        const fast = oneEditNeighbours(lex, q)
          .map((i) => wordAt(lex, i))
          .sort();
        const all = Array.from({ length: lexiconSize(lex) }, (_, i) => wordAt(lex, i));
        const slow = all.filter((w) => isOneEditAway(q, w)).sort();
        expect(fast).toEqual(slow);
      }),
    );
  });

  it('finds exactly the words one edit away in any vocabulary, doubled letters and short words included', () => {
    // Three letters make doubled letters, shared deletions and near-misses two edits away common.
    const word = fc.string({ unit: fc.constantFrom('а', 'б', 'в'), maxLength: 7 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, (words, q) => {
        const lex = makeLexicon(words);
        const fast = oneEditNeighbours(lex, q)
          .map((i) => wordAt(lex, i))
          .sort();
        const slow = [...new Set(words)].filter((w) => isOneEditAway(q, w)).sort();
        expect(fast).toEqual(slow);
      }),
    );
  });

  it('looks up exactly the words it holds', () => {
    const word = fc.string({ unit: fc.constantFrom('а', 'б', 'в'), maxLength: 5 });
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, (words, q) => {
        const lex = makeLexicon(words);
        const id = lookup(lex, q);
        if (words.includes(q)) expect(wordAt(lex, id)).toBe(q);
        else expect(id).toBe(-1);
      }),
    );
  });

  it('isOneEditAway covers the four kinds of typo and nothing further', () => {
    expect(isOneEditAway('абвг', 'абг')).toBe(true);
    expect(isOneEditAway('абвг', 'абвгд')).toBe(true);
    expect(isOneEditAway('абвг', 'абxг')).toBe(true);
    expect(isOneEditAway('абвг', 'бавг')).toBe(true);
    expect(isOneEditAway('абвг', 'абвг')).toBe(false);
    expect(isOneEditAway('абвг', 'бага')).toBe(false);
    expect(isOneEditAway('абвг', 'аб')).toBe(false);
  });
});
