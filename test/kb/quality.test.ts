// Search quality on the real knowledge base: every labelled caller query (in callers' own words, with
// inflections and typos) must bring one of its expected articles into the top 3, for at least 90%.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KB_DIR, loadKnowledgeBase } from '../../src/cli/kbCheck';
import { buildIndex, search } from '../../src/kb/search';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/kb');
const TOP = 3;
const MIN_SHARE = 0.9;
const MIN_QUERIES = 80;

interface Labelled {
  query: string;
  expected: string[];
  file: string;
}

function loadQueries(): Labelled[] {
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
          q.expected.every((e) => typeof e === 'string');
        if (!ok) throw new Error(`${file}[${i}]: expected {query: string, expected: string[]}`);
        // Narrowed by the checks above.
        const { query, expected } = q as { query: string; expected: string[] };
        return { query, expected, file };
      });
    });
}

describe('search quality on the knowledge base', () => {
  const { articles } = loadKnowledgeBase(KB_DIR);
  const queries = loadQueries();
  const index = buildIndex(articles);
  const known = new Set(articles.map((a) => a.id));

  it(`has at least ${MIN_QUERIES} labelled queries, each naming existing articles`, () => {
    expect(queries.length).toBeGreaterThanOrEqual(MIN_QUERIES);
    const dangling = queries.flatMap((q) =>
      q.expected.filter((id) => !known.has(id)).map((id) => `${q.file}: ${id}`),
    );
    expect(dangling).toEqual([]);
  });

  it(`puts an expected article in the top ${TOP} for at least ${MIN_SHARE * 100}% of queries, as typed`, () => {
    const misses: string[] = [];
    for (const q of queries) {
      // As the operator types: no trailing space, so the last word also counts as a prefix.
      const top = search(index, q.query, { limit: TOP }).hits.map((h) => h.id);
      if (!q.expected.some((id) => top.includes(id))) {
        misses.push(`«${q.query}» → [${top.join(', ')}], expected one of [${q.expected.join(', ')}]`);
      }
    }
    const share = 1 - misses.length / Math.max(1, queries.length);
    console.warn(
      `search quality: ${queries.length - misses.length}/${queries.length} in top ${TOP} (${(share * 100).toFixed(1)}%)` +
        (misses.length > 0 ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(share).toBeGreaterThanOrEqual(MIN_SHARE);
  });
});
