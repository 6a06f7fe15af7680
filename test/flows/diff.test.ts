import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffFlows, isEmptyDiff, sameValue } from '../../src/flows/diff';
import { addStep, removeStep, setLimits, updateStep } from '../../src/flows/edit';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';

function minimal(): FlowDefinition {
  const r = restoreFlow(JSON.parse(readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8')));
  if (!r.ok) throw new Error('fixture broken');
  return r.flow;
}

describe('diffFlows', () => {
  it('finds nothing between a flow and its copy', () => {
    const a = minimal();
    expect(isEmptyDiff(diffFlows(a, structuredClone(a)))).toBe(true);
  });

  it('names the changed fields of a changed step', () => {
    const a = minimal();
    const b = updateStep(a, 'needs', { say: 'Новая реплика', hints: ['Спокойно'] });
    const diff = diffFlows(a, b);
    expect(diff.flow).toEqual([]);
    expect(diff.steps).toHaveLength(1);
    expect(diff.steps[0]).toMatchObject({ kind: 'changed', id: 'needs', fields: ['say', 'hints'] });
  });

  it('lists added and removed steps, removed ones where they stood', () => {
    const a = minimal();
    const b = addStep(removeStep(a, 'identify'), 'extra', 'needs');
    const diff = diffFlows(a, b);
    const kinds = diff.steps.map((s) => `${s.kind}:${s.id}`);
    expect(kinds).toContain('removed:identify');
    expect(kinds).toContain('added:extra');
    // greeting lost its option to the removed step, so it changed too.
    expect(kinds).toContain('changed:greeting');
    expect(kinds.indexOf('removed:identify')).toBeLessThan(kinds.indexOf('added:extra'));
  });

  it('reports flow-level fields such as limits', () => {
    const a = minimal();
    expect(diffFlows(a, setLimits(a, { maxTransfers: 1 })).flow).toEqual(['limits']);
  });

  it('compares objects regardless of key order and absent-vs-undefined keys', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue({ a: 1, c: undefined }, { a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: 1 }, { a: '1' })).toBe(false);
  });
});
