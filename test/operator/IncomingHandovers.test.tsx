// A call handed over by a colleague, on the receiving operator's screen: offered with the caller card,
// the need, the notes and the transfers so far (the system's answer, not the operator's); refetched when
// the centre names this operator; accepting starts the call here from it and tells the server which call.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/calls/clock';
import { ManualScheduler } from '../../src/calls/scheduler';
import { IncomingHandovers } from '../../src/operator/IncomingHandovers';
import type { HandoverOffer } from '../../src/protocol';
import { createHandoverInbox } from '../../src/services/handovers/handoverInbox';
import { flowFrom, OPERATOR, ORG, TINY_FLOW, TUESDAY_1030 } from '../calls/helpers';
import { FakeController } from './fakeController';

const FLOW = flowFrom(TINY_FLOW);
const ME = 'person-me';
const OFFER: HandoverOffer = {
  id: 'first:transfer:0',
  fromCallId: 'first',
  chainId: 'first',
  recipientPersonId: ME,
  colleagueId: 'sv-kovaleva',
  caller: { name: 'Ольга Ивановна', phone: '+79123456789', person: null, care: [] },
  need: 'запись на приём',
  notes: 'просит четверг',
  transfers: 1,
  at: TUESDAY_1030,
  fromOperator: 'Смирнова Анна Сергеевна',
};

function setup() {
  let offers: HandoverOffer[] = [];
  let offered: (recipient: string) => void = () => undefined;
  const accepted: [string, string][] = [];
  const inbox = createHandoverInbox(
    {
      list: () => Promise.resolve(offers),
      accept: (id, callId) => {
        accepted.push([id, callId]);
        offers = offers.filter((o) => o.id !== id);
        return Promise.resolve();
      },
      onOffered: (l) => ((offered = l), () => undefined),
      onLink: (l) => (l('connected'), () => undefined),
    },
    ME,
  );
  const controller = new FakeController({
    flows: [FLOW],
    organisation: ORG,
    operator: OPERATOR,
    scheduler: new ManualScheduler(new ManualClock(TUESDAY_1030)),
  });
  render(<IncomingHandovers inbox={inbox} controller={controller} flow={FLOW} />);
  return {
    controller,
    accepted,
    offer: (recipient: string, next: HandoverOffer[]) => {
      offers = next;
      act(() => offered(recipient));
    },
  };
}

describe('incoming handovers', () => {
  it('offers a call handed over to this operator, with what the caller already said and the count', async () => {
    const { offer } = setup();
    offer('someone-else', [OFFER]);
    expect(screen.queryByTestId('handover-offer')).toBeNull();
    offer(ME, [OFFER]);
    const card = await screen.findByTestId('handover-offer');
    expect(card.textContent).toContain('Переключил(а): Смирнова Анна Сергеевна');
    expect(card.textContent).toContain('Ольга Ивановна, +7 (912) 345-67-89');
    expect(card.textContent).toContain('Вопрос: запись на приём');
    expect(card.textContent).toContain('Что сказал коллега: просит четверг');
    expect(card.textContent).toContain('Звонок уже переключали: 1 раз (заполнено системой)');
  });

  it('starts the call here from the handover and tells the server which call took it on', async () => {
    const { offer, controller, accepted } = setup();
    offer(ME, [OFFER]);
    fireEvent.click(
      await screen.findByRole('button', { name: 'Принять звонок: Ольга Ивановна, +7 (912) 345-67-89' }),
    );
    await waitFor(() => expect(accepted).toHaveLength(1));
    expect(controller.started[0]).toMatchObject({
      transfersBefore: 1,
      callerPhone: '+79123456789',
      handover: {
        id: OFFER.id,
        chainId: 'first',
        prefills: [
          ['callerName', 'Ольга Ивановна'],
          ['need', 'запись на приём'],
        ],
      },
    });
    expect(accepted[0]).toEqual([OFFER.id, controller.getActive()!.callId]);
    await waitFor(() => expect(screen.queryByTestId('handover-offer')).toBeNull());
  });

  it('says at the cap that the call cannot be transferred further', async () => {
    const { offer } = setup();
    offer(ME, [{ ...OFFER, transfers: 2 }]);
    const card = await screen.findByTestId('handover-offer');
    expect(card.textContent).toContain('Звонок уже переключали: 2 раза (заполнено системой)');
    expect(card.textContent).toContain('дальше переключить звонок нельзя');
  });
});
