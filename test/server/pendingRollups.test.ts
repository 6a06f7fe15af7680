// An upload that ends a call keeps its figures and leaves it pending for the rollups (a row of its own),
// so uploads never wait for each other on the organisation's shared rollup rows; settling adds the pending
// calls soon after. Whatever settles them (several at once, a reading of the dashboard, a server start),
// and whatever changes a call meanwhile (a wrap-up, the retention's erasure), the rollups end up as a
// rebuild from the kept figures would make them, every call counted once.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallWrapUp } from '../../src/analytics/fromLog';
import { callEventSchema } from '../../src/protocol/calls';
import { storeCallEvents } from '../../src/server/storage/callEvents';
import { buildMissingRollups, rebuildRollups, settleRollups } from '../../src/server/storage/callRollups';
import { storeWrapUps } from '../../src/server/storage/callWrapUps';
import { eraseExpired, setRetentionDays } from '../../src/server/storage/retention';
import type { Database } from '../../src/server/storage/schema';
import { SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { endedCall, OPERATORS } from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';

const HOUR = 3_600_000;
/** Monday 2 November 2026, 10:00 in Yekaterinburg. */
const MONDAY_TEN = Date.UTC(2026, 10, 2, 5);
const NOW = new Date(Date.UTC(2026, 10, 20, 9));
const TABLES = ['call_rollups_daily', 'call_rollups_hourly', 'call_rollups_day_hours', 'call_rollups_ranked'];

const wrapUp = (topic: string, savedAt: number): CallWrapUp => ({
  savedAt,
  outcome: null,
  summary: '',
  topic,
  articlesUsed: ['reception'],
  satisfaction: 4,
  surveyOffered: true,
  afterCallMs: 45_000,
});

/** The organisation's rollup rows that count any call, comparable as text. */
async function rollupRows(db: Kysely<Database>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}
      where organisation_id = ${SVERDLOVSK} and calls <> 0`.execute(db);
    out[table] = rows.rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

const pendingCount = async (db: Kysely<Database>) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from call_rollups_pending
      where organisation_id = ${SVERDLOVSK}`.execute(db)
  ).rows[0]?.n;

describe.each(DATABASE_KINDS)('calls pending for the rollups on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anna = await server.signInAs(SVERDLOVSK, 'operator');
  });
  afterAll(() => server.close());

  /** Ends `count` calls of Anna's straight through storage: nothing settles them on its own. */
  async function endCalls(count: number, startedAt: number): Promise<string[]> {
    const calls = Array.from({ length: count }, (_, i) => {
      const callId = `pending-${kind}-${++n}`;
      // As the route takes them: through the upload's schema.
      const events = endedCall(callId, OPERATORS[0]!, startedAt + i * 7 * 60_000);
      return { callId, events: events.map((e) => callEventSchema.parse(e)) };
    });
    const who = { organisationId: SVERDLOVSK, personId: anna.personId };
    const stored = await storeCallEvents(server.db, who, calls, NOW);
    expect(stored.map((r) => r.status === 'stored' && r.reduced)).toEqual(calls.map(() => true));
    return calls.map((c) => c.callId);
  }

  /** The rollups are what a rebuild from the kept figures makes of them. */
  async function expectAsRebuilt(): Promise<void> {
    const kept = await rollupRows(server.db);
    await rebuildRollups(server.db, SVERDLOVSK);
    expect(kept).toEqual(await rollupRows(server.db));
    expect(Object.values(kept).flat().length).toBeGreaterThan(0);
  }

  it('counts a call on the dashboard as soon as its end is stored, settling it on reading', async () => {
    const supervisor = await server.signInAs(SVERDLOVSK, 'supervisor');
    // Whole days on both sides, so the dashboard reads the daily rollups.
    const period = `from=${MONDAY_TEN - 3 * 24 * HOUR}&to=${MONDAY_TEN + 3 * 24 * HOUR}`;
    const overall = async () => {
      const res = await server.call('GET', `/api/v1/supervision/dashboard?${period}`, { as: supervisor });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ dashboard: { overall: { calls: number } } }>().dashboard.overall.calls;
    };
    const before = await overall();
    await endCalls(3, MONDAY_TEN);
    expect(await pendingCount(server.db)).toBe(3);
    expect(await overall()).toBe(before + 3);
    expect(await pendingCount(server.db)).toBe(0);
    await expectAsRebuilt();
  });

  it('counts every call once when settlings, uploads and wrap-ups run at the same time', async () => {
    const first = await endCalls(12, MONDAY_TEN + 24 * HOUR);
    const who = { organisationId: SVERDLOVSK, personId: anna.personId };
    await Promise.all([
      settleRollups(server.db, SVERDLOVSK),
      settleRollups(server.db, SVERDLOVSK),
      endCalls(12, MONDAY_TEN + 24 * HOUR + 30 * 60_000),
      // Wrap-ups changing calls pending or settled meanwhile: a call is counted as it is now, once.
      storeWrapUps(
        server.db,
        who,
        first
          .slice(0, 6)
          .map((callId, i) => ({ callId, wrapUp: wrapUp(`topic-${i % 2}`, MONDAY_TEN + 30 * HOUR) })),
        NOW,
      ),
      settleRollups(server.db, SVERDLOVSK),
    ]);
    await settleRollups(server.db, SVERDLOVSK);
    expect(await pendingCount(server.db)).toBe(0);
    await expectAsRebuilt();
  });

  it('takes a settled call out as it was counted when its wrap-up or erasure changes it', async () => {
    const [settled] = await endCalls(1, MONDAY_TEN + 48 * HOUR);
    await settleRollups(server.db, SVERDLOVSK);
    const who = { organisationId: SVERDLOVSK, personId: anna.personId };
    const saved = await storeWrapUps(
      server.db,
      who,
      [{ callId: settled!, wrapUp: wrapUp('licensing', MONDAY_TEN + 49 * HOUR) }],
      NOW,
    );
    expect(saved.get(settled!)?.status).toBe('stored');
    expect(await pendingCount(server.db)).toBe(0);
    await expectAsRebuilt();
    // Erased while pending, and after settling: the rollups still match the kept figures.
    await endCalls(1, MONDAY_TEN + 50 * HOUR);
    await setRetentionDays(server.db, SVERDLOVSK, 1);
    expect(await eraseExpired(server.db, NOW)).toBeGreaterThan(1);
    await setRetentionDays(server.db, SVERDLOVSK, null);
    await settleRollups(server.db, SVERDLOVSK);
    await expectAsRebuilt();
  });

  it('settles at start the calls a stopped server left pending', async () => {
    await endCalls(4, MONDAY_TEN + 72 * HOUR);
    expect(await pendingCount(server.db)).toBe(4);
    await buildMissingRollups(server.db);
    expect(await pendingCount(server.db)).toBe(0);
    await expectAsRebuilt();
  });
});
