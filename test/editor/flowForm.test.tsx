import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FlowEditor } from '../../src/editor/FlowEditor';
import { FlowFormView } from '../../src/editor/FlowFormView';
import { AppDB } from '../../src/db';
import { getDraft, listFlowVersions, seedBundledFlows } from '../../src/db/editor';
import { checkDraft } from '../../src/flows/edit';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';

function minimal(): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  return r.flow;
}

function Harness({ initial }: { initial: FlowDefinition }) {
  const [flow, setFlow] = useState(initial);
  const [selected, setSelected] = useState<string | null>('needs');
  const { issues } = checkDraft(flow);
  return (
    <FlowFormView
      flow={flow}
      edit={(change) => setFlow(change)}
      issues={issues}
      selected={selected}
      onSelect={setSelected}
    />
  );
}

describe('the flow form', () => {
  it('shows an unknown variable under the line, and the preview with sample values once fixed', () => {
    render(<Harness initial={minimal()} />);
    const say = screen.getByLabelText('Реплика оператора');
    fireEvent.change(say, { target: { value: '{{caller.nmae}}, слушаю вас.' } });
    expect(document.getElementById('ed-step-needs-say-issues')?.textContent).toContain('caller.nmae');
    expect(say.getAttribute('aria-describedby')).toBe('ed-step-needs-say-issues');

    fireEvent.change(say, { target: { value: '{{caller.name}}, слушаю вас.' } });
    expect(document.getElementById('ed-step-needs-say-issues')).toBeNull();
    expect(screen.getByTestId('ed-step-needs-say-preview').textContent).toContain(
      'Анна Сергеевна, слушаю вас.',
    );
  });

  it('marks the "anything else?" step, which an inbound way to the farewell must pass', () => {
    const unmarked = minimal();
    unmarked.steps = unmarked.steps.map((s) => ({ ...s, checks: [] }));
    let latest = unmarked;
    const asked = () =>
      checkDraft(latest).issues.filter((i) => i.code === 'step.farewellWithoutAskingForMore');
    render(
      <FlowFormView
        flow={unmarked}
        edit={(change) => (latest = change(latest))}
        issues={checkDraft(unmarked).issues}
        selected="needs"
        onSelect={() => {}}
      />,
    );
    expect(asked()).not.toEqual([]);
    fireEvent.click(screen.getByLabelText(/остались ли вопросы/));
    expect(latest.steps.find((s) => s.id === 'needs')?.checks).toEqual(['askedForMore']);
    expect(asked()).toEqual([]);
  });

  it('offers variables after "{{" and inserts the chosen one', () => {
    render(<Harness initial={minimal()} />);
    const say = screen.getByLabelText<HTMLTextAreaElement>('Реплика оператора');
    // The caret is at the end of what was typed.
    fireEvent.change(say, { target: { value: 'Ждём {{hold' } });
    const list = screen.getByRole('listbox');
    expect(within(list).getAllByRole('option')[0]?.textContent).toContain('hold.duration');
    fireEvent.keyDown(say, { key: 'Enter' });
    expect(say.value).toBe('Ждём {{hold.duration}}');
  });

  it('lets the transfer limit be chosen only from 0, 1 and 2', () => {
    render(<Harness initial={minimal()} />);
    fireEvent.click(screen.getByRole('button', { name: 'Сценарий целиком' }));
    const select = screen.getByLabelText<HTMLSelectElement>(/Переключений не больше/);
    expect([...select.options].map((o) => o.value)).toEqual(['0', '1', '2']);
  });
});

describe('the flow editor', () => {
  it('keeps typed changes as a draft and publishes them as the next version', async () => {
    const db = new AppDB(`flow-editor-${Math.random()}`);
    await seedBundledFlows(db, [minimal()], 0);
    render(<FlowEditor db={db} flowId="fixture-minimal" onBack={() => undefined} />);
    await screen.findByRole('heading', { name: minimal().title });
    fireEvent.click(screen.getByRole('button', { name: 'needs' }));
    fireEvent.change(screen.getByLabelText('Реплика оператора'), {
      target: { value: 'Слушаю вас внимательно.' },
    });
    await screen.findByText('Черновик сохранён', {}, { timeout: 2000 });
    expect((await getDraft(db, 'fixture-minimal'))?.draft.steps[2]?.say).toBe('Слушаю вас внимательно.');

    act(() => {
      fireEvent.click(screen.getByRole('button', { name: 'Опубликовать' }));
    });
    await screen.findByText(/Опубликована версия 2/);
    expect((await listFlowVersions(db, 'fixture-minimal')).map((v) => v.version)).toEqual([1, 2]);
    await db.delete();
  });
});
