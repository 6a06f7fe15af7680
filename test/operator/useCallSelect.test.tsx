import 'fake-indexeddb/auto';
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createCallController, type AppCallController } from '../../src/services/callOwner/controller';
import { webCallLock } from '../../src/services/callOwner/lock';
import { startCall, type CallSession } from '../../src/calls';
import { ManualScheduler } from '../../src/calls/scheduler';
import { AppDB } from '../../src/db';
import { CallControllerProvider } from '../../src/services/callOwner/CallControllerContext';
import { useCallSelect } from '../../src/operator/useCallSelect';
import { FakeLockManager } from '../services/callOwner/fakeLocks';
import { holdWrites } from '../services/callOwner/holdWrites';
import { flowFrom, OPERATOR, ORG, TINY_FLOW } from '../calls/helpers';

const FLOW = flowFrom(TINY_FLOW);
const clock = { now: () => Date.now() };
const cleanup: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function StepShown({ session }: { session: CallSession }) {
  const step = useCallSelect(session, (s) => s.context.stepId);
  const name = useCallSelect(session, (s) => s.context.fields.callerName ?? '');
  return (
    <p data-testid="step">
      {step} {name}
    </p>
  );
}

async function storedController(): Promise<{ db: AppDB; controller: AppCallController }> {
  const db = new AppDB(`use-call-select-${Math.random()}`);
  const controller = createCallController({
    db,
    organisation: ORG,
    operator: OPERATOR,
    flows: [FLOW],
    clock,
    lock: webCallLock(new FakeLockManager()),
    saveFile: () => {},
  });
  cleanup.push(() => db.delete());
  cleanup.push(() => controller.dispose());
  await controller.ready;
  return { db, controller };
}

describe('the call screen shows only what is stored', () => {
  it('keeps the step on screen until the event that moved the call on is stored', async () => {
    const { db, controller } = await storedController();
    const call = await controller.start({ flowId: 'tiny', direction: 'inbound', transfersBefore: 0 });
    render(
      <CallControllerProvider value={{ controller, catalog: { flows: [FLOW], invalid: [] } }}>
        <StepShown session={call.session} />
      </CallControllerProvider>,
    );
    expect(screen.getByTestId('step').textContent).toBe('hello ');

    const held = holdWrites(db);
    let sent: Promise<unknown> = Promise.resolve();
    await act(async () => {
      sent = call.send({ type: 'operator.choose', optionId: 'go' });
      await new Promise((r) => setTimeout(r, 30));
    });
    expect(call.session.getSnapshot().context.stepId).toBe('who');
    expect(screen.getByTestId('step').textContent).toBe('hello ');
    expect(await db.callEvents.count()).toBe(1);

    await act(async () => {
      held.release();
      await sent;
    });
    expect(screen.getByTestId('step').textContent).toBe('who ');
    expect(await db.callEvents.count()).toBe(2);

    // Each answer follows its own stored event.
    await act(() => call.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' }));
    expect(screen.getByTestId('step').textContent).toBe('who Ольга Ивановна');
  });

  it('follows the engine directly for a call nothing is stored for (the editor sandbox)', () => {
    const session = startCall({
      flow: FLOW,
      clock,
      scheduler: new ManualScheduler(),
      start: {
        callId: 'sandbox-1',
        organisation: ORG,
        operator: OPERATOR,
        transfersBefore: 0,
        direction: 'inbound',
      },
    });
    cleanup.push(() => session.stop());
    render(<StepShown session={session} />);
    expect(screen.getByTestId('step').textContent).toBe('hello ');
    act(() => {
      session.send({ type: 'operator.choose', optionId: 'go' });
    });
    expect(screen.getByTestId('step').textContent).toBe('who ');
  });
});
