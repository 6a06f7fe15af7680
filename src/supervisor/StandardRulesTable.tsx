import { STANDARD_RULES } from '../analytics';
import { t } from '../i18n';
import { ColumnHeads } from '../ui/ColumnHeads';

/** The standard's rules, each with its clause and how a call's record shows it — or why it cannot. */
export function StandardRulesTable() {
  const text = t.supervisor.compliance;
  return (
    <table className="standard-rules">
      <caption>{text.standardTitle}</caption>
      <ColumnHeads
        columns={[
          text.standardColumns.rule,
          text.standardColumns.clause,
          text.standardColumns.check,
          text.standardColumns.shows,
        ]}
      />
      <tbody>
        {STANDARD_RULES.map((r) => (
          <tr key={r.code} data-rule={r.code}>
            <th scope="row">{text.standard[r.code].rule}</th>
            <td>{r.clause}</td>
            <td>{text.checks[r.check]}</td>
            <td>{text.standard[r.code].shows}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
