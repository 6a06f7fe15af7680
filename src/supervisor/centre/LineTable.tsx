import type { ReactNode } from 'react';
import { t } from '../../i18n';
import { ColumnHeads } from '../../ui/ColumnHeads';

const text = t.centreSupervision.line;

/** Each table of the board: its heading, what is said when it has no rows, its columns. */
const TABLES = {
  holds: { title: text.holds, empty: text.noHolds, columns: Object.values(text.holdColumns) },
  calls: { title: text.calls, empty: text.noCalls, columns: Object.values(text.callColumns) },
};

type Props = {
  /** Which table: its heading's id (`line-<name>`) labels the table; tests find the table by it too. */
  name: keyof typeof TABLES;
  rows: readonly ReactNode[];
};

/** One table of the line board under its heading, or a line saying it has nothing to show. */
export function LineTable({ name, rows }: Props) {
  const id = `line-${name}`;
  const { title, empty, columns } = TABLES[name];
  return (
    <>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table aria-labelledby={id} data-testid={id}>
          <ColumnHeads columns={columns} />
          <tbody>{rows}</tbody>
        </table>
      )}
    </>
  );
}
