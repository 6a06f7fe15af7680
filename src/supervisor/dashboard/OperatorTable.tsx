import { useState, type ReactNode } from 'react';
import { COMPLIANCE_RULES, type Figures } from '../../analytics';
import { t } from '../../i18n';
import { formatDuration } from '../format';
import { Sparkline } from './Sparkline';

type Operator = { operatorName: string; figures: Figures; days: number[] };
type Props = { operators: Operator[]; onOpen: (operatorName: string) => void };

/** The rule an operator broke in most calls, with the count: where coaching starts. */
function topRule(f: Figures): string {
  const [rule, n] = COMPLIANCE_RULES.map((r) => [r, f.byRule[r]] as const).reduce((a, b) =>
    b[1] > a[1] ? b : a,
  );
  return n === 0 ? '—' : `${t.supervisor.rules[rule]} (${n})`;
}

const score = (v: number | null) => (v === null ? '—' : v.toFixed(1).replace('.', ','));

type Column = {
  key: string;
  head: string;
  /** What the column sorts by; null for a column that does not sort. */
  sort: ((o: Operator) => number | string) | null;
  cell: (o: Operator) => ReactNode;
};

function columns(): Column[] {
  const text = t.supervisor.dashboard;
  const num = (v: number | null) => v ?? -1;
  return [
    { key: 'calls', head: text.calls, sort: (o) => o.figures.calls, cell: (o) => String(o.figures.calls) },
    { key: 'trend', head: text.trend, sort: null, cell: (o) => <Sparkline values={o.days} /> },
    {
      key: 'avgHandle',
      head: text.avgHandle,
      sort: (o) => num(o.figures.avgHandleMs),
      cell: (o) => formatDuration(o.figures.avgHandleMs),
    },
    {
      key: 'afterCall',
      head: text.avgAfterCall,
      sort: (o) => num(o.figures.avgAfterCallMs),
      cell: (o) => formatDuration(o.figures.avgAfterCallMs),
    },
    {
      key: 'firstContact',
      head: text.firstContact,
      sort: (o) => num(o.figures.firstContact.share),
      cell: (o) => text.pct(o.figures.firstContact.share),
    },
    {
      key: 'holds',
      head: text.holdsOver,
      sort: (o) => o.figures.holds.overPromise,
      cell: (o) => String(o.figures.holds.overPromise),
    },
    {
      key: 'refused',
      head: text.transferBuckets.refusedAttempts,
      sort: (o) => o.figures.transfers.refusedAttempts,
      cell: (o) => String(o.figures.transfers.refusedAttempts),
    },
    {
      key: 'overdue',
      head: text.callbackBuckets.overdue,
      sort: (o) => o.figures.callbacks.overdue,
      cell: (o) => String(o.figures.callbacks.overdue),
    },
    {
      key: 'satisfaction',
      head: text.satisfaction,
      sort: (o) => num(o.figures.satisfaction.average),
      cell: (o) => score(o.figures.satisfaction.average),
    },
    {
      key: 'issues',
      head: text.issues,
      sort: (o) => o.figures.callsWithIssues,
      cell: (o) => String(o.figures.callsWithIssues),
    },
    { key: 'topRule', head: text.topRule, sort: null, cell: (o) => topRule(o.figures) },
  ];
}

/** Each operator's figures with their calls by day; sorts by any figure; a name opens that operator's calls. */
export function OperatorTable({ operators, onOpen }: Props) {
  const text = t.supervisor.dashboard;
  const cols = columns();
  const [sort, setSort] = useState<{ key: string; desc: boolean }>({ key: 'operator', desc: false });
  const by = cols.find((c) => c.key === sort.key)?.sort;
  const sign = sort.desc ? -1 : 1;
  const rows = [...operators].sort((a, b) => {
    const x = by ? by(a) : a.operatorName;
    const y = by ? by(b) : b.operatorName;
    const cmp = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return sign * cmp || a.operatorName.localeCompare(b.operatorName);
  });
  const header = (key: string, head: string, sortable: boolean) => {
    const on = sort.key === key;
    return (
      <th key={key} scope="col" aria-sort={on ? (sort.desc ? 'descending' : 'ascending') : undefined}>
        {sortable ? (
          <button
            type="button"
            className="operator-table__sort"
            onClick={() => setSort({ key, desc: on ? !sort.desc : key !== 'operator' })}
          >
            {head}
            <span aria-hidden="true">{on ? (sort.desc ? ' ↓' : ' ↑') : ''}</span>
            <span className="visually-hidden">, {text.sortHint}</span>
          </button>
        ) : (
          head
        )}
      </th>
    );
  };
  return (
    <div className="operator-table__scroll">
      <table className="operator-table">
        <caption>{text.operators}</caption>
        <thead>
          <tr>
            {header('operator', text.operator, true)}
            {cols.map((c) => header(c.key, c.head, c.sort !== null))}
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.operatorName}>
              <th scope="row">
                <button
                  type="button"
                  className="link-button"
                  aria-label={text.openOperator(o.operatorName)}
                  onClick={() => onOpen(o.operatorName)}
                >
                  {o.operatorName}
                </button>
              </th>
              {cols.map((c) => (
                <td key={c.key}>{c.cell(o)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
