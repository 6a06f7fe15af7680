import { describe, expect, it } from 'vitest';
import { mergeCalls } from '../../src/supervisor/supervisedCallsClient';
import type { SupervisedCall } from '../../src/db/supervisor';
import { recordedCalls } from '../fixtures/analytics/calls';
import { analyzeCall } from '../../src/analytics';

const calls: SupervisedCall[] = recordedCalls()
  .map((c) => ({ row: c.row, facts: analyzeCall(c.row, c.log, null, c.callback) }))
  .sort((a, b) => b.row.startedAt - a.row.startedAt);
const ids = (list: readonly SupervisedCall[]) => list.map((c) => c.row.id);

describe('the calls a page holds, updated from the worker', () => {
  it('a changed call takes its place, a gone one leaves, the rest stay as they were', () => {
    const [a, b, c] = calls;
    if (!a || !b || !c) throw new Error('fixture too small');
    const changedB = { ...b, row: { ...b.row, topic: 'другая' } };
    const merged = mergeCalls(calls, [changedB], [c.row.id]);
    expect(ids(merged)).toEqual(ids(calls).filter((id) => id !== c.row.id));
    expect(merged.find((x) => x.row.id === b.row.id)).toBe(changedB);
    expect(merged[0]).toBe(a);
  });

  it('a new call lands in start order, newest first', () => {
    const [, middle] = calls;
    if (!middle) throw new Error('fixture too small');
    const fresh = { ...middle, row: { ...middle.row, id: 'new', startedAt: middle.row.startedAt + 1 } };
    const merged = mergeCalls(calls, [fresh], []);
    expect(merged).toHaveLength(calls.length + 1);
    expect(ids(merged).indexOf('new')).toBe(1);
    const starts = merged.map((c) => c.row.startedAt);
    expect(starts).toEqual([...starts].sort((x, y) => y - x));
  });
});
