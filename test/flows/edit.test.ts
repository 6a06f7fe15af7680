import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  addField,
  addOption,
  addStep,
  checkDraft,
  linesOf,
  locateIssue,
  moveStepToStage,
  removeOption,
  removeStep,
  renameStep,
  setLimits,
  stepIssues,
  updateField,
  updateOption,
  updateStep,
} from '../../src/flows/edit';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';

function minimal(): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  return r.flow;
}

const targets = (flow: FlowDefinition) => flow.steps.flatMap((s) => s.options.map((o) => o.next));

describe('flow editing model', () => {
  it('starts from a flow with no errors', () => {
    expect(checkDraft(minimal())).toMatchObject({ publishable: true });
  });

  it('renames a step and every option and the start that pointed at it', () => {
    const before = minimal();
    const after = renameStep(before, 'greeting', 'hello');
    expect(after.start).toBe('hello');
    expect(after.steps[0]?.id).toBe('hello');
    const renamedIdentify = renameStep(before, 'identify', 'who');
    expect(targets(renamedIdentify)).toContain('who');
    expect(targets(renamedIdentify)).not.toContain('identify');
    expect(checkDraft(renamedIdentify).publishable).toBe(true);
    // The original is untouched: drafts are values.
    expect(before.steps[1]?.id).toBe('identify');
  });

  it('refuses to rename onto an id already taken', () => {
    const flow = minimal();
    expect(renameStep(flow, 'identify', 'needs')).toBe(flow);
  });

  it('removes a step and the options that led to it', () => {
    const after = removeStep(minimal(), 'identify');
    expect(after.steps.map((s) => s.id)).not.toContain('identify');
    expect(targets(after)).not.toContain('identify');
  });

  it('adds a step with a unique id after the given one, and the validator flags it unreachable', () => {
    const after = addStep(addStep(minimal(), 'extra', 'needs', 'greeting'), 'extra', 'needs');
    expect(after.steps[1]?.id).toBe('extra');
    expect(after.steps.at(-1)?.id).toBe('extra-2');
    const check = checkDraft(after);
    // An empty line is a shape error first: it points at the new step's "say".
    expect(check.publishable).toBe(false);
    expect(check.issues.map((i) => i.path)).toContain('steps[1].say');
  });

  it('maps every issue to the step and field it belongs to', () => {
    let flow = updateStep(minimal(), 'needs', { say: 'Здравствуйте, {{caller.nmae}}' });
    flow = updateOption(flow, 'greeting', 0, { next: 'nowhere' });
    const { issues, publishable } = checkDraft(flow);
    expect(publishable).toBe(false);
    const locations = issues.map((i) => locateIssue(flow, i));
    expect(locations).toContainEqual({ kind: 'step', stepId: 'needs', stepIndex: 2, field: 'say' });
    expect(locations).toContainEqual({
      kind: 'step',
      stepId: 'greeting',
      stepIndex: 0,
      field: 'options[0].next',
    });
    expect([...stepIssues(flow, issues, 'needs').keys()]).toContain('say');
  });

  it('moves a step to another stage; a stage of the other direction is an error on that field', () => {
    const flow = moveStepToStage(minimal(), 'needs', 'purpose');
    expect(flow.steps[2]?.stage).toBe('purpose');
    const fields = checkDraft(flow).issues.map((i) => i.path);
    expect(fields).toContain('steps[2].stage');
  });

  it('never lets the transfer limit exceed two', () => {
    expect(setLimits(minimal(), { maxTransfers: 5 }).limits.maxTransfers).toBe(2);
    expect(setLimits(minimal(), { maxTransfers: -1 }).limits.maxTransfers).toBe(0);
    expect(setLimits(minimal(), { maxTransfers: 1 }).limits.maxTransfers).toBe(1);
    expect(setLimits(minimal(), { holdWarningSeconds: 10 }).limits.maxTransfers).toBe(2);
  });

  it('edits options and captured fields without leaving empty optional keys', () => {
    let flow = addOption(minimal(), 'greeting', 'needs');
    flow = updateOption(flow, 'greeting', 1, { label: 'Сразу к вопросу', outcome: 'resolved' });
    flow = updateOption(flow, 'greeting', 1, { outcome: undefined });
    expect(flow.steps[0]?.options[1]).toEqual({ id: 'option', label: 'Сразу к вопросу', next: 'needs' });
    flow = removeOption(flow, 'greeting', 1);
    expect(flow.steps[0]?.options).toHaveLength(1);

    flow = addField(flow, 'needs');
    const index = (flow.steps[2]?.capture.length ?? 0) - 1;
    flow = updateField(flow, 'needs', index, { label: 'Номер дела', pattern: '^\\d+$' });
    flow = updateField(flow, 'needs', index, { pattern: '' });
    expect(flow.steps[2]?.capture[index]).toEqual({
      id: 'field',
      label: 'Номер дела',
      kind: 'text',
      required: false,
    });
    expect(checkDraft(flow).publishable).toBe(true);
  });

  it('reports a bad pattern on the field that holds it', () => {
    const flow = updateField(minimal(), 'identify', 0, { pattern: '([' });
    const paths = checkDraft(flow).issues.map((i) => i.path);
    expect(paths).toContain('steps[1].capture[0].pattern');
  });

  it('splits a block of hints into one per non-blank line', () => {
    expect(linesOf(' Спокойно \n\n  Без спешки\n')).toEqual(['Спокойно', 'Без спешки']);
  });
});
