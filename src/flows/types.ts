// The flow definition: what an editor writes in scripts-flows/*.json, after restoreFlow() has
// validated it and filled defaults. The zod schema in schema.ts must infer exactly this shape.

export type Direction = 'inbound' | 'outbound';
export type ClientKind = 'external' | 'internal';

export const INBOUND_STAGES = [
  'greeting',
  'identification',
  'needs',
  'understanding',
  'resolution',
  'farewell',
] as const;
export const OUTBOUND_STAGES = ['greeting', 'purpose', 'status', 'questions', 'farewell'] as const;
export type InboundStage = (typeof INBOUND_STAGES)[number];
export type OutboundStage = (typeof OUTBOUND_STAGES)[number];
export type Stage = InboundStage | OutboundStage;

/** The stages of each direction, in call order. */
export const DIRECTION_STAGES: Record<Direction, readonly Stage[]> = {
  inbound: INBOUND_STAGES,
  outbound: OUTBOUND_STAGES,
};

/** Every stage of either direction, once, in call order; which belong to which direction is the validator's job. */
export const ALL_STAGES = [
  'greeting',
  'identification',
  'needs',
  'understanding',
  'resolution',
  'purpose',
  'status',
  'questions',
  'farewell',
] as const satisfies readonly Stage[];
const _everyStageListed: [Exclude<Stage, (typeof ALL_STAGES)[number]>] extends [never] ? true : never = true;
void _everyStageListed;

/** How the client leaves the call knowing where their question stands (STANDARD §5), plus a callback. */
export const OUTCOMES = ['resolved', 'byDate', 'noDate', 'impossible', 'redirected', 'callback'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Kinds of captured field; each has built-in validation (a Russian phone, a name and patronymic…). */
export const FIELD_KINDS = ['text', 'personName', 'phone', 'appealNumber', 'date', 'need'] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/**
 * What a step does that the engine checks calls by. `askedForMore`: the step asks whether questions remain
 * and thanks the client, owed before the farewell (002 §17).
 */
export const STEP_CHECKS = ['askedForMore'] as const;
export type StepCheck = (typeof STEP_CHECKS)[number];

export interface CaptureField {
  /** Where the value goes: caller card fields (callerName, callerPhone, appealNumber, need) or a custom id. */
  id: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Extra validation on top of the kind's own. */
  pattern?: string;
  patternHint?: string;
  maxLength?: number;
  placeholder?: string;
}

export interface StepOption {
  id: string;
  label: string;
  /** Step to go to. */
  next: string;
  /** Set when choosing this option settles the outcome (e.g. "answered at once" → resolved). */
  outcome?: Outcome;
}

export interface KbLinks {
  topics: string[];
  articles: string[];
}

export interface Step {
  id: string;
  stage: Stage;
  /** The line for the operator to say; may hold {{variables}}. */
  say: string;
  /** How to say it; active-listening cues. */
  hints: string[];
  /** Leading questions to ask at this step. */
  questions: string[];
  options: StepOption[];
  capture: CaptureField[];
  kb: KbLinks;
  /** For farewell steps: the outcomes this farewell is said for (empty = any outcome). */
  outcomes: Outcome[];
  /** What the engine checks a call by at this step; absent in flows written before it existed. */
  checks?: StepCheck[];
}

export interface FlowLimits {
  /** At most 2 (the standard caps it). */
  maxTransfers: number;
  /** Hold presets in minutes offered to the operator, and the sane range of a promise. */
  holdPresetsMinutes: number[];
  holdMinMinutes: number;
  holdMaxMinutes: number;
  /** Warn this many seconds before a promised hold runs out. */
  holdWarningSeconds: number;
}

export interface QuickPhrase {
  id: string;
  text: string;
}

export interface FlowDefinition {
  id: string;
  version: number;
  title: string;
  description: string;
  direction: Direction;
  client: ClientKind;
  /** Topics this flow usually serves: used to preselect the likely flow. */
  topics: string[];
  /** The first step. */
  start: string;
  steps: Step[];
  phrases: QuickPhrase[];
  limits: FlowLimits;
}

/** Values a line can use. Missing values make the line ask the operator to fill them first. */
export interface TemplateVars {
  greeting?: string;
  operator?: Partial<
    Record<'fullName' | 'surname' | 'firstName' | 'patronymic' | 'position' | 'department', string>
  >;
  organisation?: Partial<
    Record<'fullName' | 'shortName' | 'phone' | 'website' | 'email' | 'address', string>
  >;
  caller?: Partial<Record<'name' | 'phone' | 'appealNumber' | 'need', string>>;
  hold?: Partial<Record<'duration', string>>;
  callback?: Partial<Record<'deadline' | 'phone' | 'question', string>>;
  transfer?: Partial<Record<'target' | 'count', string>>;
  outcome?: Partial<Record<'date' | 'reason' | 'wayForward' | 'body', string>>;
  /** Custom captured fields by id. */
  fields?: Record<string, string>;
}

/** A rendered line: either whole, or the list of variables the operator must fill in first. */
export type RenderedLine = { kind: 'ready'; text: string } | { kind: 'missing'; missing: string[] };
