import { useMemo } from 'react';
import { complianceIssues } from '../analytics';
import { t } from '../i18n';
import { formatDateTime, formatDuration } from './format';
import { StandardRulesTable } from './StandardRulesTable';
import type { SupervisorCall } from './useSupervisedCalls';
import { ColumnHeads } from '../ui/ColumnHeads';

type Props = { calls: readonly SupervisorCall[]; now: number; onOpen: (id: string) => void };

/** Every broken rule of the period, the latest first, each with its call. */
export function ComplianceList({ calls, now, onOpen }: Props) {
  const text = t.supervisor.compliance;
  const rows = useMemo(
    () =>
      calls
        .flatMap((c) =>
          complianceIssues(c.facts, now).map((issue) => ({ issue, operator: c.facts.operatorName })),
        )
        .sort((a, b) => b.issue.at - a.issue.at),
    [calls, now],
  );
  if (rows.length === 0)
    return (
      <>
        <p>{text.empty}</p>
        <StandardRulesTable />
      </>
    );
  return (
    <>
      <table className="compliance">
        <ColumnHeads
          columns={[
            text.columns.at,
            text.columns.rule,
            text.columns.operator,
            text.columns.over,
            text.columns.call,
          ]}
        />
        <tbody>
          {rows.slice(0, 2000).map(({ issue, operator }) => (
            <tr key={`${issue.callId}-${issue.rule}-${issue.at}`}>
              <td>{formatDateTime(issue.at)}</td>
              <td>{t.supervisor.rules[issue.rule]}</td>
              <td>{operator}</td>
              <td>{issue.overMs === null ? '' : formatDuration(issue.overMs)}</td>
              <td>
                <button
                  type="button"
                  aria-label={text.openOf(t.supervisor.rules[issue.rule], operator, formatDateTime(issue.at))}
                  onClick={() => onOpen(issue.callId)}
                >
                  {text.open}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <StandardRulesTable />
    </>
  );
}
