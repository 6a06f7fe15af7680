// The live board of the line (issue 19): the calls going on with their stage and their hold against its
// promise, who is signed in, today's figures; a `board` event reaches the supervisors' streams when calls
// move, and only a supervisor or administrator of the organisation reads the board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/calls/clock';
import { ManualScheduler } from '../../src/calls/scheduler';
import { startCall } from '../../src/calls/session';
import { ORG } from '../calls/helpers';
import { MURMANSK, SVERDLOVSK, startTestServer, type Session, type TestServer } from './serverHarness';
import { listening, openStream } from './streamKit';
import { BUNDLED_FLOWS, OPERATORS, uploadLogs, walkCall } from './supervisionKit';
import { DATABASE_KINDS } from './testDatabase';

const FLOW = BUNDLED_FLOWS.find((f) => f.id === 'inbound-appeal-status') ?? BUNDLED_FLOWS[0]!;

interface Board {
  signedIn: { name: string }[];
  calls: {
    callId: string;
    operatorName: string;
    stage: string | null;
    hold: { deadline: number; promisedMinutes: number } | null;
  }[];
  today: { calls: number };
  callbacks: null;
  stuckOutboxes: { name: string; calls: number; stuckSince: number; oldestAt: number | null }[];
}

/** A call put on hold for `minutes` after the greeting, still going on (or, with `overMs`, resumed that
 * long after its promise and hung up). */
function onHold(callId: string, at: number, minutes: number, overMs?: number) {
  const clock = new ManualClock(at);
  const session = startCall({
    flow: FLOW,
    clock,
    scheduler: new ManualScheduler(clock),
    start: { callId, organisation: ORG, operator: OPERATORS[0]!, transfersBefore: 0 },
  });
  clock.advance(15_000);
  session.send({ type: 'operator.choose', optionId: 'continue' });
  clock.advance(10_000);
  session.send({ type: 'operator.hold', minutes });
  if (overMs !== undefined) {
    clock.advance(minutes * 60_000 + overMs);
    session.send({ type: 'operator.resume' });
    clock.advance(5_000);
    session.send({ type: 'caller.hungUp' });
  }
  const log = [...session.log()];
  session.stop();
  return log;
}

describe.each(DATABASE_KINDS)('live board on %s', (kind) => {
  let server: TestServer;
  let supervisor: Session;
  let operator: Session;

  beforeAll(async () => {
    server = await startTestServer(kind);
    supervisor = await server.signInAs(SVERDLOVSK, 'supervisor');
    operator = await server.signInAs(SVERDLOVSK, 'operator');
  });
  afterAll(() => server.close());

  it('shows the calls going on, holds soonest over first, who is signed in and today so far', async () => {
    const now = Date.now();
    await uploadLogs(server, operator, SVERDLOVSK, [
      onHold(`${kind}-long`, now - 60_000, 5),
      onHold(`${kind}-short`, now - 30_000, 1),
      walkCall({
        callId: `${kind}-done`,
        flow: FLOW,
        operator: OPERATORS[1]!,
        startedAt: now - 120_000,
        transfersBefore: 0,
        turns: [{ pick: 0, waitS: 5 }],
        hangUp: true,
      }),
    ]);
    const res = await server.call('GET', '/api/v1/supervision/board', { as: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    const board = res.json<Board>();
    expect(board.calls.map((c) => [c.callId, c.stage, c.hold?.promisedMinutes])).toEqual([
      [`${kind}-short`, 'hold', 1],
      [`${kind}-long`, 'hold', 5],
    ]);
    const short = board.calls.find((c) => c.callId === `${kind}-short`);
    expect(short?.hold?.deadline).toBe(now - 30_000 + 25_000 + 60_000);
    expect(board.signedIn.map((p) => p.name)).toContain('Смирнова Анна Сергеевна');
    expect(board.today.calls).toBe(1);
    expect(board.callbacks).toBeNull();
  });

  it('names to coach, per operator, the rules most often broken with the calls that broke them', async () => {
    const at = Date.UTC(2026, 9, 5, 7, 0);
    await uploadLogs(server, operator, SVERDLOVSK, [
      onHold(`${kind}-over-1`, at, 1, 30_000),
      onHold(`${kind}-over-2`, at + 600_000, 2, 5_000),
      onHold(`${kind}-kept`, at + 900_000, 2, -60_000),
    ]);
    const url = `/api/v1/supervision/coaching?from=${at}&to=${at + 86_400_000}`;
    const res = await server.call('GET', url, { as: supervisor });
    expect(res.statusCode, res.body).toBe(200);
    const { operators } = res.json<{
      operators: { operatorName: string; rules: { rule: string; calls: number; callIds: string[] }[] }[];
    }>();
    const anna = operators.find((o) => o.operatorName === 'Смирнова Анна Сергеевна');
    expect(anna?.rules[0]).toEqual({
      rule: 'holdOverPromise',
      calls: 2,
      callIds: [`${kind}-over-2`, `${kind}-over-1`],
      callsAt: [at + 600_000, at],
    });
    // An operator reads their own coaching too; another organisation's supervisor sees none of it.
    expect((await server.call('GET', url, { as: operator })).json()).toEqual(res.json());
    const foreign = await server.signInAs(MURMANSK, 'supervisor');
    expect((await server.call('GET', url, { as: foreign })).json()).toEqual({ operators: [] });
  });

  it('is for supervisors of the organisation only', async () => {
    expect((await server.call('GET', '/api/v1/supervision/board', { as: operator })).statusCode).toBe(403);
    const foreign = await server.signInAs(MURMANSK, 'supervisor');
    const theirs = (await server.call('GET', '/api/v1/supervision/board', { as: foreign })).json<Board>();
    expect(theirs.calls).toEqual([]);
  });

  it('counts the workstations whose outbox is stuck, until they move again or sign out', async () => {
    const stuckOf = async (as: Session) =>
      (await server.call('GET', '/api/v1/supervision/board', { as })).json<Board>().stuckOutboxes;
    const report = (as: Session, body: object) => server.call('PUT', '/api/v1/calls/outbox', { as, body });
    const desk = await server.signInAs(SVERDLOVSK, 'operator');
    const since = Date.now() - 6 * 60_000;
    const stuck = { calls: 2, events: 9, oldestAt: since - 60_000, stuckSince: since };
    expect((await report(desk, stuck)).statusCode).toBe(204);
    expect(await stuckOf(supervisor)).toEqual([
      {
        personId: desk.personId,
        name: expect.any(String),
        calls: 2,
        stuckSince: since,
        oldestAt: since - 60_000,
      },
    ]);
    // Another organisation's supervisor does not see it; a report that is not stuck is not counted.
    expect(await stuckOf(await server.signInAs(MURMANSK, 'supervisor'))).toEqual([]);
    expect((await report(operator, { ...stuck, stuckSince: null })).statusCode).toBe(204);
    expect(await stuckOf(supervisor)).toHaveLength(1);
    // Moving again clears it; stuck again and then signed out, it is gone with the session.
    await report(desk, { calls: 0, events: 0, oldestAt: null, stuckSince: null });
    expect(await stuckOf(supervisor)).toEqual([]);
    await report(desk, stuck);
    expect(await stuckOf(supervisor)).toHaveLength(1);
    expect((await server.call('DELETE', '/api/v1/session', { as: desk })).statusCode).toBe(204);
    expect(await stuckOf(supervisor)).toEqual([]);
    // Nonsense is refused with its code, and nothing changes.
    const bad = await report(operator, { calls: -1, events: 0, oldestAt: null, stuckSince: null });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_request' });
  });

  it("tells the supervisors' streams when calls move, and not another organisation's", async () => {
    const base = await listening(server.app);
    const mine = await openStream(base, supervisor);
    const foreign = await openStream(base, await server.signInAs(MURMANSK, 'supervisor'));
    await uploadLogs(server, operator, SVERDLOVSK, [onHold(`${kind}-news`, Date.now(), 2)]);
    expect(await mine.next()).toEqual({ event: 'board', data: { kind: 'board' } });
    const murmanskOperator = await server.signInAs(MURMANSK, 'operator');
    await uploadLogs(server, murmanskOperator, MURMANSK, [onHold(`${kind}-theirs`, Date.now(), 2)]);
    // The foreign stream's first event is its own organisation's, not ours.
    expect(await foreign.next()).toEqual({ event: 'board', data: { kind: 'board' } });
    mine.close();
    foreign.close();
  });
});
