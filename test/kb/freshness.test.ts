import { describe, expect, it } from 'vitest';
import { articlesDueForReview, isDueForReview, reviewDueDate } from '../../src/kb/freshness';

const at = (iso: string) => Date.parse(iso);

describe('freshness', () => {
  const article = { id: 'a', reviewed: '2026-01-31', reviewEveryDays: 30 };

  it('puts the due date reviewEvery calendar days after the review, across month ends', () => {
    expect(reviewDueDate(article)).toBe('2026-03-02');
    expect(reviewDueDate({ reviewed: '2028-02-28', reviewEveryDays: 1 })).toBe('2028-02-29');
  });

  it('marks an article due from its due date on, not a moment before', () => {
    expect(isDueForReview(article, at('2026-03-01T23:59:59Z'))).toBe(false);
    expect(isDueForReview(article, at('2026-03-02T00:00:00Z'))).toBe(true);
    expect(isDueForReview(article, at('2027-01-01T12:00:00Z'))).toBe(true);
  });

  it('lists due articles the longest overdue first and leaves fresh ones out', () => {
    const list = articlesDueForReview(
      [
        { id: 'recent', reviewed: '2026-10-01', reviewEveryDays: 30 },
        { id: 'fresh', reviewed: '2026-11-20', reviewEveryDays: 180 },
        { id: 'old', reviewed: '2025-01-10', reviewEveryDays: 365 },
        { id: 'b-same', reviewed: '2026-09-01', reviewEveryDays: 60 },
        { id: 'a-same', reviewed: '2026-09-01', reviewEveryDays: 60 },
      ],
      at('2026-11-23T10:00:00Z'),
    );
    expect(list.map((d) => [d.article.id, d.dueSince])).toEqual([
      ['old', '2026-01-10'],
      ['a-same', '2026-10-31'],
      ['b-same', '2026-10-31'],
      ['recent', '2026-10-31'],
    ]);
  });
});
