// Figures over the fixed records of test/fixtures/analytics/calls.ts. Every expected number below was
// worked out by hand from the scripts there (seconds noted beside each call).
import { describe, expect, it } from 'vitest';
import {
  analyzeCall,
  buildDashboard,
  complianceIssues,
  hasComplianceIssue,
  resultOf,
  transferredTo,
  type CallFacts,
} from '../../src/analytics';
import { ERASED } from '../../src/analytics/erasure';
import { TUESDAY_1030 } from '../calls/helpers';
import { ANNA, BORIS, FLOWS, HOUR, MIN, recordedCalls, SEC, TUESDAY_1500 } from '../fixtures/analytics/calls';

const calls = recordedCalls();
const facts: CallFacts[] = calls.map((c) =>
  analyzeCall(
    c.row,
    c.log,
    FLOWS.find((f) => f.id === c.row.flowId && f.version === c.row.flowVersion) ?? null,
    c.callback,
  ),
);
const byId = (id: string) => facts.find((f) => f.callId === id)!; // ids come from the fixture
const NOW = TUESDAY_1500 + HOUR;
const TUESDAY = { from: TUESDAY_1030 - 10 * HOUR, to: TUESDAY_1030 + 12 * HOUR };
const articles = new Map([
  ['a1', { reviewed: '2026-01-01', reviewEveryDays: 365 }],
  ['a2', { reviewed: '2025-06-01', reviewEveryDays: 180 }],
]);
const dash = buildDashboard(facts, { now: NOW, ...TUESDAY, articles });

describe('one call reduced to figures', () => {
  it('splits the handle time of a clean call over its stages', () => {
    const c1 = byId('c1');
    expect(c1.handleMs).toBe(150 * SEC);
    expect(c1.afterCallMs).toBe(40 * SEC);
    expect(c1.stageMs).toEqual({
      greeting: 10 * SEC,
      identification: 25 * SEC,
      needs: 30 * SEC,
      understanding: 15 * SEC,
      resolution: 60 * SEC,
      farewell: 10 * SEC,
    });
    expect(c1.adherence).toEqual({ greeting: true, identified: true, rephrased: true, farewell: true });
  });

  it('measures a hold against its promise and counts hold time apart from the stage', () => {
    const c2 = byId('c2');
    expect(c2.holds).toHaveLength(1);
    expect(c2.holds[0]).toMatchObject({ promisedMinutes: 2, overtimeMs: 30 * SEC });
    expect(c2.stageMs.hold).toBe(150 * SEC);
    expect(c2.stageMs.resolution).toBe(50 * SEC);
    expect(c2.callback).toEqual({ deadline: TUESDAY_1500, doneAt: TUESDAY_1500 + 10 * MIN });
  });

  it('keeps failed and connected transfers with their targets, and the refused third attempt', () => {
    const c3 = byId('c3');
    expect(c3.transfers.map((t) => [t.targetId, t.status, t.summary])).toEqual([
      ['reception', 'failed', 'Пособие'],
      ['civil-service-legal', 'connected', 'Пособие, срочно'],
    ]);
    expect(c3.endReason).toBe('transferred');
    expect(resultOf(c3)).toBe('transferred');
    expect(transferredTo(c3)?.targetName).toBe(
      'Отдел государственной службы, правового и документационного обеспечения',
    );
    expect(c3.adherence.farewell).toBeNull();
    expect(byId('c4').refusedTransfers).toEqual([TUESDAY_1030 + 3 * HOUR + 40 * SEC]);
    expect(byId('c4').endReason).toBe('farewell');
  });

  it('tells a call that skipped the name and the farewell', () => {
    expect(byId('c5').adherence).toEqual({
      greeting: true,
      identified: false,
      rephrased: true,
      farewell: false,
    });
    expect(byId('c5').endReason).toBe('brokenOff');
  });

  it('tells a record the retention period erased from one whose caller never gave a name', () => {
    expect(byId('c5').erased).toBe(false);
    expect(byId('c1').erased).toBe(false);
    const c1 = calls[0]!;
    // What the retention purge leaves: stand-ins of the same kind in place of the caller's words.
    const erasedLog = c1.log.map((r) =>
      r.event.type === 'operator.capture'
        ? {
            ...r,
            event: { ...r.event, value: ERASED[r.event.fieldId === 'callerName' ? 'personName' : 'need'] },
          }
        : r,
    );
    expect(analyzeCall(c1.row, erasedLog, FLOWS[0] ?? null).erased).toBe(true);
  });

  it('without the flow version still gives handle time, but no stages', () => {
    const c1 = calls[0]!;
    const f = analyzeCall(c1.row, c1.log, null);
    expect(f.handleMs).toBe(150 * SEC);
    expect(f.stageMs).toEqual({ farewell: 10 * SEC });
    // Stages unknown: no claim that the need was not rephrased.
    expect(f.adherence).toEqual({ greeting: true, identified: true, rephrased: null, farewell: true });
  });

  it('the stages of every fixture call add up to its handle time', () => {
    for (const f of facts) {
      const sum = Object.values(f.stageMs).reduce((a, b) => a + b, 0);
      expect(sum, f.callId).toBe(f.handleMs);
    }
  });
});

describe('compliance', () => {
  it('names each broken rule with its moment', () => {
    const issues = facts
      .flatMap((f) => complianceIssues(f, NOW))
      .map((i) => [i.callId, i.rule, i.at, i.overMs]);
    const c2 = TUESDAY_1030 + HOUR;
    const c5 = TUESDAY_1030 + 4 * HOUR;
    expect(issues).toEqual([
      ['c2', 'holdOverPromise', c2 + 210 * SEC, 30 * SEC],
      ['c2', 'callbackLate', TUESDAY_1500 + 10 * MIN, 10 * MIN],
      ['c4', 'transferLimit', TUESDAY_1030 + 3 * HOUR + 40 * SEC, null],
      ['c5', 'farewellMissing', c5 + 65 * SEC, null],
      ['c5', 'callerNotIdentified', c5 + 65 * SEC, null],
      ['c6', 'callbackOverdue', TUESDAY_1500, HOUR],
    ]);
  });

  it('an open callback is not a breach before its deadline', () => {
    expect(complianceIssues(byId('c6'), TUESDAY_1500 - MIN)).toEqual([]);
  });

  it("the dashboard's quick check agrees with the listed issues, before and after the deadline", () => {
    for (const now of [TUESDAY_1500 - MIN, NOW])
      for (const f of facts)
        expect(hasComplianceIssue(f, now), `${f.callId} at ${now}`).toBe(complianceIssues(f, now).length > 0);
    expect(facts.filter((f) => hasComplianceIssue(f, NOW)).map((f) => f.callId)).toEqual([
      'c2',
      'c4',
      'c5',
      'c6',
    ]);
  });
});

describe('dashboard for Tuesday', () => {
  const o = dash.overall;
  it('counts the calls of the period only, with average handle, stage and after-call times', () => {
    expect(o.calls).toBe(6);
    expect(o.avgHandleMs).toBeCloseTo((740 * SEC) / 6);
    expect(o.avgAfterCallMs).toBe(35 * SEC);
    expect(o.avgStageMs.resolution).toBeCloseTo((215 * SEC) / 6);
    expect(o.avgStageMs.hold).toBeCloseTo((190 * SEC) / 6);
    expect(o.avgStageMs.transfer).toBeCloseTo((25 * SEC) / 6);
    expect(o.avgStageMs.greeting).toBeCloseTo((50 * SEC) / 6);
  });

  it('distributes outcomes and first-contact resolution', () => {
    expect(o.outcomes).toEqual({
      resolved: 2,
      byDate: 1,
      noDate: 0,
      impossible: 0,
      redirected: 0,
      callback: 2,
      transferred: 1,
      none: 0,
    });
    // The transferred call reached an outcome: it is in the base, and not resolved at first contact.
    expect(o.firstContact).toEqual({ resolved: 2, of: 6, share: 2 / 6 });
  });

  it('takes resolved, callback and transferred-twice calls as three in the first-contact base', () => {
    const three = ['c1', 'c2', 'c3'].map(byId);
    expect(buildDashboard(three, { now: NOW, ...TUESDAY }).overall.firstContact).toEqual({
      resolved: 1,
      of: 3,
      share: 1 / 3,
    });
  });

  it('counts transfers per call, refused attempts, holds over promise and callbacks', () => {
    expect(o.transfers).toEqual({ zero: 4, one: 0, two: 2, refusedAttempts: 1, perCall: 1 / 6, calls: 1 });
    expect(o.holds).toEqual({ count: 2, overPromise: 1, share: 0.5, overtimeMs: 30 * SEC, calls: 1 });
    expect(o.callbacks).toEqual({ promised: 2, keptOnTime: 0, late: 1, overdue: 1, pending: 0 });
    expect(o.callsWithIssues).toBe(4);
    // Per rule, from the standard's table: what each operator is coached on.
    expect(Object.entries(o.byRule).filter(([, n]) => n > 0)).toEqual([
      ['holdOverPromise', 1],
      ['transferLimit', 1],
      ['callbackOverdue', 1],
      ['callbackLate', 1],
      ['farewellMissing', 1],
      ['callerNotIdentified', 1],
    ]);
  });

  it('averages satisfaction where given', () => {
    expect(o.satisfaction).toEqual({ count: 4, average: 3.25, byScore: [1, 0, 1, 1, 1] });
  });

  it('gives each operator their own figures', () => {
    expect(dash.operators.map((x) => x.operatorName)).toEqual([BORIS, ANNA]);
    const anna = dash.operators.find((x) => x.operatorName === ANNA)!.figures; // listed above
    const boris = dash.operators.find((x) => x.operatorName === BORIS)!.figures; // listed above
    expect(anna.calls).toBe(3);
    expect(anna.avgHandleMs).toBe(175 * SEC);
    expect(anna.avgAfterCallMs).toBe(50 * SEC);
    expect(anna.callbacks.promised).toBe(2);
    expect(anna.satisfaction.average).toBe(4);
    expect(boris.avgHandleMs).toBeCloseTo((215 * SEC) / 3);
    expect(boris.firstContact).toEqual({ resolved: 1, of: 3, share: 1 / 3 });
    expect(boris.transfers.refusedAttempts).toBe(1);
    expect(boris.byRule).toMatchObject({ transferLimit: 1, farewellMissing: 1, holdOverPromise: 0 });
    expect(boris.satisfaction.average).toBe(2.5);
  });

  it('ranks topics, needs, articles, and the stale articles used', () => {
    expect(dash.topTopics).toEqual([
      { key: 'справки', count: 3 },
      { key: 'пособия', count: 2 },
    ]);
    expect(dash.topNeeds).toEqual([
      { key: 'пособие', count: 2 },
      { key: 'справка о доходах', count: 1 },
    ]);
    expect(dash.topArticles).toEqual([
      { key: 'a1', count: 3 },
      { key: 'a2', count: 2 },
    ]);
    expect(dash.staleArticles).toEqual([{ key: 'a2', count: 2 }]);
  });

  it('an empty period gives zeros and no averages, not NaN', () => {
    const empty = buildDashboard(facts, { now: NOW, from: 0, to: 1 }).overall;
    expect(empty.calls).toBe(0);
    expect(empty.avgHandleMs).toBeNull();
    expect(empty.firstContact.share).toBeNull();
    expect(empty.holds.share).toBeNull();
  });
});
