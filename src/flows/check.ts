// The whole check of one flow file, as the CLI, the editor and the app's loader run it:
// parse → restore (shape, defaults) → validate (meaning). A flow with any error is not returned.

import { hasErrors, type FlowIssue } from './issues.ts';
import { parseFlowFile, restoreFlow } from './restore.ts';
import type { FlowDefinition } from './types';
import { validateFlow, type ValidateOptions } from './validate.ts';

export interface CheckResult {
  /** Present only when there is no error (warnings allowed). */
  flow?: FlowDefinition;
  issues: FlowIssue[];
}

function finish(
  result: ReturnType<typeof restoreFlow>,
  file: string | undefined,
  options: ValidateOptions,
): CheckResult {
  if (!result.ok) return { issues: result.issues };
  const issues = validateFlow(result.flow, options).map((i) => (file === undefined ? i : { ...i, file }));
  return hasErrors(issues) ? { issues } : { flow: result.flow, issues };
}

/** Checks already-parsed data (the editor's model, a stored copy). */
export function checkFlow(raw: unknown, file?: string, options: ValidateOptions = {}): CheckResult {
  return finish(restoreFlow(raw, file), file, options);
}

/** Checks a file's text, including whether it is JSON at all. */
export function checkFlowFile(text: string, file?: string, options: ValidateOptions = {}): CheckResult {
  return finish(parseFlowFile(text, file), file, options);
}
