// Whole calls made by the real engine for the supervisor's server tests: a walk through a flow that at
// every turn takes one of the things an operator (or the caller, or the clock) could do, chosen by the
// test's numbers, so a property test gets calls of every shape with true logs.
import type { CallWrapUp } from '../../src/analytics/fromLog';
import type { CallRecordEvent } from '../../src/calls/record';
import type { OperatorProfile } from '../../src/calls/organisation';
import { ManualClock } from '../../src/calls/clock';
import { ManualScheduler } from '../../src/calls/scheduler';
import { startCall } from '../../src/calls/session';
import type { CallEvent } from '../../src/calls/events';
import type { FlowDefinition } from '../../src/flows/types';
import { flowEvents, ruleEvents } from '../calls/modelEvents';
import { expect } from 'vitest';
import { flowFiles, loadFlow, ORG } from '../calls/helpers';
import { SVERDLOVSK, type Session, type TestServer } from './serverHarness';

export const BUNDLED_FLOWS: readonly FlowDefinition[] = flowFiles().map(loadFlow);

export const OPERATORS: readonly OperatorProfile[] = [
  { surname: 'Смирнова', firstName: 'Анна', patronymic: 'Сергеевна', position: 'оператор', department: 'КЦ' },
  { surname: 'Волков', firstName: 'Пётр', patronymic: 'Ильич', position: 'оператор', department: 'КЦ' },
  { surname: 'Ёлкина', firstName: 'Мария', patronymic: '', position: 'оператор', department: 'КЦ' },
];

export interface CallPlan {
  callId: string;
  flow: FlowDefinition;
  operator: OperatorProfile;
  startedAt: number;
  transfersBefore: number;
  callerPhone?: string;
  /** At each turn: which of the possible actions to take (modulo their number) and seconds to wait. */
  turns: readonly { pick: number; waitS: number }[];
  /** The caller hangs up after the turns if the call still goes on. */
  hangUp?: boolean;
  /** The name the caller gives, in place of the sample one. */
  callerName?: string;
}

/** Strips the time: the session stamps it from the clock the walk moves. */
function command(e: CallEvent) {
  const { at: _at, ...rest } = e;
  return rest; // the same event without its time
}

/** The log of a call walked by the plan; it may end (most do) or stop midway. */
export function walkCall(plan: CallPlan): CallRecordEvent[] {
  const clock = new ManualClock(plan.startedAt);
  const scheduler = new ManualScheduler(clock);
  const session = startCall({
    flow: plan.flow,
    clock,
    scheduler,
    start: {
      callId: plan.callId,
      organisation: ORG,
      operator: plan.operator,
      transfersBefore: plan.transfersBefore,
      ...(plan.callerPhone ? { callerPhone: plan.callerPhone } : {}),
    },
  });
  for (const turn of plan.turns) {
    const s = session.getSnapshot();
    if (s.status !== 'active') break;
    const options = [...flowEvents(plan.flow, s), ...ruleEvents(plan.flow, s, ORG)];
    const e = options[turn.pick % options.length];
    if (!e) break;
    clock.set(Math.max(clock.now() + turn.waitS * 1000, e.at));
    const named = e.type === 'operator.capture' && e.fieldId === 'callerName' && plan.callerName;
    session.send(command(named ? { ...e, value: plan.callerName ?? '' } : e));
  }
  if (plan.hangUp && session.getSnapshot().status === 'active') {
    clock.advance(1000);
    session.send({ type: 'caller.hungUp' });
  }
  const log = [...session.log()];
  session.stop();
  return log;
}

/** Whether the log holds the entry that ends the call (the server then keeps its figures). */
export const isComplete = (log: readonly CallRecordEvent[]) => log.some((r) => r.after.state === 'ended');

/**
 * Uploads whole logs as the operator's workstation does, and checks every call was stored; a wrap-up
 * given for a call goes in the same batch, after its events.
 */
export async function uploadLogs(
  server: TestServer,
  as: Session,
  organisationId: string,
  logs: readonly (readonly CallRecordEvent[])[],
  wrapUps: ReadonlyMap<string, CallWrapUp> = new Map(),
): Promise<void> {
  // One call a request: a call's start carries the organisation's directory (the body limit is 64 KB).
  for (const log of logs) {
    const callId = log[0]?.callId ?? '';
    const wrapUp = wrapUps.get(callId);
    const calls = [{ callId, events: log, ...(wrapUp ? { wrapUp } : {}) }];
    const res = await server.call('POST', '/api/v1/calls/events', { as, body: { organisationId, calls } });
    expect(res.statusCode, res.body).toBe(200);
    for (const ack of res.json<{ calls: { status: string }[] }>().calls) expect(ack.status).toBe('stored');
  }
}

/** A call that ends (the caller hangs up after a few steps of the appeal flow), the caller giving `callerName`. */
export const endedCall = (
  callId: string,
  operator: OperatorProfile,
  startedAt: number,
  callerName = 'Ольга Ивановна',
) =>
  walkCall({
    callId,
    flow: BUNDLED_FLOWS.find((f) => f.id === 'inbound-appeal-status') ?? BUNDLED_FLOWS[0]!,
    operator,
    startedAt,
    transfersBefore: 0,
    turns: Array.from({ length: 6 }, () => ({ pick: 0, waitS: 20 })),
    hangUp: true,
    callerName,
  });

/** Волков Пётр Ильич (OPERATORS[1]), a second operator of Sverdlovsk added by its administrator, signed in. */
export async function addVolkov(server: TestServer, login: string): Promise<Session> {
  const admin = await server.signInAs(SVERDLOVSK, 'administrator');
  const added = await server.call('POST', '/api/v1/admin/people', {
    as: admin,
    body: {
      login,
      password: 'второй-пароль',
      surname: 'Волков',
      firstName: 'Пётр',
      patronymic: 'Ильич',
      roles: ['operator'],
    },
  });
  expect(added.statusCode, added.body).toBe(201);
  return server.signIn(login, 'второй-пароль');
}

/** Uploads calls' wrap-ups alone (their events went up before), as the outbox sends a later save. */
export async function uploadWrapUps(
  server: TestServer,
  as: Session,
  organisationId: string,
  wrapUps: readonly { callId: string; wrapUp: CallWrapUp }[],
): Promise<void> {
  if (wrapUps.length === 0) return;
  const calls = wrapUps.map((w) => ({ callId: w.callId, events: [], wrapUp: w.wrapUp }));
  const res = await server.call('POST', '/api/v1/calls/events', { as, body: { organisationId, calls } });
  expect(res.statusCode, res.body).toBe(200);
  for (const ack of res.json<{ calls: { status: string }[] }>().calls) expect(ack.status).toBe('stored');
}
