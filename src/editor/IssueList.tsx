import { t } from '../i18n';
import { locateIssue } from '../flows/edit';
import type { FlowIssue } from '../flows/issues';
import type { FlowDefinition } from '../flows/types';
import { issueControlId } from './fieldKeys';

type Props = {
  flow: FlowDefinition;
  issues: readonly FlowIssue[];
  /** Opens the step (null = the flow's own fields) and focuses the control. */
  onGoTo: (stepId: string | null, controlId: string) => void;
};

/** Every problem of the draft, each with a way to the field it is about. */
export function IssueList({ flow, issues, onGoTo }: Props) {
  const text = t.editor.flow;
  const errors = issues.filter((i) => i.severity === 'error').length;
  return (
    <section className="issue-list" aria-label={text.issuesTitle(errors, issues.length - errors)}>
      <p role="status">
        {issues.length === 0 ? text.noIssues : text.issuesTitle(errors, issues.length - errors)}
      </p>
      <ul>
        {issues.map((issue, k) => {
          const loc = locateIssue(flow, issue);
          const where = loc.kind === 'step' ? loc.stepId : text.flowLevel;
          return (
            <li
              key={k}
              className={issue.severity === 'error' ? 'issue-error' : 'issue-warning'}
              data-path={issue.path}
            >
              <button
                type="button"
                onClick={() => onGoTo(loc.kind === 'step' ? loc.stepId : null, issueControlId(flow, issue))}
              >
                {text.goTo}
              </button>{' '}
              <strong>{where}</strong>: {t.flows.issueLine(issue)}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
