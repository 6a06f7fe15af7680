import { t } from '../i18n';
import type { KbIssue } from '../kb/parse';

type Props = { id: string; issues: readonly KbIssue[] };

/** kb:check's messages for one field of an article being edited. */
export function KbIssueText({ id, issues }: Props) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="field-issues">
      {issues.map((i, k) => (
        <li key={k} className="field-error">
          {t.kb.describeProblem(i)}
        </li>
      ))}
    </ul>
  );
}
