// Transfers that carry the call: a transfer to a colleague who uses Sufler hands over the caller's card,
// the need, the notes and the count; the colleague's call starts from it with the count continued (the
// system answers «Звонок уже переключали»), and at the cap a further transfer is refused there too.
import { describe, expect, it } from 'vitest';
import { handoverStart, handoverRefusal } from '../../src/calls/handover';
import type { Organisation } from '../../src/calls/organisation';
import { handoverOfLog } from '../../src/calls/replay';
import { harness, ORG, toAnswer } from './helpers';

const BORIS = '0b7f4a5e-1111-4222-8333-944455556666';
/** The sample directory, where Ковалева (reception) has a Sufler account. */
const WITH_ACCOUNT: Organisation = {
  ...ORG,
  departments: ORG.departments.map((d) => ({
    ...d,
    colleagues: d.colleagues.map((c) => (c.id === 'sv-kovaleva' ? { ...c, personId: BORIS } : c)),
  })),
};
const KOVALEVA = { kind: 'colleague', id: 'sv-kovaleva' } as const;

function transferredCall(
  opts: { transfersBefore?: number; target?: typeof KOVALEVA | { kind: 'department'; id: string } } = {},
) {
  const h = harness(undefined, {
    org: WITH_ACCOUNT,
    callerPhone: '+79123456789',
    transfersBefore: opts.transfersBefore ?? 0,
  });
  toAnswer(h);
  h.session.send({ type: 'operator.capture', fieldId: 'need', value: 'запись на приём к министру' });
  h.session.send({ type: 'operator.careFlags', flags: ['hearing'] });
  const sent = h.session.send({
    type: 'operator.transfer',
    target: opts.target ?? KOVALEVA,
    summary: 'просит записать на четверг',
  });
  return { h, sent };
}

describe('handover of a transferred call', () => {
  it('hands over the caller card, the need, the notes and the count to the colleague who uses Sufler', () => {
    const { h } = transferredCall();
    const handover = handoverOfLog(h.flow, h.session.log());
    expect(handover).toEqual({
      id: 'call-1:transfer:0',
      fromCallId: 'call-1',
      chainId: 'call-1',
      recipientPersonId: BORIS,
      colleagueId: 'sv-kovaleva',
      caller: { name: 'Ольга Ивановна', phone: '+79123456789', person: null, care: ['hearing'] },
      need: 'запись на приём к министру',
      notes: 'просит записать на четверг',
      transfers: 1,
      at: expect.any(Number),
      fromOperator: expect.stringMatching(/\S/),
    });
  });

  it('hands over nothing for a department or a colleague without an account', () => {
    const toDepartment = transferredCall({ target: { kind: 'department', id: 'reception' } });
    expect(handoverOfLog(toDepartment.h.flow, toDepartment.h.session.log())).toBeNull();
    const h = harness(undefined, { callerPhone: '+79123456789' });
    toAnswer(h);
    h.session.send({ type: 'operator.transfer', target: KOVALEVA, summary: 'вопрос' });
    expect(handoverOfLog(h.flow, h.session.log())).toBeNull();
  });

  it("starts the colleague's call with the count continued, the caller known, and the chain carried on", () => {
    const first = handoverOfLog(transferredCall().h.flow, transferredCall().h.session.log())!;
    const start = handoverStart(first);
    expect(start).toEqual({
      transfersBefore: 1,
      callerPhone: '+79123456789',
      handover: { id: first.id, chainId: 'call-1' },
      prefills: [
        ['callerName', 'Ольга Ивановна'],
        ['need', 'запись на приём к министру'],
      ],
    });
    // The colleague's call, transferred on once more: still the same client call, now at the cap.
    const second = harness(undefined, {
      callId: 'call-2',
      org: WITH_ACCOUNT,
      callerPhone: '+79123456789',
      transfersBefore: start.transfersBefore,
      handover: start.handover,
    });
    toAnswer(second);
    second.session.send({ type: 'operator.transfer', target: KOVALEVA, summary: 'дальше' });
    const next = handoverOfLog(second.flow, second.session.log())!;
    expect(next).toMatchObject({ chainId: 'call-1', transfers: 2, fromCallId: 'call-2' });
    expect(handoverRefusal(next)).toBeNull();

    // Received at the cap: a third transfer is refused on the receiving side.
    const third = harness(undefined, {
      callId: 'call-3',
      org: WITH_ACCOUNT,
      transfersBefore: handoverStart(next).transfersBefore,
      handover: handoverStart(next).handover,
    });
    toAnswer(third);
    const refused = third.session.send({ type: 'operator.transfer', target: KOVALEVA, summary: 'ещё раз' });
    expect(refused.notice).toMatchObject({ code: 'transferLimitReached' });
    expect(handoverOfLog(third.flow, third.session.log())).toBeNull();
    expect(handoverRefusal({ transfers: 3 })).toBe('transferLimitReached');
  });
});
