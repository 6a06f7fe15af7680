// The operator's callbacks queue when signed in to a server: the centre's queue, overdue ones said in
// words; offline the last known queue, said so, with taking disabled and the reason given; taking claims
// on the server before the call opens, and a finished callback call closes it there.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/calls/clock';
import { ManualScheduler } from '../../../src/calls/scheduler';
import { CallbacksQueue } from '../../../src/operator/callbacks/CallbacksQueue';
import type { CentreCallback } from '../../../src/protocol';
import { createCentreQueue, type CentreQueueLink } from '../../../src/services/callbacks/centreQueue';
import { flowFrom, loadFlow, OPERATOR, ORG, TINY_FLOW, TUESDAY_1030 } from '../../calls/helpers';
import { FakeController } from '../fakeController';

const FLOWS = [flowFrom(TINY_FLOW), loadFlow('outbound-callback.json')];
const MIN = 60_000;
const ME = 'person-me';

const callback = (id: string, deadline: number, over: Partial<CentreCallback> = {}): CentreCallback => ({
  id,
  callId: `call-${id}`,
  phone: '+79123456789',
  question: `вопрос ${id}`,
  callerName: `Клиент ${id}`,
  appealNumber: null,
  deadline: new Date(deadline).toISOString(),
  outsideHours: false,
  promisedAt: new Date(TUESDAY_1030 - 60 * MIN).toISOString(),
  claim: null,
  ...over,
});

function setup(initial: CentreCallback[]) {
  let queue = initial;
  let link: (l: 'connected' | 'disconnected') => void = () => undefined;
  const requests: string[] = [];
  const fakeLink: CentreQueueLink = {
    list: () => Promise.resolve(queue),
    claim: (id) => {
      requests.push(`claim ${id}`);
      const found = queue.find((c) => c.id === id)!;
      queue = queue.map((c) => (c.id === id ? { ...c, claim: { personId: ME, name: 'Я', until: '' } } : c));
      return Promise.resolve(found);
    },
    release: (id) => (requests.push(`release ${id}`), Promise.resolve()),
    done: (id, callId) => {
      requests.push(`done ${id} ${callId}`);
      queue = queue.filter((c) => c.id !== id);
      return Promise.resolve();
    },
    onChanged: () => () => undefined,
    onLink: (l) => ((link = l), l('connected'), () => undefined),
  };
  const clock = new ManualClock(TUESDAY_1030);
  const controller = new FakeController({
    flows: FLOWS,
    organisation: ORG,
    operator: OPERATOR,
    scheduler: new ManualScheduler(clock),
  });
  const centre = createCentreQueue(fakeLink, () => clock.now());
  render(
    <CallbacksQueue
      db={null}
      controller={controller}
      flows={FLOWS}
      organisation={ORG}
      clock={clock}
      centre={{ queue: centre, personId: ME }}
    />,
  );
  return { controller, requests, drop: () => act(() => link('disconnected')) };
}

const items = () => screen.getAllByTestId('centre-callback');

describe("the centre's callbacks queue", () => {
  it('lists the server queue, saying in words which is overdue and who holds one', async () => {
    setup([
      callback('overdue', TUESDAY_1030 - 5 * MIN),
      callback('held', TUESDAY_1030 + 60 * MIN, {
        claim: { personId: 'boris', name: 'Петров Борис', until: '' },
      }),
    ]);
    await screen.findAllByTestId('centre-callback');
    expect(screen.getByTestId('centre-queue-status').textContent).toContain('Очередь всего центра');
    const [overdue, held] = items();
    expect(overdue!.dataset.status).toBe('overdue');
    expect(overdue!.textContent).toContain('Срок прошёл');
    expect(held!.textContent).toContain('Занимается: Петров Борис');
    expect(within(held!).queryByRole('button', { name: /Взять и позвонить/ })).toBeNull();
    expect(held!.textContent).toContain('Взять нельзя: этим звонком уже занимается Петров Борис.');
  });

  it('shows the last known queue offline, marked so, and disables taking with the reason', async () => {
    const { drop, requests } = setup([callback('a', TUESDAY_1030 + 30 * MIN)]);
    await screen.findAllByTestId('centre-callback');
    drop();
    expect(screen.getByTestId('centre-queue-status').textContent).toBe(
      'Нет связи с сервером. Очередь по последним данным на 10:30; брать звонки можно, когда связь вернётся.',
    );
    const take = within(items()[0]!).getByRole<HTMLButtonElement>('button', {
      name: 'Взять и позвонить: Клиент a, +7 (912) 345-67-89',
    });
    expect(take.disabled).toBe(true);
    expect(take.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(take.getAttribute('aria-describedby')!)!.textContent).toContain(
      'нет связи с сервером',
    );
    fireEvent.click(take);
    expect(requests).toEqual([]);
  });

  it('claims on the server before the call opens, with the question handed over; the call’s end closes it', async () => {
    const { controller, requests } = setup([callback('a', TUESDAY_1030 + 30 * MIN)]);
    await screen.findAllByTestId('centre-callback');
    fireEvent.click(screen.getByRole('button', { name: /Взять и позвонить: Клиент a/ }));
    await waitFor(() => expect(controller.getActive()).not.toBeNull());
    expect(requests).toEqual(['claim a']);
    expect(controller.started[0]).toMatchObject({
      flowId: 'outbound-callback',
      callerPhone: '+79123456789',
      callbackId: 'a',
      callbackDetails: { question: 'вопрос a', callerName: 'Клиент a' },
    });
    const callId = controller.getActive()!.callId;
    await act(() =>
      controller.finish({
        outcome: null,
        summary: '',
        topic: null,
        articlesUsed: [],
        satisfaction: null,
        surveyOffered: false,
      }),
    );
    await waitFor(() => expect(requests).toEqual(['claim a', `done a ${callId}`]));
    await waitFor(() => expect(screen.queryAllByTestId('centre-callback')).toHaveLength(0));
  });
});
