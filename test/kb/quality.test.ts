// Search quality on the real knowledge base: every labelled caller query (in callers' own words, with
// inflections and typos) must bring one of its expected articles into the top 3, for at least 90%.
import { describe, expect, it } from 'vitest';
import { QUERY_KINDS, TOP, isFound, loadLabelledQueries, realKbIndex, top3 } from './labelledQueries';

const MIN_SHARE = 0.9;
const MIN_QUERIES = 80;

describe('search quality on the knowledge base', () => {
  const queries = loadLabelledQueries();
  const { index, ids: known } = realKbIndex();

  it(`has at least ${MIN_QUERIES} labelled queries, each naming existing articles`, () => {
    expect(queries.length).toBeGreaterThanOrEqual(MIN_QUERIES);
    const dangling = queries.flatMap((q) =>
      q.expected.filter((id) => !known.has(id)).map((id) => `${q.file}: ${id}`),
    );
    expect(dangling).toEqual([]);
  });

  it('has at least 40 caller queries of the kinds issue 15 asks the bench to report apart', () => {
    expect(queries.filter((q) => q.kind !== null).length).toBeGreaterThanOrEqual(40);
    for (const kind of QUERY_KINDS) expect(queries.some((q) => q.kind === kind)).toBe(true);
  });

  it(`puts an expected article in the top ${TOP} for at least ${MIN_SHARE * 100}% of queries, as typed`, () => {
    const misses = queries
      .filter((q) => !isFound(index, q))
      .map(
        (q) => `«${q.query}» → [${top3(index, q).join(', ')}], expected one of [${q.expected.join(', ')}]`,
      );
    const share = 1 - misses.length / Math.max(1, queries.length);
    console.warn(
      `search quality: ${queries.length - misses.length}/${queries.length} in top ${TOP} (${(share * 100).toFixed(1)}%)` +
        (misses.length > 0 ? `\nmisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(share).toBeGreaterThanOrEqual(MIN_SHARE);
  });
});
