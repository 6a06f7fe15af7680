// The labelled caller queries (test/fixtures/kb/queries-*.json) and their top-3 share on the real
// knowledge base: measured by test/kb/quality.test.ts, reported per kind by the bench (kb-search suite).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { KB_DIR, loadKnowledgeBase } from '../../src/cli/kbCheck';
import { buildIndex, search, type SearchIndex } from '../../src/kb/search';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/kb');
export const TOP = 3;

/**
 * The kinds issue 15 asked to report apart: a word one edit from the article's word, and a caller's
 * verb or adjective where the article has a noun of the same root. Other queries have no kind.
 */
export const QUERY_KINDS = ['one-typo', 'same-root'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export interface Labelled {
  query: string;
  expected: string[];
  kind: QueryKind | null;
  file: string;
}

const isKind = (k: unknown): k is QueryKind => QUERY_KINDS.some((x) => x === k);

export function loadLabelledQueries(): Labelled[] {
  return readdirSync(FIXTURES)
    .filter((f) => /^queries-.*\.json$/.test(f))
    .sort()
    .flatMap((file) => {
      const raw: unknown = JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8'));
      if (!Array.isArray(raw)) throw new Error(`${file}: expected an array of {query, expected}`);
      return raw.map((q: unknown, i): Labelled => {
        const ok =
          typeof q === 'object' &&
          q !== null &&
          'query' in q &&
          typeof q.query === 'string' &&
          'expected' in q &&
          Array.isArray(q.expected) &&
          q.expected.length > 0 &&
          q.expected.every((e) => typeof e === 'string') &&
          (!('kind' in q) || isKind(q.kind));
        if (!ok)
          throw new Error(
            `${file}[${i}]: expected {query: string, expected: string[], kind?: ${QUERY_KINDS.join(' | ')}}`,
          );
        // Narrowed by the checks above.
        const { query, expected, kind } = q as { query: string; expected: string[]; kind?: QueryKind };
        return { query, expected, kind: kind ?? null, file };
      });
    });
}

/** The top 3 ids for a labelled query as the operator types it (no trailing space: the last word is also a prefix). */
export const top3 = (index: SearchIndex, q: Labelled): string[] =>
  search(index, q.query, { limit: TOP }).hits.map((h) => h.id);

export const isFound = (index: SearchIndex, q: Labelled): boolean => {
  const top = top3(index, q);
  return q.expected.some((id) => top.includes(id));
};

/** The real knowledge base's index, as the labelled queries are measured on it. */
export function realKbIndex(): { index: SearchIndex; ids: Set<string> } {
  const { articles } = loadKnowledgeBase(KB_DIR);
  return { index: buildIndex(articles), ids: new Set(articles.map((a) => a.id)) };
}
