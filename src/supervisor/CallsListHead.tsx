import type { SortKey } from '../analytics';
import { t } from '../i18n';

type Props = {
  sort: { key: SortKey; desc: boolean };
  onSort: (key: SortKey) => void;
  height: number;
};

/** The columns in the list's order; each header sorts by its column. */
export const LIST_COLUMNS: readonly SortKey[] = [
  'startedAt',
  'operatorName',
  'caller',
  'handleMs',
  'outcome',
  'issues',
];

/** The grid's header row: stays in view while the calls scroll under it. */
export function CallsListHead({ sort, onSort, height }: Props) {
  const text = t.supervisor.list;
  return (
    <div role="row" aria-rowindex={1} className="calls-grid__row calls-grid__head" style={{ height }}>
      {LIST_COLUMNS.map((key) => {
        const sorted = sort.key === key;
        return (
          <span
            key={key}
            role="columnheader"
            aria-sort={sorted ? (sort.desc ? 'descending' : 'ascending') : undefined}
          >
            <button type="button" className="secondary" onClick={() => onSort(key)}>
              {text.columns[key]}
              <span aria-hidden="true">{sorted ? (sort.desc ? ' ↓' : ' ↑') : ''}</span>
            </button>
          </span>
        );
      })}
    </div>
  );
}
