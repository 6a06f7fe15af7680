import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlowFile } from '../../src/flows/check';
import { restoreFlow } from '../../src/flows/restore';
import { MAX_FLOW_STEPS } from '../../src/flows/schema';
import { t } from '../../src/i18n';

const minimal = JSON.parse(
  readFileSync(new URL('../fixtures/flows/valid-minimal.json', import.meta.url), 'utf8'),
) as { steps: unknown[] };

/** The minimal flow padded with well-formed question steps up to `total` steps. */
function flowOf(total: number, step = (i: number): unknown => filler(i)) {
  const extra = Array.from({ length: total - minimal.steps.length }, (_, i) => step(i));
  return { ...minimal, steps: [...minimal.steps, ...extra] };
}

const filler = (i: number) => ({
  id: `q${i}`,
  stage: 'questions',
  say: 'Уточните, пожалуйста, ещё одну деталь.',
  options: [{ id: 'next', label: 'Дальше', next: `q${i + 1}` }],
});

describe('a flow has at most MAX_FLOW_STEPS steps', () => {
  it('accepts the shape at the limit and refuses one step more, with one clear issue', () => {
    expect(restoreFlow(flowOf(MAX_FLOW_STEPS)).ok).toBe(true);
    const over = restoreFlow(flowOf(MAX_FLOW_STEPS + 1), 'big.json');
    expect(over).toEqual({
      ok: false,
      issues: [
        {
          code: 'schema.tooBig',
          path: 'steps',
          params: { origin: 'array', maximum: MAX_FLOW_STEPS },
          severity: 'error',
          file: 'big.json',
        },
      ],
    });
    if (!over.ok)
      expect(t.flows.issueLine(over.issues[0]!)).toBe(
        `big.json: steps: допускается не больше ${MAX_FLOW_STEPS} элементов`,
      );
  });

  it('refuses a file of 10,000 broken steps quickly, with that one issue instead of thousands', () => {
    const text = JSON.stringify(flowOf(10_000, (i) => ({ id: i, say: '<script>window.__pwned=1</script>' })));
    const started = performance.now();
    const result = checkFlowFile(text, 'forged.json');
    const ms = performance.now() - started;
    expect(result.flow).toBeUndefined();
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([['schema.tooBig', 'steps']]);
    expect(ms).toBeLessThan(500);
  });

  it('publishes the limit in the JSON Schema editors validate against', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../scripts-flows/flow.schema.json', import.meta.url), 'utf8'),
    ) as { properties: { steps: { maxItems?: number } } };
    expect(schema.properties.steps.maxItems).toBe(MAX_FLOW_STEPS);
  });
});
