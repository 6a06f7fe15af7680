import { act, fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppContext } from '../../src/services/AppContext';
import { AppDB } from '../../src/db';
import { Sandbox } from '../../src/editor/Sandbox';
import { OperatorWorkspace } from '../../src/operator/OperatorWorkspace';
import { CallScreenProvider } from '../../src/services/callScreenSlot';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';
import { line, press, typeAndEnter } from '../operator/workspace';
import { appContextOf } from '../helpers/appContext';

function minimal(): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  return r.flow;
}

const appWith = appContextOf;

describe('the sandbox', () => {
  it('runs the draft on the operator screen, moves time on request, and stores no call', async () => {
    const db = new AppDB(`sandbox-${Math.random()}`);
    const app = appWith(db);
    const flow = minimal();
    render(
      <AppContext.Provider value={app}>
        <CallScreenProvider value={OperatorWorkspace}>
          <Sandbox flow={flow} publishable />
        </CallScreenProvider>
      </AppContext.Provider>,
    );
    await press('F2');
    expect(line()).toContain('Смирнова Елена Викторовна');

    const clock = () => screen.getByTestId('sandbox-clock').textContent ?? '';
    const before = clock();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '+5 мин' }));
    });
    const minutes = (text: string) => {
      const [h, m] = (/(\d\d):(\d\d)/.exec(text) ?? []).slice(1).map(Number);
      return (h ?? 0) * 60 + (m ?? 0);
    };
    expect((minutes(clock()) - minutes(before) + 1440) % 1440).toBe(5);
    expect(await db.calls.count()).toBe(0);
    expect(await db.callEvents.count()).toBe(0);
    await db.delete();
  });

  it('lets the editor see a hold run out by moving the sandbox clock', async () => {
    const raw: unknown = JSON.parse(readFileSync('scripts-flows/inbound-consultation.json', 'utf8'));
    const restored = restoreFlow(raw);
    if (!restored.ok) throw new Error('sample broken');
    render(
      <AppContext.Provider value={appWith(null)}>
        <CallScreenProvider value={OperatorWorkspace}>
          <Sandbox flow={restored.flow} publishable />
        </CallScreenProvider>
      </AppContext.Provider>,
    );
    await press('F2');
    await press('Digit1');
    await press('KeyN');
    await typeAndEnter('Ольга Ивановна');
    await press('Digit1');
    await press('KeyN');
    await typeAndEnter('как записаться на личный приём');
    await press('Digit1');
    await press('Digit1');
    await press('Digit2'); // needs looking up: ask to wait
    await press('KeyH');
    await press('Digit2');
    await press('Enter');
    expect(screen.getByTestId('hold-countdown').textContent).toContain('2:00');
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '+5 мин' }));
    });
    expect(screen.getByRole('alert').textContent).toContain('Обещанное время вышло');
  });

  it('refuses to run a draft that has errors', () => {
    render(
      <AppContext.Provider value={appWith(null)}>
        <Sandbox flow={minimal()} publishable={false} />
      </AppContext.Provider>,
    );
    expect(screen.getByRole('status').textContent).toContain('Исправьте ошибки');
  });
});
