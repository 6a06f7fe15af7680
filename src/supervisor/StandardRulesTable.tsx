import { STANDARD_RULES } from '../analytics';
import { t } from '../i18n';

/** The standard's rules, each with its clause and how a call's record shows it — or why it cannot. */
export function StandardRulesTable() {
  const text = t.supervisor.compliance;
  return (
    <table className="standard-rules">
      <caption>{text.standardTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{text.standardColumns.rule}</th>
          <th scope="col">{text.standardColumns.clause}</th>
          <th scope="col">{text.standardColumns.check}</th>
          <th scope="col">{text.standardColumns.shows}</th>
        </tr>
      </thead>
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
