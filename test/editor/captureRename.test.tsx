import { fireEvent, render, screen } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { FlowFormView } from '../../src/editor/FlowFormView';
import { addField, checkDraft, updateField, updateStep } from '../../src/flows/edit';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';

function withInn(): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  let flow = addField(r.flow, 'needs');
  flow = updateField(flow, 'needs', 1, { id: 'inn', label: 'ИНН' });
  return updateStep(flow, 'needs', { say: 'Назовите, пожалуйста, ИНН. Записал: {{fields.inn}}.' });
}

function Harness({ initial, seen }: { initial: FlowDefinition; seen: FlowDefinition[] }) {
  const [flow, setFlow] = useState(initial);
  const { issues } = checkDraft(flow);
  return (
    <FlowFormView
      flow={flow}
      edit={(change) =>
        setFlow((f) => {
          const next = change(f);
          seen.push(next);
          return next;
        })
      }
      issues={issues}
      selected="needs"
      onSelect={() => undefined}
    />
  );
}

const idInput = () => document.getElementById('ed-step-needs-capture_1_.id');

describe('renaming a captured field in the form', () => {
  it('carries the new id into the line when the editor leaves the control, in one edit', () => {
    const seen: FlowDefinition[] = [];
    render(<Harness initial={withInn()} seen={seen} />);
    const input = idInput();
    if (!input) throw new Error('no field id control');
    // Typing alone changes nothing in the flow: half-typed ids never reach the lines.
    fireEvent.change(input, { target: { value: 'tax' } });
    fireEvent.change(input, { target: { value: 'taxId' } });
    expect(seen).toHaveLength(0);
    fireEvent.blur(input);
    expect(seen).toHaveLength(1);
    expect(screen.getByLabelText('Реплика оператора')).toHaveProperty(
      'value',
      'Назовите, пожалуйста, ИНН. Записал: {{fields.taxId}}.',
    );
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses an id another field has, in Russian, and keeps the old one in the flow', () => {
    const seen: FlowDefinition[] = [];
    render(<Harness initial={withInn()} seen={seen} />);
    const input = idInput();
    if (!input) throw new Error('no field id control');
    fireEvent.change(input, { target: { value: 'need' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toContain('Поле с кодом «need» уже есть в сценарии');
    expect(seen).toHaveLength(0);
    expect(screen.getByLabelText('Реплика оператора')).toHaveProperty(
      'value',
      'Назовите, пожалуйста, ИНН. Записал: {{fields.inn}}.',
    );
    fireEvent.change(input, { target: { value: '1inn' } });
    fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toContain('латинские буквы');
  });
});
