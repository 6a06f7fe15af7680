import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addOption, addStep, checkDraft, updateOption, updateStep } from '../../src/flows/edit';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';
import { layoutFlow, NODE_HEIGHT, NODE_WIDTH } from '../../src/editor/diagramLayout';

function load(path: string): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync(path, 'utf8')));
  if (!r.ok) throw new Error(`${path} broken`);
  return r.flow;
}

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.abs(a.x - b.x) < NODE_WIDTH && Math.abs(a.y - b.y) < NODE_HEIGHT;

describe('flow diagram layout', () => {
  it('places every step of a sample flow without overlaps, the greeting above the farewells', () => {
    const flow = load('scripts-flows/inbound-consultation.json');
    const { steps, options, stages } = layoutFlow(flow, []);
    expect(steps).toHaveLength(flow.steps.length);
    for (const [i, a] of steps.entries())
      for (const b of steps.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    const y = (id: string) => steps.find((s) => s.id === id)?.y ?? NaN;
    for (const f of steps.filter((s) => s.stage === 'farewell')) expect(f.y).toBeGreaterThan(y('greeting'));
    expect(options.length).toBe(flow.steps.reduce((n, s) => n + s.options.length, 0));
    // Each stage box holds its own steps.
    for (const box of stages) {
      for (const s of steps.filter((st) => st.stage === box.stage)) {
        expect(s.x).toBeGreaterThanOrEqual(box.x);
        expect(s.x + NODE_WIDTH).toBeLessThanOrEqual(box.x + box.width + 0.5);
      }
    }
    expect(steps.find((s) => s.start)?.id).toBe(flow.start);
  });

  it('marks unreachable steps and dead ends from the validator', () => {
    const base = load('test/fixtures/flows/valid-minimal.json');
    const withLonely = updateStep(addStep(base, 'lonely', 'needs'), 'lonely', { say: 'Текст' });
    const lonely = layoutFlow(withLonely, checkDraft(withLonely).issues).steps;
    expect(lonely.find((s) => s.id === 'lonely')).toMatchObject({ unreachable: true });
    expect(lonely.filter((s) => s.unreachable || s.deadEnd).map((s) => s.id)).toEqual(['lonely']);

    // Reachable now, but nothing leads on from it to a farewell: a dead end.
    const linked = updateOption(addOption(withLonely, 'greeting', 'lonely'), 'greeting', 1, {
      label: 'Туда',
    });
    const marked = layoutFlow(linked, checkDraft(linked).issues).steps.find((s) => s.id === 'lonely');
    expect(marked).toMatchObject({ unreachable: false, deadEnd: true });
  });

  it('draws no line to a missing step', () => {
    const flow = updateOption(load('test/fixtures/flows/valid-minimal.json'), 'greeting', 0, {
      next: 'nowhere',
    });
    expect(layoutFlow(flow, []).options.some((o) => o.to === 'nowhere')).toBe(false);
  });
});
