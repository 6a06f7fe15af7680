// Ids of the centre's things for routeAccess.test.ts, made the way the server makes them: from the
// events an operator's workstation uploads (a promised callback, a handover), in either sample
// organisation, so the same maker serves a row and its case for another organisation.
import { expect } from 'vitest';
import { ManualClock } from '../../src/calls/clock';
import { SAMPLE_ORGANISATIONS } from '../../src/calls/samples';
import { ManualScheduler } from '../../src/calls/scheduler';
import { startCall } from '../../src/calls/session';
import type { CallEventBatch } from '../../src/protocol';
import { OPERATOR } from '../calls/helpers';
import { batch, callEvents, FLOW } from './callEventsKit';
import { callPromisingCallback, callTransferring, PROMISED_AT } from './callbacksKit';
import type { TestServer } from './serverHarness';

type Log = CallEventBatch['calls'][number]['events'];
const TARGET_PASSWORD = 'пароль-передающего-1';

async function upload(server: TestServer, organisationId: string, callId: string, log: Log, login?: string) {
  const as = login
    ? await server.signIn(login, TARGET_PASSWORD)
    : await server.signInAs(organisationId, 'operator');
  const res = await server.call('POST', '/api/v1/calls/events', {
    as,
    body: batch(organisationId, [callId, log]),
  });
  expect(res.json(), res.body).toMatchObject({ calls: [{ status: 'stored', added: log.length }] });
}

/**
 * callbacksKit's callPromisingCallback for any sample organisation: the server files a callback only
 * from a call of the organisation that uploads it, and that kit's call is murmansk-sport's.
 */
function promisingCallOf(organisationId: string, callId: string): Log {
  const organisation = SAMPLE_ORGANISATIONS.find((o) => o.id === organisationId);
  if (!organisation) throw new Error(`no sample organisation ${organisationId}`);
  const clock = new ManualClock(PROMISED_AT);
  const session = startCall({
    flow: FLOW,
    clock,
    scheduler: new ManualScheduler(clock),
    start: { callId, organisation, operator: OPERATOR, transfersBefore: 0 },
  });
  session.send({ type: 'operator.choose', optionId: 'continue' });
  session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
  session.send({ type: 'operator.choose', optionId: 'known' });
  session.send({ type: 'operator.capture', fieldId: 'need', value: 'как записаться на приём' });
  session.send({ type: 'operator.choose', optionId: 'clear' });
  session.send({ type: 'operator.choose', optionId: 'yes' });
  const promised = session.send({
    type: 'operator.callback',
    phone: '8 912 345 67 89',
    deadline: PROMISED_AT + 7_200_000,
  });
  if (promised.notice) throw new Error(`the engine refused the callback: ${promised.notice.code}`);
  const log: Log = JSON.parse(JSON.stringify(session.log()));
  session.stop();
  return log;
}

/** A callback the organisation's operator promised in a call (filed by the server from its events). */
export async function newCallback(server: TestServer, organisationId: string, n: number): Promise<string> {
  const callId = `access-cb-${n}`;
  const log =
    organisationId === 'murmansk-sport'
      ? callPromisingCallback(callId).log
      : promisingCallOf(organisationId, callId);
  await upload(server, organisationId, callId, log);
  const id = `${callId}:callback`;
  const filed = await server.db
    .selectFrom('callbacks')
    .select('organisation_id')
    .where('id', '=', id)
    .executeTakeFirst();
  expect(filed?.organisation_id).toBe(organisationId);
  return id;
}

/** Such a callback, claimed by the organisation's operator (who alone may give it back). */
export async function claimedCallback(
  server: TestServer,
  organisationId: string,
  n: number,
): Promise<string> {
  const id = await newCallback(server, organisationId, n);
  const res = await server.call('POST', `/api/v1/callbacks/${encodeURIComponent(id)}/claim`, {
    as: await server.signInAs(organisationId, 'operator'),
    body: {},
  });
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

/**
 * A call handed over to the organisation's operator (the sample account) by a colleague of theirs who
 * transferred it: the handover the server filed from the colleague's upload, offered to that operator.
 */
export async function newHandover(server: TestServer, organisationId: string, n: number): Promise<string> {
  const admin = await server.signInAs(organisationId, 'administrator');
  const login = `handing.${organisationId}.${n}`;
  const created = await server.call('POST', '/api/v1/admin/people', {
    as: admin,
    body: { login, password: TARGET_PASSWORD, surname: 'Передающая', firstName: 'Тест', roles: ['operator'] },
  });
  expect(created.statusCode, created.body).toBe(201);
  const recipient = await server.signInAs(organisationId, 'operator');
  const callId = `access-ho-${n}`;
  await upload(server, organisationId, callId, callTransferring(callId, recipient.personId), login);
  const id = `${callId}:transfer:0`;
  const filed = await server.db
    .selectFrom('handovers')
    .select(['organisation_id', 'recipient_person_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  expect(filed).toEqual({ organisation_id: organisationId, recipient_person_id: recipient.personId });
  return id;
}

/** A call the organisation's operator made (two events held; the supervisors' routes read it). */
export async function operatorsCall(server: TestServer, organisationId: string, n: number): Promise<string> {
  const callId = `access-seen-${n}`;
  await upload(server, organisationId, callId, callEvents(callId, 0, 1));
  return callId;
}
