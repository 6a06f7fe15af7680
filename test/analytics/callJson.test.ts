// The JSON export's object per call (issue 19): the CSV row's calls and judgement, as codes, ISO times and
// seconds a program reads; a rule broken twice is named once.
import { describe, expect, it } from 'vitest';
import { analyzeCall, callRow, complianceIssues, resultOf, type ListedCall } from '../../src/analytics';
import { callJson } from '../../src/analytics/callJson';
import { callsExport } from '../../src/i18n/ru/callsExport';
import { FLOWS, HOUR, recordedCalls, TUESDAY_1500 } from '../fixtures/analytics/calls';

const NOW = TUESDAY_1500 + HOUR;
const listed: ListedCall[] = recordedCalls().map((c) => ({
  facts: analyzeCall(c.row, c.log, FLOWS.find((f) => f.id === c.row.flowId) ?? null, c.callback),
  callerName: c.row.callerName,
  callerPhone: c.row.callerPhone,
}));
const byId = (id: string) =>
  callJson(
    listed.find((c) => c.facts.callId === id)!,
    NOW,
  );

describe('a call in the JSON export', () => {
  it('says what the CSV row says, in codes a program reads', () => {
    for (const c of listed) {
      const json = callJson(c, NOW);
      const row = callRow(c, callsExport, NOW, String);
      expect(json.callId).toBe(row[0]);
      expect(json.operator).toBe(row[2]);
      expect(json.transfers).toBe(row[12]);
      expect(json.holdsOverPromise).toBe(row[13]);
      expect(json.handleSeconds).toBe(row[8]);
      expect(json.result).toBe(resultOf(c.facts));
      expect(json.rulesBroken).toEqual([...new Set(complianceIssues(c.facts, NOW).map((i) => i.rule))]);
      expect(new Date(json.startedAt).getTime()).toBe(c.facts.startedAt);
      expect(JSON.parse(JSON.stringify(json))).toEqual(json);
    }
  });

  it('names where a transferred call went, and an overdue callback by its code', () => {
    expect(byId('c3')).toMatchObject({
      result: 'transferred',
      transferredTo: expect.any(String),
      transfers: 2,
    });
    expect(byId('c3').transferredTo).not.toBe('');
    expect(byId('c6').rulesBroken).toContain('callbackOverdue');
  });
});
