import { t } from '../i18n';
import type { FlowIssue } from '../flows/issues';

type Props = { id: string; issues: readonly FlowIssue[] | undefined };

/** The messages under one control: errors and warnings in the validator's own words. */
export function IssueText({ id, issues }: Props) {
  if (!issues || issues.length === 0) return null;
  return (
    <ul id={id} className="field-issues">
      {issues.map((i, k) => (
        <li key={k} className={i.severity === 'error' ? 'field-error' : 'field-warning'}>
          {i.severity === 'warning' && `${t.editor.flow.warning}: `}
          {t.flows.issue(i.code, i.params)}
        </li>
      ))}
    </ul>
  );
}
