// Renders the operator workspace with a fake controller over the real engine, and drives it by keys.
import { act, fireEvent, render, screen } from '@testing-library/react';
import { AppContext } from '../../src/services/AppContext';
import { bundledFlows, type FlowCatalog } from '../../src/services/flowCatalog';
import { sverdlovskDigital } from '../../src/calls/samples/sverdlovskDigital';
import { ManualClock } from '../../src/calls/clock';
import { ManualScheduler } from '../../src/calls/scheduler';
import type { ActiveCall } from '../../src/services/callOwner/types';
import { CallControllerProvider } from '../../src/services/callOwner/CallControllerContext';
import { loadCallPanels } from '../../src/operator/lazyPanels';
import type { KnowledgeSource } from '../../src/services/kbSync';
import { OperatorWorkspace } from '../../src/operator/OperatorWorkspace';
import { FakeController } from './fakeController';
import { appContextOf } from '../helpers/appContext';
import { OPERATOR, TUESDAY_1030 } from '../calls/helpers';

export { OPERATOR, TUESDAY_1030 };

export const catalog = bundledFlows();

export function setup(
  opts: {
    readOnly?: boolean;
    heldElsewhere?: boolean;
    storage?: ActiveCall['storage'];
    committedScreen?: boolean;
    knowledge?: KnowledgeSource;
    flows?: FlowCatalog;
  } = {},
) {
  const { knowledge = null, flows = catalog, ...callOpts } = opts;
  const clock = new ManualClock(TUESDAY_1030);
  const scheduler = new ManualScheduler(clock);
  const controller = new FakeController({
    flows: flows.flows,
    organisation: sverdlovskDigital,
    operator: OPERATOR,
    scheduler,
    ...callOpts,
  });
  const app = appContextOf(null);
  render(
    <AppContext.Provider value={app}>
      <CallControllerProvider value={{ controller, clock, catalog: flows, knowledge }}>
        <OperatorWorkspace />
      </CallControllerProvider>
    </AppContext.Provider>,
  );
  return { clock, scheduler, controller };
}

const KEYS: Record<string, string> = { Enter: 'Enter', Escape: 'Escape', F1: 'F1', F2: 'F2', F4: 'F4' };

/**
 * Presses a key where focus is, as a keyboard would: code, key and modifiers. On the call screen, the
 * panels' chunk (loaded right after the greeting) is then let in, as it would be long before a person's
 * next key; lazyPanels.test.tsx covers a key that comes before it.
 */
export async function press(code: string, mods: { shift?: boolean; ctrl?: boolean } = {}) {
  const key = KEYS[code] ?? code.replace(/^Digit|^Key/, '').toLowerCase();
  const target = document.activeElement ?? document.body;
  // The screen awaits each send before it moves on: let those promises settle inside act.
  await act(async () => {
    fireEvent.keyDown(target, { code, key, shiftKey: mods.shift ?? false, ctrlKey: mods.ctrl ?? false });
    await Promise.resolve();
  });
  if (document.querySelector('.call-screen'))
    await act(async () => {
      await loadCallPanels();
    });
}

/** Types into the focused field (the keyboard's characters), then leaves it with Enter. */
export async function typeAndEnter(value: string) {
  const field = document.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement))
    throw new Error(`focus is on ${field?.tagName ?? 'nothing'}, not a field`);
  await act(async () => {
    fireEvent.change(field, { target: { value } });
    await Promise.resolve();
  });
  await press('Enter');
}

export const line = () => screen.getByTestId('line-to-say').textContent;
