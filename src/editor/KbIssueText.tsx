import { t } from '../i18n';
import type { KbIssue, KbProblem } from '../kb/parse';

type Props = { id: string; issues: readonly KbIssue[] };

function describe(problem: KbProblem): string {
  // Each catalogue entry takes exactly its own problem shape; the map is checked by `satisfies` in kb.ts.
  const format = t.kb.issues[problem.code] as (p: KbProblem) => string;
  return format(problem);
}

/** kb:check's messages for one field of an article being edited. */
export function KbIssueText({ id, issues }: Props) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="field-issues">
      {issues.map((i, k) => (
        <li key={k} className="field-error">
          {describe(i)}
        </li>
      ))}
    </ul>
  );
}
