import { COMPLIANCE_RULES, type Figures } from '../analytics';
import { t } from '../i18n';
import { formatDuration } from './format';
import { ColumnHeads } from '../ui/ColumnHeads';

type Props = { operators: { operatorName: string; figures: Figures }[] };

/** The rule an operator broke in most calls, with the count: where coaching starts. */
function topRule(f: Figures): string {
  const [rule, n] = COMPLIANCE_RULES.map((r) => [r, f.byRule[r]] as const).reduce((a, b) =>
    b[1] > a[1] ? b : a,
  );
  return n === 0 ? '—' : `${t.supervisor.rules[rule]} (${n})`;
}

export function OperatorTable({ operators }: Props) {
  const text = t.supervisor.dashboard;
  return (
    <table className="operator-table">
      <caption>{text.operators}</caption>
      <ColumnHeads
        columns={[
          text.operator,
          text.calls,
          text.avgHandle,
          text.avgAfterCall,
          text.firstContact,
          text.holdsOver,
          text.transferBuckets.refusedAttempts,
          text.callbackBuckets.overdue,
          text.satisfaction,
          text.issues,
          text.topRule,
        ]}
      />
      <tbody>
        {operators.map(({ operatorName, figures: f }) => (
          <tr key={operatorName}>
            <th scope="row">{operatorName}</th>
            <td>{f.calls}</td>
            <td>{formatDuration(f.avgHandleMs)}</td>
            <td>{formatDuration(f.avgAfterCallMs)}</td>
            <td>{text.pct(f.firstContact.share)}</td>
            <td>{f.holds.overPromise}</td>
            <td>{f.transfers.refusedAttempts}</td>
            <td>{f.callbacks.overdue}</td>
            <td>
              {f.satisfaction.average === null ? '—' : f.satisfaction.average.toFixed(1).replace('.', ',')}
            </td>
            <td>{f.callsWithIssues}</td>
            <td>{topRule(f)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
