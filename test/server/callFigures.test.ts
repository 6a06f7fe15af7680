// The server's figures are the workstation's (issue 19): calls made by the real engine go up through the
// upload route with their wrap-ups (with the events, after them, or saved again later), each completed
// call is reduced into call_figures, and the period figures summed in SQL equal src/analytics'
// buildDashboard over the same logs and wrap-ups, whatever the calls, filter and time.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboard, filterCalls, type CallFilter } from '../../src/analytics';
import { callFromLog, type CallWrapUp } from '../../src/analytics/fromLog';
import type { CallRecordEvent } from '../../src/calls/record';
import { OUTCOMES } from '../../src/flows/types';
import { periodFigures } from '../../src/analytics/trends';
import { rebuildRollups, rollupsIn } from '../../src/server/storage/callRollups';
import { periodDashboard, periodFiguresOf } from '../../src/server/storage/supervision';
import { SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import {
  BUNDLED_FLOWS,
  isComplete,
  OPERATORS,
  uploadLogs,
  uploadWrapUps,
  walkCall,
  type CallPlan,
} from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 2, 6, 0);
/** The organisation's zone: Yekaterinburg keeps UTC+5 all year, so its days are easy to state here. */
const ZONE = 'Asia/Yekaterinburg';
const OFFSET = 5 * HOUR;
const localHour = (ms: number) => Math.floor((ms + OFFSET) / HOUR) % 24;
/** The dashboard's days of [from, to): `from` itself, then each local midnight before `to`. */
function localDays(from: number, to: number): number[] {
  const out = [from];
  for (let d = Math.floor((from + OFFSET) / DAY) * DAY - OFFSET + DAY; d < to; d += DAY) out.push(d);
  return out;
}

/**
 * The operator's wrap-up of a call: sent with its events, after them, or first a draft that a later save
 * replaces (and the draft sent once more after it, as a late retry the server must ignore).
 */
const rawWrapUp = fc.record({
  mode: fc.constantFrom('with', 'after', 'replaced'),
  topic: fc.option(fc.constantFrom('appeals', 'schedule', 'complaints')),
  satisfaction: fc.option(fc.integer({ min: 1, max: 5 })),
  afterS: fc.integer({ min: 0, max: 600 }),
  outcome: fc.option(fc.constantFrom(...OUTCOMES)),
  articles: fc.subarray(['kb-deadlines', 'kb-reception', 'kb-contacts']),
  summary: fc.constantFrom('', 'Спросила о сроках ответа'),
});

const rawPlan = fc.record({
  flow: fc.nat(BUNDLED_FLOWS.length - 1),
  operator: fc.nat(OPERATORS.length - 1),
  offsetMin: fc.integer({ min: 0, max: 3 * 24 * 60 }),
  transfersBefore: fc.integer({ min: 0, max: 2 }),
  phone: fc.boolean(),
  hangUp: fc.boolean(),
  turns: fc.array(fc.record({ pick: fc.nat(40), waitS: fc.integer({ min: 0, max: 900 }) }), {
    minLength: 3,
    maxLength: 30,
  }),
  wrapUp: fc.option(rawWrapUp, { freq: 3 }),
});

/** Indices in the generated plan, so a counterexample prints small. */
type RawPlan = typeof rawPlan extends fc.Arbitrary<infer T> ? T : never;
const toPlan = (p: RawPlan, callId: string, base: number): CallPlan => ({
  callId,
  flow: BUNDLED_FLOWS[p.flow]!,
  operator: OPERATORS[p.operator]!,
  startedAt: base + p.offsetMin * 60_000,
  transfersBefore: p.transfersBefore,
  ...(p.phone ? { callerPhone: '+79123456789' } : {}),
  turns: p.turns,
  hangUp: p.hangUp,
});

type Wrapped = { log: CallRecordEvent[]; wrapUp: CallWrapUp | null };

/**
 * Walks each plan's call and uploads it with its wrap-up as the plan says; gives each log with the wrap-up
 * the server must hold in the end (the last save).
 */
async function makeCalls(
  server: TestServer,
  operator: Session,
  plans: readonly RawPlan[],
  ids: (i: number) => string,
  base: number,
): Promise<Wrapped[]> {
  const calls = plans.map((p, i) => {
    const log = walkCall(toPlan(p, ids(i), base));
    const w = p.wrapUp;
    if (!w) return { log, wrapUp: null, draft: null, mode: null };
    const endedAt = (log.find((r) => r.after.state === 'ended') ?? log.at(-1))?.at ?? base;
    const wrapUp: CallWrapUp = {
      savedAt: endedAt + w.afterS * 1000 + 2000,
      outcome: w.outcome,
      summary: w.summary,
      topic: w.topic,
      articlesUsed: w.articles,
      satisfaction: w.satisfaction,
      surveyOffered: w.satisfaction !== null,
      afterCallMs: w.afterS * 1000 + 2000,
    };
    // A first save the operator changed afterwards: other figures, saved earlier.
    const draft: CallWrapUp = {
      ...wrapUp,
      savedAt: endedAt + 1000,
      topic: 'feedback',
      satisfaction: 1,
      afterCallMs: 1000,
      summary: 'черновик',
    };
    return { log, wrapUp, draft, mode: w.mode };
  });
  const sentWith = new Map<string, CallWrapUp>();
  for (const c of calls) {
    const callId = c.log[0]!.callId;
    if (c.mode === 'with' && c.wrapUp) sentWith.set(callId, c.wrapUp);
    if (c.mode === 'replaced' && c.draft) sentWith.set(callId, c.draft);
  }
  await uploadLogs(
    server,
    operator,
    SVERDLOVSK,
    calls.map((c) => c.log),
    sentWith,
  );
  const later = calls.filter((c) => c.mode === 'after' || c.mode === 'replaced');
  await uploadWrapUps(
    server,
    operator,
    SVERDLOVSK,
    later.map((c) => ({ callId: c.log[0]!.callId, wrapUp: c.wrapUp! })),
  );
  // The draft's retry arriving after the last save changes nothing.
  await uploadWrapUps(
    server,
    operator,
    SVERDLOVSK,
    calls.filter((c) => c.mode === 'replaced').map((c) => ({ callId: c.log[0]!.callId, wrapUp: c.draft! })),
  );
  return calls.map(({ log, wrapUp }) => ({ log, wrapUp }));
}

const byId = new Map(BUNDLED_FLOWS.map((f) => [f.id, f]));
/** The completed calls as src/analytics reduces them from their logs and wrap-ups. */
const reduced = (calls: readonly Wrapped[]) =>
  calls
    .filter((c) => isComplete(c.log))
    .map((c) => callFromLog(c.log, byId.get(c.log[0]!.flowId)!, c.wrapUp)!);

const filters: fc.Arbitrary<CallFilter> = fc.oneof(
  fc.constant({}),
  fc
    .constantFrom(...OPERATORS)
    .map((o) => ({ operator: `${o.surname} ${o.firstName} ${o.patronymic}`.trim() })),
  fc.constantFrom('resolved', 'callback', 'transferred', 'none', 'byDate').map((outcome) => ({ outcome })),
  fc
    .constantFrom('holdOverPromise', 'callbackOverdue', 'farewellMissing', 'callerNotIdentified')
    .map((rule) => ({ rule })),
  fc.constantFrom('inbound', 'outbound').map((direction) => ({ direction })),
  fc.constantFrom(...BUNDLED_FLOWS).map((f) => ({ flow: f.id })),
  fc.constantFrom('holdsOverPromise', 'callbacksPending', 'firstContact').map((behind) => ({ behind })),
  fc.constantFrom('912', 'ольга', 'Ольга').map((search) => ({ search })),
  fc.constantFrom('appeals', 'feedback').map((topic) => ({ topic })),
);

describe.each(DATABASE_KINDS)('call figures on %s', (kind) => {
  let server: TestServer;
  let operator: Session;
  let run = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    operator = await server.signInAs(SVERDLOVSK, 'operator');
  });
  afterAll(() => server.close());

  it('reduces a call once, when its end arrives, whatever batches it came in', async () => {
    const log = walkCall({
      callId: `once-${kind}`,
      flow: BUNDLED_FLOWS[0]!,
      operator: OPERATORS[0]!,
      startedAt: T0 - 30 * DAY,
      transfersBefore: 0,
      turns: Array.from({ length: 8 }, () => ({ pick: 0, waitS: 5 })),
      hangUp: true,
    });
    expect(isComplete(log)).toBe(true);
    const head = log.slice(0, -1);
    await uploadLogs(server, operator, SVERDLOVSK, [head]);
    const count = () =>
      server.db
        .selectFrom('call_figures')
        .where('call_id', '=', `once-${kind}`)
        .select('reduced_at')
        .execute();
    expect(await count()).toHaveLength(0);
    await uploadLogs(server, operator, SVERDLOVSK, [log]);
    await uploadLogs(server, operator, SVERDLOVSK, [log]);
    expect(await count()).toHaveLength(1);
  });

  it('gives the same dashboard as src/analytics over the same logs, for any calls, filter and time', async () => {
    let completed = 0;
    let compared = 0;
    let broken = 0;
    let rated = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawPlan, { minLength: 1, maxLength: 12 }),
        filters,
        fc.integer({ min: 0, max: 5 * 24 }),
        async (plans, filter, nowHours) => {
          const r = run++;
          const base = T0 + r * 7 * DAY;
          const calls = await makeCalls(server, operator, plans, (i) => `p-${kind}-${r}-${i}`, base);
          const listed = reduced(calls).map(({ facts, callerName, callerPhone }) => ({
            facts,
            callerName,
            callerPhone,
          }));
          const now = base + nowHours * 3_600_000;
          const period = { from: base, to: base + 4 * DAY };
          const expected = buildDashboard(
            filterCalls(listed, filter, now).map((c) => c.facts),
            { now, ...period },
          );
          const got = await periodDashboard(server.db, {
            organisationId: SVERDLOVSK,
            now,
            ...period,
            filter,
          });
          expect(got).toEqual(expected);
          completed += listed.length;
          compared += expected.overall.calls;
          broken += expected.overall.callsWithIssues;
          rated += expected.overall.satisfaction.count;
        },
      ),
      { numRuns: kind === 'embedded' ? 25 : 15 },
    );
    // The runs compared real figures: completed calls (the filters leave a random share of them), some
    // of them breaking rules.
    expect(completed).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(0);
    expect(broken).toBeGreaterThan(0);
    // Wrap-ups reached the figures: calls rated by their callers were counted.
    expect(rated).toBeGreaterThan(0);
  }, 120_000);

  it('adds up whole days from the daily rollups and the cut edge days from the calls, as src/analytics does', async () => {
    expect(await rollupsIn(server.db, SVERDLOVSK, ZONE)).toBe(true);
    let wholeDays = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(rawPlan, { minLength: 1, maxLength: 12 }),
        // Periods that start and end anywhere in a day (or on a midnight), from a few hours to four days.
        fc.integer({ min: -26 * 60, max: 26 * 60 }),
        fc.integer({ min: 60, max: 4 * 24 * 60 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 5 * 24 }),
        async (plans, fromMin, lengthMin, onMidnight, nowHours) => {
          const r = run++;
          // Far from the other runs' calls, so the previous period holds only this run's too.
          const base = T0 + 400 * DAY + r * 30 * DAY;
          // Wrap-ups saved again move their calls in the rollups: taken away as first counted, added anew.
          const calls = await makeCalls(server, operator, plans, (i) => `w-${kind}-${r}-${i}`, base);
          const facts = reduced(calls).map((c) => c.facts);
          const midnight = Math.floor((base + OFFSET) / DAY) * DAY - OFFSET;
          const from = onMidnight ? midnight + Math.round(fromMin / 1440) * DAY : base + fromMin * 60_000;
          const to = from + lengthMin * 60_000;
          const now = base + nowHours * HOUR;
          const expected = periodFigures(facts, {
            now,
            from,
            to,
            dayStarts: localDays(from, to),
            hourOf: localHour,
          });
          const got = await periodFiguresOf(
            server.db,
            { organisationId: SVERDLOVSK, now, from, to, filter: {} },
            ZONE,
          );
          expect(got).toEqual(expected);
          if (to - from >= DAY) wholeDays++;
        },
      ),
      { numRuns: kind === 'embedded' ? 20 : 15 },
    );
    expect(wholeDays).toBeGreaterThan(3);
    // Built again from the kept figures (as at a start without them), the rollups give the same figures.
    const period = { organisationId: SVERDLOVSK, now: T0, from: T0, to: T0 + 1000 * DAY, filter: {} };
    const kept = await periodFiguresOf(server.db, period, ZONE);
    await rebuildRollups(server.db, SVERDLOVSK);
    expect(await periodFiguresOf(server.db, period, ZONE)).toEqual(kept);
    expect(kept.dashboard.overall.calls).toBeGreaterThan(20);
  }, 120_000);
});
