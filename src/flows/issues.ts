// Problems found in a flow file, as codes with parameters: the app, the editor and the CLI format them
// from the i18n catalogue (src/i18n/ru/flows.ts), so every consumer says the same thing.

export const ISSUE_CODES = [
  // The file itself
  'file.invalidJson',
  // Shape (from the zod schema)
  'schema.required',
  'schema.invalidType',
  'schema.invalidValue',
  'schema.unknownKey',
  'schema.tooSmall',
  'schema.tooBig',
  'schema.invalidFormat',
  'schema.invalid',
  // Meaning (validateFlow)
  'flow.missingStart',
  'flow.startNotGreeting',
  'flow.stageMissing',
  'flow.stageRecommended',
  'step.stageWrongDirection',
  'step.missingTarget',
  'step.unreachable',
  'step.noFarewell',
  'step.outcomesOutsideFarewell',
  'step.farewellHasOptions',
  'step.skipsUnderstanding',
  'step.farewellWithoutAskingForMore',
  'greeting.noOperator',
  'greeting.noOrganisation',
  'outcome.noFarewell',
  'template.unknownVariable',
  'template.fieldNotCaptured',
  'template.callerNotCaptured',
  'template.malformed',
  'limits.tooManyTransfers',
  'limits.holdMinOutOfRange',
  'limits.holdMaxOutOfRange',
  'limits.holdMinAboveMax',
  'limits.holdPresetOutOfRange',
  'limits.holdWarningTooLong',
  'duplicate.stepId',
  'duplicate.optionId',
  'duplicate.fieldId',
  'duplicate.phraseId',
  'field.kindConflict',
  'field.badPattern',
  'kb.unknownTopic',
  'kb.unknownArticle',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export type IssueParams = Record<string, string | number>;

export interface FlowIssue {
  code: IssueCode;
  /** Where in the file: "steps[3].options[0].next"; "" for the file as a whole. */
  path: string;
  params: IssueParams;
  severity: 'error' | 'warning';
  /** The file, when the issue came from one (set by parseFlowFile / restoreFlow / checkFlowFile). */
  file?: string;
}

/** "steps[3].options[0].next" from ['steps', 3, 'options', 0, 'next']. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

export function hasErrors(issues: readonly FlowIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
