// Calls ending together: each end goes in by the grouped append (one statement for every upload waiting),
// files its call as pending, and the figures of every call ended at that moment are kept by one short
// transaction before the answers, as the full path kept each in its own. Nothing about the call differs
// from an end stored alone: its figures, its place in the rollups' queue, its released lease. An end
// whose figures could not be kept (a database gone between the two) stays stored and pending, and its
// figures are kept at the next start or settling, once; so is a callback the call promised.
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callEventSchema } from '../../src/protocol/calls';
import { buildServer } from '../../src/server/app';
import { listCallEvents, storeCallEvents } from '../../src/server/storage/callEvents';
import { keepLeftReplays } from '../../src/server/storage/pendingReplays';
import { leaseReleased } from '../../src/server/storage/leases';
import type { Database } from '../../src/server/storage/schema';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { callPromisingCallback } from './callbacksKit';
import { countingStatements, failingAt } from './callEventsKit';
import { endedCall, OPERATORS } from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';

/** Monday 2 November 2026, 10:00 in Yekaterinburg. */
const MONDAY_TEN = Date.UTC(2026, 10, 2, 5);

const count = async (
  db: Kysely<Database>,
  table: 'call_figures' | 'call_replays_pending' | 'call_rollups_pending',
  ids: readonly string[],
) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}
      where call_id in (${sql.join(ids)})`.execute(db)
  ).rows[0]?.n;

describe.each(DATABASE_KINDS)('calls ending together on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let n = 0;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anna = await server.signInAs(SVERDLOVSK, 'operator');
  });
  afterAll(() => server.close());

  /** Calls of Anna's with everything but their last event stored; their ends, as the route takes them. */
  async function callsBeforeTheirEnds(howMany: number) {
    const who = { organisationId: SVERDLOVSK, personId: anna.personId };
    const calls = Array.from({ length: howMany }, (_, i) => {
      const callId = `ending-${kind}-${++n}`;
      const events = endedCall(callId, OPERATORS[0]!, MONDAY_TEN + i * 7 * 60_000).map((e) =>
        callEventSchema.parse(e),
      );
      return { callId, events };
    });
    for (const c of calls)
      expect(
        await storeCallEvents(
          server.db,
          who,
          [{ callId: c.callId, events: c.events.slice(0, -1) }],
          new Date(),
        ),
      ).toMatchObject([{ status: 'stored' }]);
    return { who, calls };
  }

  it('keeps the figures of calls ending at the same moment by a few statements for all, before the answers', async () => {
    const counted = countingStatements(server.db);
    const db = counted.db;
    const { who, calls } = await callsBeforeTheirEnds(20);
    const ids = calls.map((c) => c.callId);
    const stored = await Promise.all(
      calls.map((c) =>
        storeCallEvents(db, who, [{ callId: c.callId, events: c.events.slice(-1) }], new Date()),
      ),
    );
    expect(stored.flat()).toEqual(
      ids.map((callId) => ({ callId, status: 'stored', added: 1, reduced: true })),
    );
    // Every figure is kept, queued for the rollups, and no longer pending, when the answers come.
    expect(await count(server.db, 'call_figures', ids)).toBe(20);
    expect(await count(server.db, 'call_rollups_pending', ids)).toBe(20);
    expect(await count(server.db, 'call_replays_pending', ids)).toBe(0);
    for (const c of calls) expect((await listCallEvents(server.db, c.callId)).length).toBe(c.events.length);
    // Alone, each end cost seven statements and a transaction (the embedded database answers each at once:
    // nothing waits there to go together).
    if (kind === 'postgres') expect(counted.statements).toBeLessThanOrEqual(2 + 2 * 5);
  });

  it('releases the lease of the device whose call ended, as an end stored alone does', async () => {
    const lease = await server.call('POST', '/api/v1/calls/lease', {
      as: anna,
      body: { deviceId: `desk-${kind}`, takeOver: true },
    });
    expect(lease.statusCode, lease.body).toBe(200);
    const held = lease.json<{ deviceId: string; epoch: number }>();
    const callId = `ending-${kind}-leased`;
    const events = endedCall(callId, OPERATORS[0]!, MONDAY_TEN + 3_600_000);
    const upload = (from: number, to?: number) =>
      server.call('POST', '/api/v1/calls/events', {
        as: anna,
        body: {
          organisationId: SVERDLOVSK,
          calls: [{ callId, events: events.slice(from, to) }],
          lease: held,
        },
      });
    expect((await upload(0, -1)).statusCode).toBe(200);
    expect(await leaseReleased(server.db, anna.personId)).toBe(false);
    const ended = await upload(events.length - 1);
    expect(ended.json()).toEqual({ calls: [{ callId, status: 'stored', added: 1 }] });
    expect(await leaseReleased(server.db, anna.personId)).toBe(true);
    expect(await count(server.db, 'call_figures', [callId])).toBe(1);
  });

  it('keeps at the next start the figures of an end stored while the database went away before them', async () => {
    const db = failingAt(server.db, 'call_replays_pending p join calls c');
    const { who, calls } = await callsBeforeTheirEnds(2);
    const ids = calls.map((c) => c.callId);
    const answers = await Promise.allSettled(
      calls.map((c) =>
        storeCallEvents(db, who, [{ callId: c.callId, events: c.events.slice(-1) }], new Date()),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(['rejected', 'rejected']);
    // The ends are stored and the calls wait for their figures.
    for (const c of calls) expect((await listCallEvents(server.db, c.callId)).length).toBe(c.events.length);
    expect(await count(server.db, 'call_figures', ids)).toBe(0);
    expect(await count(server.db, 'call_replays_pending', ids)).toBe(2);
    // The workstation sends the end again: held already, it is acknowledged.
    const again = await storeCallEvents(
      server.db,
      who,
      [{ callId: ids[0]!, events: calls[0]!.events.slice(-1) }],
      new Date(),
    );
    expect(again).toMatchObject([{ status: 'stored', added: 0 }]);
    // What a starting server does: the figures are kept, once.
    await keepLeftReplays(server.db);
    await keepLeftReplays(server.db);
    expect(await count(server.db, 'call_figures', ids)).toBe(2);
    expect(await count(server.db, 'call_rollups_pending', ids)).toBe(2);
    expect(await count(server.db, 'call_replays_pending', ids)).toBe(0);
  });

  it('files at the next start the callback of a call whose replay could not be kept', async () => {
    const operator = await server.signInAs(MURMANSK, 'operator');
    const who = { organisationId: MURMANSK, personId: operator.personId };
    const call = callPromisingCallback(`promising-${kind}`);
    const events = call.log.map((e) => callEventSchema.parse(e));
    const filed = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from callbacks where id = ${call.callbackId}`.execute(server.db)
      ).rows[0]?.n;
    await expect(
      storeCallEvents(
        failingAt(server.db, 'call_replays_pending p join calls c'),
        who,
        [{ callId: call.callId, events }],
        new Date(),
      ),
    ).rejects.toThrow();
    expect((await listCallEvents(server.db, call.callId)).length).toBe(events.length);
    expect(await filed()).toBe(0);
    // A server starting on the database (on PostgreSQL a second instance; PGlite has one), twice.
    const start = async () => {
      if (kind !== 'postgres') return keepLeftReplays(server.db);
      await (await buildServer({ ...server.config, seedSamples: false })).close();
    };
    await start();
    await start();
    expect(await filed()).toBe(1);
    expect(await count(server.db, 'call_replays_pending', [call.callId])).toBe(0);
  });
});
