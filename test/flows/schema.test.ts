import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreFlow } from '../../src/flows/restore';
import { DEFAULT_LIMITS, DEFAULT_PHRASES } from '../../src/flows/schema';
import { FLOW_SCHEMA_PATH, flowSchemaText } from '../../src/flows/schemaFile';

describe('published JSON Schema', () => {
  it('is exactly what the zod schema generates (run `npm run flows:schema` after changing schema.ts)', () => {
    expect(readFileSync(FLOW_SCHEMA_PATH, 'utf8')).toBe(flowSchemaText());
  });

  it('lets editors leave out every field that has a default', () => {
    const schema = JSON.parse(flowSchemaText()) as {
      required: string[];
      additionalProperties: boolean;
      properties: { steps: { items: { required: string[] } } };
    };
    expect(schema.required.sort()).toEqual([
      'client',
      'direction',
      'id',
      'start',
      'steps',
      'title',
      'version',
    ]);
    expect(schema.properties.steps.items.required.sort()).toEqual(['id', 'say', 'stage']);
    // Unknown keys are refused, so a typo ("hint" for "hints") is flagged in the editor too.
    expect(schema.additionalProperties).toBe(false);
  });
});

describe('defaults', () => {
  const minimal = {
    id: 'x',
    version: 1,
    title: 'Сценарий',
    direction: 'inbound',
    client: 'external',
    start: 'a',
    steps: [{ id: 'a', stage: 'greeting', say: 'Здравствуйте' }],
  };

  it('fills every default the engine relies on', () => {
    const r = restoreFlow(minimal);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.flow.description).toBe('');
    expect(r.flow.topics).toEqual([]);
    expect(r.flow.steps[0]).toEqual({
      id: 'a',
      stage: 'greeting',
      say: 'Здравствуйте',
      hints: [],
      questions: [],
      options: [],
      capture: [],
      kb: { topics: [], articles: [] },
      outcomes: [],
    });
    expect(r.flow.limits).toEqual({
      maxTransfers: 2,
      holdPresetsMinutes: [1, 2, 3, 5],
      holdMinMinutes: 1,
      holdMaxMinutes: 15,
      holdWarningSeconds: 30,
    });
    expect(r.flow.phrases.map((p) => p.text)).toContain('Одну минуту, пожалуйста');
    expect(r.flow.phrases.map((p) => p.text)).toContain('Спасибо за ожидание');
  });

  it('fills a partly given limits object key by key', () => {
    const r = restoreFlow({ ...minimal, limits: { holdMaxMinutes: 10 } });
    expect(r.ok && r.flow.limits).toEqual({ ...DEFAULT_LIMITS, holdMaxMinutes: 10 });
  });

  it('never shares default arrays between flows', () => {
    const a = restoreFlow(minimal);
    const b = restoreFlow(minimal);
    if (!a.ok || !b.ok) throw new Error('restore failed');
    a.flow.phrases.push({ id: 'extra', text: 'ещё' });
    a.flow.limits.holdPresetsMinutes.push(7);
    expect(b.flow.phrases).toHaveLength(DEFAULT_PHRASES.length);
    expect(b.flow.limits.holdPresetsMinutes).toEqual([1, 2, 3, 5]);
    expect(DEFAULT_LIMITS.holdPresetsMinutes).toEqual([1, 2, 3, 5]);
  });

  it('drops the "$schema" pointer from the restored flow', () => {
    const r = restoreFlow({ $schema: './flow.schema.json', ...minimal });
    expect(r.ok && Object.keys(r.flow)).not.toContain('$schema');
  });
});
