// The operator's cheap shape check accepts every flow the full check accepts, and refuses damaged ones.
import { describe, expect, it } from 'vitest';
import { isRunnableFlow } from '../../src/flows/shape';
import { flowFiles, loadFlow } from '../calls/helpers';

describe('isRunnableFlow', () => {
  it.each(flowFiles())('accepts the shipped flow %s as restored', (file) => {
    expect(isRunnableFlow(loadFlow(file))).toBe(true);
  });

  it('refuses a flow missing a field, a step of the wrong shape, or a target that does not exist', () => {
    const flow = loadFlow(flowFiles()[0] ?? '');
    const [first, ...rest] = flow.steps;
    if (!first) throw new Error('a flow has steps');
    expect(isRunnableFlow({ ...flow, limits: undefined })).toBe(false);
    expect(isRunnableFlow({ ...flow, steps: [{ ...first, options: 'go' }, ...rest] })).toBe(false);
    expect(isRunnableFlow({ ...flow, steps: [{ ...first, kb: null }, ...rest] })).toBe(false);
    const lost = { ...first, options: [{ id: 'x', label: 'X', next: 'gone' }] };
    expect(isRunnableFlow({ ...flow, steps: [lost, ...rest] })).toBe(false);
    expect(isRunnableFlow('{"id":"x"}')).toBe(false);
  });
});
