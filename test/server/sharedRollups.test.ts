// Two operators' uploads end calls in the same hours at the same moment, in opposite orders. The rollups'
// rows for an hour of the day and for a topic are the whole organisation's: uploads leave their calls
// pending and one settling at a time adds them, so none is refused for a deadlock (on PostgreSQL, where
// transactions run side by side; PGlite runs them one at a time). The figures count every call once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { addVolkov, endedCall, OPERATORS } from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';
import { retryingConflicts } from '../../src/server/storage/database';

const HOUR = 3_600_000;
/** 10:00 and 11:00 in Yekaterinburg on a Monday. */
const TEN = Date.UTC(2026, 10, 2, 5);
const ELEVEN = TEN + HOUR;
const ROUNDS = 12;

describe.each(DATABASE_KINDS)('uploads sharing the rollups on %s', (kind) => {
  let server: TestServer;
  let anna: Session;
  let volkov: Session;

  beforeAll(async () => {
    server = await startTestServer(kind);
    anna = await server.signInAs(SVERDLOVSK, 'operator');
    volkov = await addVolkov(server, 'volkov');
  });
  afterAll(() => server.close());

  it('stores every call of two operators ending calls in the same hours in opposite orders', async () => {
    // Anna's batch ends a call at 10 then one at 11 (in call id order); Volkov's at 11 then at 10.
    const batch = (who: Session, operator: number, round: number, first: number, second: number) => {
      const calls = [
        {
          callId: `r${round}-${operator}-a`,
          events: endedCall(`r${round}-${operator}-a`, OPERATORS[operator]!, first),
        },
        {
          callId: `r${round}-${operator}-b`,
          events: endedCall(`r${round}-${operator}-b`, OPERATORS[operator]!, second),
        },
      ];
      return server.call('POST', '/api/v1/calls/events', {
        as: who,
        body: { organisationId: SVERDLOVSK, calls },
      });
    };
    const answers = await Promise.all(
      Array.from({ length: ROUNDS }, (_, round) => [
        batch(anna, 0, round, TEN + round * 60_000, ELEVEN + round * 60_000),
        batch(volkov, 1, round, ELEVEN + round * 60_000, TEN + round * 60_000),
      ]).flat(),
    );
    for (const res of answers) {
      expect(res.statusCode, res.body).toBe(200);
      for (const ack of res.json<{ calls: { status: string }[] }>().calls) expect(ack.status).toBe('stored');
    }
    const supervisor = await server.signInAs(SVERDLOVSK, 'supervisor');
    const period = `from=${TEN - HOUR}&to=${ELEVEN + 2 * HOUR}`;
    const res = await server.call('GET', `/api/v1/supervision/dashboard?${period}`, { as: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ dashboard: { overall: { calls: number } } }>().dashboard.overall.calls).toBe(
      ROUNDS * 4,
    );
  });
});

describe('a transaction PostgreSQL undid for a deadlock', () => {
  const failing = (codes: string[]) => {
    let calls = 0;
    const run = () => {
      const code = codes[calls++];
      return code ? Promise.reject(Object.assign(new Error(code), { code })) : Promise.resolve(calls);
    };
    return { run, calls: () => calls };
  };

  it('runs again after a deadlock or a serialization failure, and answers as the run that went through', async () => {
    const t = failing(['40P01', '40001']);
    await expect(retryingConflicts(t.run)).resolves.toBe(3);
  });

  it('passes any other error on at once, and gives up after its attempts', async () => {
    const other = failing(['23505']);
    await expect(retryingConflicts(other.run)).rejects.toThrow('23505');
    expect(other.calls()).toBe(1);
    const always = failing(['40P01', '40P01', '40P01']);
    await expect(retryingConflicts(always.run, 3)).rejects.toThrow('40P01');
    expect(always.calls()).toBe(3);
  });
});
