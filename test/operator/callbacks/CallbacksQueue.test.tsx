import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCallController, type AppCallController } from '../../../src/services/callOwner/controller';
import { singleTabCallLock } from '../../../src/services/callOwner/lock';
import { ManualClock } from '../../../src/calls/clock';
import { AppDB, type CallbackRow } from '../../../src/db';
import { CallbacksQueue } from '../../../src/operator/callbacks/CallbacksQueue';
import { flowFrom, loadFlow, OPERATOR, ORG, TINY_FLOW, TUESDAY_1030 } from '../../calls/helpers';

const FLOWS = [flowFrom(TINY_FLOW), loadFlow('outbound-callback.json')];
const MIN = 60_000;

let n = 0;
const dbs: AppDB[] = [];
const controllers: AppCallController[] = [];
afterEach(async () => {
  controllers.splice(0).forEach((c) => c.dispose());
  vi.unstubAllGlobals();
  await Promise.all(dbs.splice(0).map((db) => db.delete()));
});

function task(id: string, dueAt: number, over: Partial<CallbackRow> = {}): CallbackRow {
  return {
    id,
    callId: `call-${id}`,
    flowId: 'tiny',
    organisationId: ORG.id,
    phone: '+79123456789',
    deadline: dueAt,
    question: `вопрос ${id}`,
    callerName: 'Ольга Ивановна',
    appealNumber: null,
    createdAt: TUESDAY_1030 - 60 * MIN,
    outsideHours: false,
    status: 'open',
    attempts: [],
    dueAt,
    doneAt: null,
    doneByCallId: null,
    ...over,
  };
}

async function setup(tasks: CallbackRow[]) {
  const db = new AppDB(`queue-test-${++n}`);
  dbs.push(db);
  await db.callbacks.bulkAdd(tasks);
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
  await controller.ready;
  render(<CallbacksQueue db={db} controller={controller} flows={FLOWS} organisation={ORG} clock={clock} />);
  await screen.findAllByTestId('callback-item');
  return { db, clock, controller };
}

const items = () => screen.getAllByTestId('callback-item');

describe('callbacks queue', () => {
  it('lists promised callbacks soonest first, marking overdue and due-soon ones in words', async () => {
    await setup([
      task('later', TUESDAY_1030 + 120 * MIN),
      task('overdue', TUESDAY_1030 - 5 * MIN),
      task('soon', TUESDAY_1030 + 10 * MIN),
      task('done', TUESDAY_1030, { status: 'done' }),
    ]);
    expect(items().map((li) => li.dataset.status)).toEqual(['overdue', 'dueSoon', 'later']);
    expect(items()[0]!.textContent).toContain('Срок прошёл');
    expect(items()[1]!.textContent).toContain('Скоро срок');
    expect(items()[2]!.textContent).toContain('вопрос later');
    expect(items()[2]!.textContent).toContain('+7 (912) 345-67-89');
  });

  it('records a busy line as an attempt and moves the callback to a later try', async () => {
    const { db } = await setup([task('a', TUESDAY_1030), task('b', TUESDAY_1030 + 10 * MIN)]);
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Занято' }));
    await waitFor(() => expect(items()[0]!.textContent).toContain('вопрос b'));
    const moved = items()[1]!;
    expect(within(moved).getByTestId('callback-attempts').textContent).toContain('10:30 Занято');
    expect(moved.textContent).toContain('Новый срок: до 10:45 сегодня');
    expect((await db.callbacks.get('a'))?.dueAt).toBe(TUESDAY_1030 + 15 * MIN);
  });

  it('opens the outbound call with the phone, name and question filled in; one call at a time', async () => {
    const { controller } = await setup([task('a', TUESDAY_1030)]);
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Позвонить' }));
    await waitFor(() => expect(controller.getActive()).not.toBeNull());
    const ctx = controller.getActive()!.session.getSnapshot().context;
    expect(ctx.flowId).toBe('outbound-callback');
    expect(ctx.callerPhone).toBe('+79123456789');
    expect(ctx.fields).toMatchObject({ callerName: 'Ольга Ивановна', need: 'вопрос a' });
    await waitFor(() =>
      expect(within(items()[0]!).getByRole<HTMLButtonElement>('button', { name: 'Позвонить' }).disabled).toBe(
        true,
      ),
    );
    expect(screen.getByText('Сначала завершите текущий звонок.')).toBeTruthy();
  });

  it('asks for notification permission only on the button, and says so calmly when refused', async () => {
    const requestPermission = vi.fn(() => Promise.resolve('denied' as const));
    vi.stubGlobal('Notification', Object.assign(vi.fn(), { permission: 'default', requestPermission }));
    await setup([task('a', TUESDAY_1030 + 60 * MIN)]);
    expect(requestPermission).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Сообщать, когда подходит срок' }));
    await screen.findByText(/Уведомления запрещены в настройках браузера/);
    expect(requestPermission).toHaveBeenCalledTimes(1);
  });

  it('notifies once when a callback falls due, without the caller’s name or phone', async () => {
    const shown: { title: string; body: string }[] = [];
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = () => Promise.resolve('granted');
      constructor(title: string, options: { body: string }) {
        shown.push({ title, body: options.body });
      }
    }
    vi.stubGlobal('Notification', FakeNotification);
    const { clock } = await setup([task('overdue', TUESDAY_1030 - MIN), task('a', TUESDAY_1030 + 2 * MIN)]);
    expect(screen.getByTestId('notify-status').textContent).toContain('включены');
    act(() => clock.advance(3 * MIN));
    await waitFor(() => expect(shown).toHaveLength(1), { timeout: 2500 });
    expect(shown[0]!.title).toBe('Пора перезвонить');
    expect(shown[0]!.body).toContain('10:32');
    expect(shown[0]!.body).not.toMatch(/Ольга|912/);
    await new Promise((r) => setTimeout(r, 1100));
    expect(shown).toHaveLength(1);
  });
});
