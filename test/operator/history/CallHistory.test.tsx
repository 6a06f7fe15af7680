import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KNOWN_KEY } from '../../../src/services/account/serverProbe';
import { AppContext } from '../../../src/services/AppContext';
import { createCallController, type AppCallController } from '../../../src/services/callOwner/controller';
import { singleTabCallLock } from '../../../src/services/callOwner/lock';
import { ManualClock } from '../../../src/calls/clock';
import { AppDB, type CallRow, newCallRow } from '../../../src/db';
import { CallerHistory } from '../../../src/operator/history/CallerHistory';
import { CallHistory } from '../../../src/operator/history/CallHistory';
import { flowFrom, OPERATOR, ORG, TINY_FLOW, TUESDAY_1030 } from '../../calls/helpers';
import { appContextOf } from '../../helpers/appContext';

const FLOWS = [flowFrom(TINY_FLOW)];
const DAY = 86_400_000;

let n = 0;
const dbs: AppDB[] = [];
const controllers: AppCallController[] = [];
afterEach(async () => {
  controllers.splice(0).forEach((c) => c.dispose());
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

/** A real call through the controller: greeting, name, need, a promised callback, wrap-up. */
async function setup() {
  const db = new AppDB(`history-test-${++n}`);
  dbs.push(db);
  const clock = new ManualClock(TUESDAY_1030);
  const controller = createCallController({
    db,
    organisation: ORG,
    operator: OPERATOR,
    flows: FLOWS,
    clock,
    lock: singleTabCallLock(),
  });
  controllers.push(controller);
  const call = await controller.start({
    flowId: 'tiny',
    direction: 'inbound',
    transfersBefore: 0,
    callerPhone: '+79123456789',
  });
  await call.send({ type: 'operator.choose', optionId: 'go' });
  clock.advance(20_000);
  await call.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
  await call.send({ type: 'operator.choose', optionId: 'go' });
  await call.send({ type: 'operator.capture', fieldId: 'need', value: 'справка о доходах' });
  await call.send({ type: 'operator.choose', optionId: 'go' });
  await call.send({ type: 'operator.choose', optionId: 'yes' });
  await call.send({ type: 'operator.choose', optionId: 'resolved' });
  clock.advance(60_000);
  await call.send({ type: 'operator.finish' });
  clock.advance(30_000);
  await controller.finish({
    outcome: null,
    summary: 'Объяснил, где заказать справку',
    topic: 'documents',
    articlesUsed: ['gen-callback'],
    satisfaction: 4,
    surveyOffered: true,
  });
  return { db, clock, callId: call.callId };
}

function old(id: string, startedAt: number, over: Partial<CallRow> = {}): CallRow {
  return newCallRow({
    id,
    flowId: 'tiny',
    flowVersion: 3,
    direction: 'outbound',
    startedAt,
    endedAt: startedAt + 60_000,
    finishedAt: startedAt + 90_000,
    status: 'ended',
    outcome: 'byDate',
    callerPhone: '+79123456789',
    afterCallMs: 30_000,
    operatorName: 'Смирнова Елена Викторовна',
    transfersBefore: 0,
    endReason: 'farewell',
    ...over,
  });
}

describe('call history', () => {
  it('lists today’s calls and opens a call’s full record: timeline with times, outcome, wrap-up', async () => {
    const { db, clock } = await setup();
    await db.calls.add(old('yesterday', TUESDAY_1030 - DAY));
    render(<CallHistory db={db} flows={FLOWS} timeZone={ORG.timeZone} clock={clock} />);
    const list = await screen.findByTestId('call-list');
    expect(list.querySelectorAll('li')).toHaveLength(1);
    expect(list.textContent).toContain('10:30 · Входящий · Ольга Ивановна, +7 (912) 345-67-89');
    expect(list.textContent).toContain('Вопрос решён');

    fireEvent.click(screen.getByRole('button', { name: 'За неделю' }));
    await waitFor(() => expect(screen.getByTestId('call-list').querySelectorAll('li')).toHaveLength(2));
    expect(screen.getByTestId('call-list').textContent).toContain('Будет решён к сроку');

    fireEvent.click(screen.getByRole('button', { name: 'Сегодня' }));
    await waitFor(() => expect(screen.getByTestId('call-list').querySelectorAll('li')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: /Ольга Ивановна/ }));
    const timeline = await screen.findByTestId('call-timeline');
    const lines = [...timeline.querySelectorAll('li')].map((li) => li.textContent);
    expect(lines[0]).toBe('10:30 Начало звонка');
    expect(lines).toContain('10:30 Записано: Имя и отчество: Ольга Ивановна');
    expect(lines).toContain('10:31 Завершение разговора');
    expect(screen.getByTestId('call-record-outcome').textContent).toBe('Вопрос решён');
    const wrapUp = screen.getByTestId('call-record-wrapup').textContent;
    expect(wrapUp).toContain('Объяснил, где заказать справку');
    expect(wrapUp).toContain('Оценка клиента: 4 из 5');
    expect(wrapUp).toContain('Работа после звонка: 30 с');
    fireEvent.click(screen.getByRole('button', { name: 'К списку звонков' }));
    await screen.findByTestId('call-list');
  });
});

describe("supervisors' comments in the history (signed in to a centre)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    localStorage.clear();
  });
  const signedIn = () =>
    localStorage.setItem(
      KNOWN_KEY,
      JSON.stringify({ person: { id: 'anna', roles: ['operator'] }, organisation: { id: 'org' } }),
    );
  const openRecord = async () => {
    const { db, clock, callId } = await setup();
    render(<CallHistory db={db} flows={FLOWS} timeZone={ORG.timeZone} clock={clock} />);
    await screen.findByTestId('call-list');
    fireEvent.click(screen.getByRole('button', { name: /Ольга Ивановна/ }));
    return callId;
  };

  it("shows the comments on the operator's own call, read from the server", async () => {
    signedIn();
    const asked: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      asked.push(url);
      const body = {
        callId: 'any',
        call: null,
        events: [],
        comments: [
          {
            id: 'k1',
            author: 'Кузнецов Игорь Павлович',
            body: 'Хорошо переспросили вопрос.',
            at: TUESDAY_1030 + DAY / 24,
          },
        ],
      };
      return Promise.resolve(
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      );
    });
    const callId = await openRecord();
    const comments = await screen.findByTestId('call-comments', {}, { timeout: 10_000 });
    expect(comments.textContent).toContain('Хорошо переспросили вопрос.');
    expect(comments.textContent).toContain('Кузнецов Игорь Павлович');
    expect(asked).toEqual([`/api/v1/supervision/calls/${callId}`]);
  });

  it('says the comments need the connection when the server cannot be reached', async () => {
    signedIn();
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await openRecord();
    expect(
      await screen.findByText(
        'Комментарии руководителя видны, когда есть связь с сервером.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
  });
});

describe('caller history', () => {
  function withApp(db: AppDB, children: React.ReactNode) {
    const value = appContextOf(db);
    return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
  }

  it('shows earlier calls of the same phone with outcomes, and the callbacks still promised to them', async () => {
    const { db, clock, callId } = await setup();
    await db.calls.add(old('earlier', TUESDAY_1030 - 2 * DAY));
    await db.callbacks.add({
      id: 'cb',
      callId: 'earlier',
      flowId: 'tiny',
      organisationId: ORG.id,
      phone: '+79123456789',
      deadline: TUESDAY_1030 + 3_600_000,
      question: 'статус заявления',
      callerName: null,
      appealNumber: null,
      createdAt: TUESDAY_1030 - 2 * DAY,
      outsideHours: false,
      status: 'open',
      attempts: [],
      dueAt: TUESDAY_1030 + 3_600_000,
      doneAt: null,
      doneByCallId: null,
    });
    render(
      withApp(db, <CallerHistory phone="+79123456789" excludeCallId={callId} flows={FLOWS} clock={clock} />),
    );
    const box = await screen.findByTestId('caller-history');
    expect(box.querySelectorAll('[data-testid="call-list"] li')).toHaveLength(1);
    expect(box.textContent).toContain('Будет решён к сроку');
    expect(box.textContent).toContain('статус заявления — перезвонить до 11:30 сегодня');
  });

  it('finds a caller by name when there is no phone, and shows nothing for a stranger', async () => {
    const { db } = await setup();
    const { unmount } = render(withApp(db, <CallerHistory name="ольга  ивановна" flows={FLOWS} />));
    expect((await screen.findByTestId('caller-history')).textContent).toContain('Вопрос решён');
    unmount();
    render(withApp(db, <CallerHistory phone="+79990000000" flows={FLOWS} />));
    await new Promise((r) => setTimeout(r, 100));
    expect(screen.queryByTestId('caller-history')).toBeNull();
  });
});
