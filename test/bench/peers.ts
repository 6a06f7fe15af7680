// The two strongest off-the-shelf set-ups, configured as the issue measured them, behind one interface.
import MiniSearch from 'minisearch';
import { Index as FlexIndex } from 'flexsearch';
import { STOP_WORDS, normalizeWord, stem, tokenize } from '../../src/kb/normalize';
import type { IndexableArticle } from '../../src/kb/search';

export interface Engine {
  /** Ids of the top results, best first. */
  search(query: string, limit: number): string[];
}

const processTerm = (term: string): string | null => {
  const w = normalizeWord(term);
  return STOP_WORDS.has(w) ? null : stem(w);
};

/** MiniSearch with the Russian stemmer, prefix and fuzzy matching, the same field boosts as ours. */
export function buildMiniSearch(articles: readonly IndexableArticle[]): Engine {
  const ms = new MiniSearch<IndexableArticle>({
    fields: ['title', 'questions', 'short', 'body'],
    extractField: (doc, field) => {
      const v = doc[field as keyof IndexableArticle];
      return Array.isArray(v) ? v.join(' ') : String(v);
    },
    processTerm,
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 4, questions: 3, short: 2 } },
  });
  ms.addAll(articles);
  return {
    search: (q, limit) =>
      ms
        .search(q)
        .slice(0, limit)
        .map((r) => String(r.id)),
  };
}

/** FlexSearch with the same stemmer and nothing else (forward tokenizer, so prefixes as typed work). */
export function buildFlexSearch(articles: readonly IndexableArticle[]): Engine {
  const encode = (text: string): string[] =>
    tokenize(text)
      .filter((t) => !STOP_WORDS.has(t.word))
      .map((t) => stem(t.word));
  const fx = new FlexIndex({ tokenize: 'forward', encode });
  articles.forEach((a, i) => fx.add(i, [a.title, ...a.questions, a.short, a.body].join('\n')));
  return {
    search: (q, limit) => fx.search(q, { limit }).map((i) => articles[Number(i)]?.id ?? ''),
  };
}
