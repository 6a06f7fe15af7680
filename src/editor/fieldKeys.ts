// Maps an issue's path inside a step or the flow to the form control that edits it, so every error can
// be shown under its field and "go to" can focus that control.
import { locateIssue } from '../flows/edit';
import type { FlowIssue } from '../flows/issues';
import type { FlowDefinition } from '../flows/types';

/** Lists edited as one block ("hints[2]" → "hints"); everything else is its own control. */
const BLOCKS = /^(hints|questions|kb\.topics|kb\.articles|topics|limits\.holdPresetsMinutes)\[\d+\]$/;

export function fieldKey(path: string): string {
  const m = BLOCKS.exec(path);
  return m?.[1] ?? path;
}

/** The DOM id of the control: "ed-step-<id>-say", "ed-flow-limits.maxTransfers". */
export function controlId(stepId: string | null, key: string): string {
  const safe = key.replace(/[^\w.-]/g, '_');
  return stepId === null ? `ed-flow-${safe}` : `ed-step-${stepId}-${safe}`;
}

export type IssueIndex = Map<string, FlowIssue[]>;

type Control = { id: string; issues: FlowIssue[] | undefined };

/** One form's controls: by the key of what a control edits, its DOM id and the issues shown under it. */
export function controlsOf(issues: IssueIndex, stepId: string | null, prefix = '') {
  return (key: string): Control => {
    const id = controlId(stepId, prefix + key);
    return { id, issues: issues.get(id) };
  };
}

/**
 * The same controls bound to the record they edit: by key, the control's id and issues, the record's
 * value under that key, and a change that patches the record with the new value.
 */
export function boundTo<T extends object>(
  controls: (key: string) => Control,
  record: T,
  set: (patch: Partial<T>) => void,
) {
  return <K extends keyof T & string>(key: K) => ({
    ...controls(key),
    value: record[key],
    onChange: (value: T[K]) => {
      const patch: Partial<T> = {};
      patch[key] = value;
      set(patch);
    },
  });
}

/** Issues by control id. */
export function indexIssues(flow: FlowDefinition, issues: readonly FlowIssue[]): IssueIndex {
  const out: IssueIndex = new Map();
  for (const issue of issues) {
    const id = issueControlId(flow, issue);
    out.set(id, [...(out.get(id) ?? []), issue]);
  }
  return out;
}

export function issueControlId(flow: FlowDefinition, issue: FlowIssue): string {
  const loc = locateIssue(flow, issue);
  return loc.kind === 'step'
    ? controlId(loc.stepId, fieldKey(loc.field))
    : controlId(null, fieldKey(loc.field));
}
