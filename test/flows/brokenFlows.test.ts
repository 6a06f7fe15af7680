import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkFlowFile } from '../../src/flows/check';

const DIR = 'test/fixtures/flows/broken';
const read = (name: string): string => readFileSync(`${DIR}/${name}.json`, 'utf8');
const knownArticles = new Set(['gen-appeal-status']);

/** Every broken fixture and exactly the issues it must produce (code at path, with key params). */
const EXPECTED: Record<string, { code: string; path: string; params?: Record<string, string | number> }[]> = {
  'invalid-json': [{ code: 'file.invalidJson', path: '', params: { line: 5, column: 3 } }],
  'schema-required': [{ code: 'schema.required', path: 'title' }],
  'schema-invalid-type': [
    {
      code: 'schema.invalidType',
      path: 'steps[1].options[0].next',
      params: { expected: 'string', received: 'integer' },
    },
  ],
  'schema-unknown-key': [{ code: 'schema.unknownKey', path: 'steps[0].hint', params: { key: 'hint' } }],
  'schema-invalid-value': [{ code: 'schema.invalidValue', path: 'steps[0].stage' }],
  'schema-invalid-format': [{ code: 'schema.invalidFormat', path: 'steps[2].id', params: { format: 'id' } }],
  'missing-target': [
    { code: 'step.missingTarget', path: 'steps[4].options[2].next', params: { target: 'other-department' } },
  ],
  'missing-start': [{ code: 'flow.missingStart', path: 'start', params: { target: 'hello' } }],
  'unreachable-step': [{ code: 'step.unreachable', path: 'steps[5]', params: { step: 'orphan' } }],
  'no-farewell': [{ code: 'step.noFarewell', path: 'steps[5]', params: { step: 'dead-end' } }],
  'stage-missing': [{ code: 'flow.stageMissing', path: 'steps', params: { stage: 'identification' } }],
  'stage-wrong-direction': [
    {
      code: 'step.stageWrongDirection',
      path: 'steps[4].stage',
      params: { stage: 'status', direction: 'inbound' },
    },
    { code: 'flow.stageMissing', path: 'steps', params: { stage: 'resolution' } },
  ],
  'start-not-greeting': [
    { code: 'flow.startNotGreeting', path: 'start', params: { target: 'identify' } },
    { code: 'step.unreachable', path: 'steps[0]', params: { step: 'greeting' } },
  ],
  'unknown-variable': [
    { code: 'template.unknownVariable', path: 'steps[2].say', params: { variable: 'caller.fullName' } },
  ],
  'field-not-captured': [
    {
      code: 'template.fieldNotCaptured',
      path: 'steps[4].say',
      params: { variable: 'fields.district', field: 'district' },
    },
  ],
  'caller-not-captured': [
    {
      code: 'template.callerNotCaptured',
      path: 'steps[2].say',
      params: { variable: 'caller.name', field: 'callerName' },
    },
    {
      code: 'template.callerNotCaptured',
      path: 'steps[5].say',
      params: { variable: 'caller.name', field: 'callerName' },
    },
  ],
  'malformed-template': [{ code: 'template.malformed', path: 'steps[2].say' }],
  'too-many-transfers': [
    { code: 'limits.tooManyTransfers', path: 'limits.maxTransfers', params: { value: 3, max: 2 } },
  ],
  'hold-out-of-range': [
    {
      code: 'limits.holdMaxOutOfRange',
      path: 'limits.holdMaxMinutes',
      params: { value: 30, min: 1, max: 15 },
    },
  ],
  'hold-preset-out-of-range': [
    {
      code: 'limits.holdPresetOutOfRange',
      path: 'limits.holdPresetsMinutes[2]',
      params: { value: 10, min: 1, max: 5 },
    },
  ],
  'duplicate-step-id': [{ code: 'duplicate.stepId', path: 'steps[6].id', params: { id: 'farewell' } }],
  'duplicate-option-id': [
    { code: 'duplicate.optionId', path: 'steps[4].options[1].id', params: { id: 'resolved' } },
  ],
  'duplicate-field-id': [
    { code: 'duplicate.fieldId', path: 'steps[1].capture[1].id', params: { id: 'callerName' } },
  ],
  'duplicate-phrase-id': [{ code: 'duplicate.phraseId', path: 'phrases[1].id', params: { id: 'wait' } }],
  'field-kind-conflict': [
    {
      code: 'field.kindConflict',
      path: 'steps[2].capture[1].kind',
      params: { id: 'callerName', kind: 'text' },
    },
  ],
  'bad-pattern': [{ code: 'field.badPattern', path: 'steps[1].capture[0].pattern' }],
  'unknown-topic': [{ code: 'kb.unknownTopic', path: 'steps[4].kb.topics[1]', params: { topic: 'weather' } }],
  'unknown-article': [
    { code: 'kb.unknownArticle', path: 'steps[4].kb.articles[0]', params: { article: 'no-such-article' } },
  ],
  'greeting-unnamed': [
    { code: 'greeting.noOperator', path: 'steps[0].say', params: { step: 'greeting' } },
    { code: 'greeting.noOrganisation', path: 'steps[0].say', params: { step: 'greeting' } },
  ],
  'skips-understanding': [
    {
      code: 'step.skipsUnderstanding',
      path: 'steps[2].options[1].next',
      params: { step: 'needs', target: 'resolve' },
    },
  ],
  // Inbound: every way into the farewell passes the "anything else?" step (002 §17); none is marked here.
  'farewell-without-asking': ['resolved', 'callback'].map((_, k) => ({
    code: 'step.farewellWithoutAskingForMore',
    path: `steps[4].options[${k}].next`,
    params: { step: 'resolve', target: 'farewell' },
  })),
  'outcome-no-farewell': ['byDate', 'noDate', 'impossible', 'redirected'].map((outcome) => ({
    code: 'outcome.noFarewell',
    path: 'steps',
    params: { outcome },
  })),
};

describe('broken flow fixtures', () => {
  it('has an expectation for every fixture file and a file for every expectation', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: reports exactly the expected errors', (name, expected) => {
    const { flow, issues } = checkFlowFile(read(name), `${DIR}/${name}.json`, { knownArticles });
    expect(flow).toBeUndefined();
    const errors = issues.filter((i) => i.severity === 'error');
    expect(errors.map((i) => ({ code: i.code, path: i.path }))).toEqual(
      expected.map(({ code, path }) => ({ code, path })),
    );
    expected.forEach((e, k) => {
      if (e.params) expect(errors[k]?.params).toMatchObject(e.params);
      expect(errors[k]?.file).toBe(`${DIR}/${name}.json`);
    });
  });

  it('the minimal flow the fixtures are made from is valid', () => {
    const text = readFileSync('test/fixtures/flows/valid-minimal.json', 'utf8');
    const { flow, issues } = checkFlowFile(text, 'valid-minimal.json', { knownArticles });
    expect(issues).toEqual([]);
    expect(flow?.steps).toHaveLength(6);
  });
});
