import { describe, expect, it } from 'vitest';
import { KB_DIR, loadKnowledgeBase } from '../../src/cli/kbCheck';
import { parseKbSearchArgs, runKbSearch } from '../../src/cli/kbSearch';

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runKbSearch(
    argv,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

describe('kb:search', () => {
  it('prints the top articles as JSON with id, title, short answer, score and the matched words', () => {
    const { code, out } = run(['записаться', 'на', 'личный', 'приём', '--limit', '3']);
    expect(code).toBe(0);
    const report = JSON.parse(out) as {
      total: number;
      results: { id: string; title: string; short: string; score: number; matched: string[] }[];
    };
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.length).toBeLessThanOrEqual(3);
    const first = report.results[0];
    expect(first?.title).toMatch(/при[её]м/i);
    expect(first?.short.length).toBeGreaterThan(0);
    expect(first?.score).toBeGreaterThan(0);
    expect(first?.matched.length).toBeGreaterThan(0);
    expect(report.results.map((r) => r.score)).toEqual(
      [...report.results.map((r) => r.score)].sort((a, b) => b - a),
    );
  });

  it('applies the filters', () => {
    const { out } = run(['обращение', '--direction', 'internal']);
    const ids = (JSON.parse(out) as { results: { id: string }[] }).results.map((r) => r.id);
    expect(ids.length).toBeGreaterThan(0);
    const directions = new Map(loadKnowledgeBase(KB_DIR).articles.map((a) => [a.id, a.directions]));
    expect(ids.filter((id) => !directions.get(id)?.includes('internal'))).toEqual([]);
  });

  it('explains bad input in Russian instead of crashing', () => {
    expect(run([]).code).toBe(2);
    expect(run([]).err).toMatch(/Укажите запрос/);
    expect(run(['срок', '--limit', 'много']).err).toMatch(/--limit/);
    expect(run(['срок', '--wat', 'x']).err).toMatch(/Неизвестный параметр/);
    expect(run(['срок', '--dir', 'no-such-folder']).code).toBe(1);
  });

  it('searches the query as finished words', () => {
    const args = parseKbSearchArgs(['срок', 'ответа']);
    expect(args).toMatchObject({ query: 'срок ответа ', limit: 10, filters: {} });
  });
});
