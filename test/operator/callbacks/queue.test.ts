import { describe, expect, it } from 'vitest';
import { dueStatus, newlyDue, nextTryAt } from '../../../src/operator/callbacks/queue';
import type { CallbackRow } from '../../../src/db';
import { ORG, TUESDAY_1030 } from '../../calls/helpers';

const MIN = 60_000;

describe('callbacks queue rules', () => {
  it('marks a task overdue at its due time and due soon within fifteen minutes', () => {
    expect(dueStatus({ dueAt: TUESDAY_1030 }, TUESDAY_1030)).toBe('overdue');
    expect(dueStatus({ dueAt: TUESDAY_1030 + 15 * MIN }, TUESDAY_1030)).toBe('dueSoon');
    expect(dueStatus({ dueAt: TUESDAY_1030 + 16 * MIN }, TUESDAY_1030)).toBe('later');
  });

  it('retries a busy line sooner than an unanswered one, in working time', () => {
    expect(nextTryAt(TUESDAY_1030, 'busy', ORG)).toBe(TUESDAY_1030 + 15 * MIN);
    expect(nextTryAt(TUESDAY_1030, 'noAnswer', ORG)).toBe(TUESDAY_1030 + 60 * MIN);
    // At night the retry lands in the next morning's working hours, never in the dark.
    const night = TUESDAY_1030 + 12 * 60 * MIN;
    const retry = nextTryAt(night, 'busy', ORG);
    expect(retry).toBeGreaterThan(night);
    expect(retry - night).toBeLessThan(24 * 60 * MIN);
    expect(new Date(retry).getUTCHours()).toBeGreaterThanOrEqual(3); // 08:00+ in Yekaterinburg
  });

  it('announces each task once per due time, a rescheduled one again', () => {
    const task = { id: 'a', dueAt: TUESDAY_1030 } as Pick<CallbackRow, 'id' | 'dueAt'>;
    const seen = new Set<string>();
    // Only id and dueAt are read; the rest of the row does not matter here.
    const rows = [task] as CallbackRow[];
    expect(newlyDue(rows, TUESDAY_1030, seen)).toHaveLength(1);
    expect(newlyDue(rows, TUESDAY_1030 + MIN, seen)).toHaveLength(0);
    expect(
      newlyDue([{ ...task, dueAt: TUESDAY_1030 + 30 * MIN }] as CallbackRow[], TUESDAY_1030 + 31 * MIN, seen),
    ).toHaveLength(1);
  });
});
