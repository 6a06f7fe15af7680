import { describe, expect, it } from 'vitest';
import { analyzeCall, filterCalls, sortCalls, type ListedCall } from '../../src/analytics';
import { BORIS, FLOWS, HOUR, recordedCalls, TUESDAY_1500 } from '../fixtures/analytics/calls';

const NOW = TUESDAY_1500 + HOUR;
const listed: ListedCall[] = recordedCalls().map((c) => ({
  facts: analyzeCall(c.row, c.log, FLOWS.find((f) => f.id === c.row.flowId) ?? null, c.callback),
  callerName: c.row.callerName,
  callerPhone: c.row.callerPhone,
}));
const ids = (l: ListedCall[]) => l.map((c) => c.facts.callId);

describe('calls list filters', () => {
  it('by operator, flow version, outcome, topic and compliance rule', () => {
    expect(ids(filterCalls(listed, { operator: BORIS }, NOW))).toEqual(['c3', 'c4', 'c5']);
    expect(ids(filterCalls(listed, { flow: 'loose@1' }, NOW))).toEqual(['c5']);
    expect(ids(filterCalls(listed, { flow: 'tiny@2' }, NOW))).toEqual([]);
    // A call put through to a colleague has an outcome: it is not listed with the dropped ones.
    expect(ids(filterCalls(listed, { outcome: 'transferred' }, NOW))).toEqual(['c3']);
    expect(ids(filterCalls(listed, { outcome: 'none' }, NOW))).toEqual([]);
    expect(ids(filterCalls(listed, { topic: 'пособия' }, NOW))).toEqual(['c2', 'c3']);
    expect(ids(filterCalls(listed, { rule: 'callbackOverdue' }, NOW))).toEqual(['c6']);
  });

  it('searches by any part of the phone however it is typed, or by name', () => {
    expect(ids(filterCalls(listed, { search: '912 345' }, NOW))).toEqual(['c2']);
    expect(ids(filterCalls(listed, { search: 'петров' }, NOW))).toEqual(['c6']);
  });

  it('sorts by handle time and by the number of issues', () => {
    expect(ids(sortCalls(listed, 'handleMs', true, NOW)).slice(0, 2)).toEqual(['c2', 'c1']);
    expect(ids(sortCalls(listed, 'issues', true, NOW)).slice(0, 2)).toEqual(['c5', 'c2']);
  });
});
