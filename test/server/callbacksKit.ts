// A real call log that promises a callback, made by the engine itself (not written by hand), for the
// server's tests and bench: the server must file the callback from exactly what a workstation uploads.
import { ManualClock } from '../../src/calls/clock';
import type { CallEventBatch } from '../../src/protocol';
import { murmanskSport } from '../../src/calls/samples/murmanskSport';
import { ManualScheduler } from '../../src/calls/scheduler';
import { startCall } from '../../src/calls/session';
import { OPERATOR } from '../calls/helpers';
import { FLOW } from './callEventsKit';

/** Tuesday 24 November 2026, 10:30 in Moscow (murmansk-sport's time zone): within working hours. */
export const PROMISED_AT = Date.UTC(2026, 10, 24, 7, 30);
const HOUR = 3_600_000;

export interface PromisingCall {
  callId: string;
  /** The call's record as its workstation uploads it. */
  log: CallEventBatch['calls'][number]['events'];
  /** The id the callback is filed under (the workstation's task id). */
  callbackId: string;
  deadline: number;
}

/** A consultation in murmansk-sport that ends in a promised callback to +7 912 345-67-89. */
export function callPromisingCallback(
  callId: string,
  question = 'как записаться в секцию плавания',
): PromisingCall {
  const clock = new ManualClock(PROMISED_AT);
  const session = startCall({
    flow: FLOW,
    clock,
    scheduler: new ManualScheduler(clock),
    start: { callId, organisation: murmanskSport, operator: OPERATOR, transfersBefore: 0 },
  });
  const deadline = PROMISED_AT + 2 * HOUR;
  session.send({ type: 'operator.choose', optionId: 'continue' });
  session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
  session.send({ type: 'operator.choose', optionId: 'known' });
  session.send({ type: 'operator.capture', fieldId: 'need', value: question });
  session.send({ type: 'operator.choose', optionId: 'clear' });
  session.send({ type: 'operator.choose', optionId: 'yes' });
  const promised = session.send({ type: 'operator.callback', phone: '8 912 345 67 89', deadline });
  if (promised.notice) throw new Error(`the engine refused the callback: ${promised.notice.code}`);
  // The upload is the record as JSON (what the outbox holds and sends).
  const log: PromisingCall['log'] = JSON.parse(JSON.stringify(session.log()));
  session.stop();
  return { callId, log, callbackId: `${callId}:callback`, deadline };
}

/** murmansk-sport's directory where Морозова (org-info) uses Sufler as `personId`. */
function withAccount(personId: string) {
  return {
    ...murmanskSport,
    departments: murmanskSport.departments.map((d) => ({
      ...d,
      colleagues: d.colleagues.map((c) => (c.id === 'mu-morozova' ? { ...c, personId } : c)),
    })),
  };
}

/**
 * A consultation in murmansk-sport transferred to Морозова, whose Sufler account is `personId`: the call
 * a workstation uploads. `received` starts it from an earlier handover (the count and chain continued);
 * `connected`: the colleague picked up, which ends the call.
 */
export function callTransferring(
  callId: string,
  personId: string,
  received?: { transfersBefore: number; handover: { id: string; chainId: string } },
  connected = false,
): PromisingCall['log'] {
  const clock = new ManualClock(PROMISED_AT);
  const session = startCall({
    flow: FLOW,
    clock,
    scheduler: new ManualScheduler(clock),
    start: {
      callId,
      organisation: withAccount(personId),
      operator: OPERATOR,
      transfersBefore: received?.transfersBefore ?? 0,
      ...(received ? { handover: received.handover } : {}),
    },
  });
  session.send({ type: 'operator.choose', optionId: 'continue' });
  session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
  session.send({ type: 'operator.choose', optionId: 'known' });
  session.send({ type: 'operator.capture', fieldId: 'need', value: 'жалоба на тренера' });
  session.send({ type: 'operator.choose', optionId: 'clear' });
  session.send({ type: 'operator.choose', optionId: 'yes' });
  session.send({
    type: 'operator.transfer',
    target: { kind: 'colleague', id: 'mu-morozova' },
    summary: 'жалоба, просит перезвонить вечером',
  });
  if (connected) session.send({ type: 'transfer.connected' });
  const log: PromisingCall['log'] = JSON.parse(JSON.stringify(session.log()));
  session.stop();
  return log;
}
