// The flow file format as a zod schema: restoreFlow() validates with it, and the published JSON Schema
// (scripts-flows/flow.schema.json) is generated from it, so code and editors can never disagree.

import { z } from 'zod';
import {
  ALL_STAGES,
  FIELD_KINDS,
  OUTCOMES,
  STEP_CHECKS,
  type CaptureField,
  type FlowDefinition,
  type FlowLimits,
  type KbLinks,
  type QuickPhrase,
  type Step,
  type StepOption,
} from './types.ts';

/** Quick phrases every flow gets unless it lists its own. */
export const DEFAULT_PHRASES: QuickPhrase[] = [
  { id: 'one-minute', text: 'Одну минуту, пожалуйста' },
  { id: 'thanks-waiting', text: 'Спасибо за ожидание' },
  { id: 'stay-on-line', text: 'Оставайтесь, пожалуйста, на линии' },
  { id: 'repeat-please', text: 'Повторите, пожалуйста, я уточню' },
  { id: 'checking', text: 'Сейчас уточню информацию' },
];

/**
 * Hold times are promised in whole minutes. Under a minute is not worth a promise ("Одну минуту" is a
 * quick phrase); past 15 minutes a caller should not be kept on the line — the standard's answer to a
 * long lookup is a callback with a deadline (STANDARD §2.5d). A flow may narrow the range, not widen it.
 */
export const HOLD_FLOOR_MINUTES = 1;
export const HOLD_CEILING_MINUTES = 15;
/** The standard caps transfers at two (STANDARD §4). */
export const MAX_TRANSFERS = 2;

/**
 * The most steps a flow may have. The largest shipped flow has 17; an operator cannot follow a call
 * script of hundreds of steps, and the editor's diagram and path checks stay quick well past 200.
 * A file over the limit is refused before its steps are looked at.
 */
export const MAX_FLOW_STEPS = 200;

export const DEFAULT_LIMITS: FlowLimits = {
  maxTransfers: MAX_TRANSFERS,
  holdPresetsMinutes: [1, 2, 3, 5],
  holdMinMinutes: HOLD_FLOOR_MINUTES,
  holdMaxMinutes: HOLD_CEILING_MINUTES,
  holdWarningSeconds: 30,
};

const ID = /^[a-z][a-z0-9-]*$/;
const FIELD_ID = /^[A-Za-z][A-Za-z0-9_-]*$/;

const id = z
  .string()
  .regex(ID, { error: 'id' })
  .meta({ description: 'Lower-case latin letters, digits and hyphens, starting with a letter.' });
const text = z.string().trim().min(1);
const texts = z.array(text).default(() => []);

const outcome = z.enum(OUTCOMES);

const captureField = z
  .strictObject({
    id: z.string().regex(FIELD_ID, { error: 'fieldId' }).meta({
      description:
        'Caller card fields callerName, callerPhone, appealNumber, need; or a custom id used as {{fields.<id>}}.',
    }),
    label: text.meta({ description: 'Label of the input for the operator.' }),
    kind: z
      .enum(FIELD_KINDS)
      .meta({ description: 'Built-in validation: a Russian phone, a name and patronymic…' }),
    required: z.boolean().default(false),
    pattern: z.string().optional().meta({ description: 'Extra regular expression the value must match.' }),
    patternHint: z.string().optional().meta({ description: 'Shown to the operator when the pattern fails.' }),
    maxLength: z.int().positive().optional(),
    placeholder: z.string().optional(),
  })
  .meta({ description: 'A value the operator captures at this step.' });

const stepOption = z
  .strictObject({
    id,
    label: text.meta({ description: 'Button text for the operator.' }),
    next: id.meta({ description: 'Id of the step to go to.' }),
    outcome: outcome.optional().meta({ description: 'Set when choosing this option settles the outcome.' }),
  })
  .meta({ description: 'A branch the operator can choose.' });

const kbLinks = z
  .strictObject({
    topics: z
      .array(z.string())
      .default(() => [])
      .meta({ description: 'Knowledge-base topic ids (src/kb/topics.ts).' }),
    articles: z
      .array(z.string())
      .default(() => [])
      .meta({ description: 'Knowledge-base article ids.' }),
  })
  .meta({ description: 'Knowledge that helps at this step.' });

const step = z.strictObject({
  id,
  stage: z.enum(ALL_STAGES).meta({ description: 'Stage of the call; must belong to the flow direction.' }),
  say: text.meta({ description: 'The line for the operator to say; may hold {{variables}}.' }),
  hints: texts.meta({ description: 'How to say it; active-listening cues.' }),
  questions: texts.meta({ description: 'Leading questions to ask at this step.' }),
  options: z.array(stepOption).default(() => []),
  capture: z.array(captureField).default(() => []),
  kb: kbLinks.default(() => ({ topics: [], articles: [] })),
  outcomes: z
    .array(outcome)
    .default(() => [])
    .meta({ description: 'Farewell steps: the outcomes this farewell is said for (empty = any).' }),
  // Optional without a default: flow versions stored before it existed still read back unchanged.
  checks: z.array(z.enum(STEP_CHECKS)).optional().meta({
    description:
      'What the engine checks calls by at this step: "askedForMore" marks the question whether questions remain, asked before the farewell (002 §17).',
  }),
});

const limits = z
  .strictObject({
    maxTransfers: z.int().nonnegative().default(DEFAULT_LIMITS.maxTransfers),
    holdPresetsMinutes: z
      .array(z.int().positive())
      .default(() => [...DEFAULT_LIMITS.holdPresetsMinutes])
      .meta({ description: 'Hold durations (minutes) offered to the operator.' }),
    holdMinMinutes: z.int().positive().default(DEFAULT_LIMITS.holdMinMinutes),
    holdMaxMinutes: z.int().positive().default(DEFAULT_LIMITS.holdMaxMinutes),
    holdWarningSeconds: z.int().positive().default(DEFAULT_LIMITS.holdWarningSeconds),
  })
  .meta({ description: 'Limits the engine enforces; the standard caps transfers at 2.' });

export const flowSchema = z.strictObject({
  id,
  version: z.int().positive().meta({ description: 'Raise on every change: call records name the version.' }),
  title: text,
  description: z.string().default(''),
  direction: z.enum(['inbound', 'outbound']),
  client: z.enum(['external', 'internal']),
  topics: z
    .array(z.string())
    .default(() => [])
    .meta({ description: 'Topics this flow usually serves.' }),
  start: id.meta({ description: 'Id of the first step.' }),
  steps: z.array(step).min(1).max(MAX_FLOW_STEPS),
  phrases: z
    .array(z.strictObject({ id, text }))
    .default(() => DEFAULT_PHRASES.map((p) => ({ ...p })))
    .meta({ description: 'Quick phrases for the operator.' }),
  limits: limits.default(() => ({
    ...DEFAULT_LIMITS,
    holdPresetsMinutes: [...DEFAULT_LIMITS.holdPresetsMinutes],
  })),
});

/** The file on disk: the flow plus the "$schema" pointer editors use. */
export const flowFileSchema = flowSchema
  .extend({ $schema: z.string().optional() })
  .meta({ title: 'Sufler call flow', description: 'One call flow: see scripts-flows/README.md.' });

/** The published JSON Schema: the input side, so fields with defaults are optional for editors. */
export function flowJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowFileSchema, { target: 'draft-07', io: 'input' });
}

// The schema must produce exactly the contract the engine codes against (src/flows/types.ts).
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const _flowMatches: Equals<z.output<typeof flowSchema>, FlowDefinition> = true;
const _stepMatches: Equals<z.output<typeof step>, Step> = true;
const _optionMatches: Equals<z.output<typeof stepOption>, StepOption> = true;
const _fieldMatches: Equals<z.output<typeof captureField>, CaptureField> = true;
const _kbMatches: Equals<z.output<typeof kbLinks>, KbLinks> = true;
const _limitsMatches: Equals<z.output<typeof limits>, FlowLimits> = true;
void [_flowMatches, _stepMatches, _optionMatches, _fieldMatches, _kbMatches, _limitsMatches];
