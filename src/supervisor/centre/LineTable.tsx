import type { ReactNode } from 'react';
import { ColumnHeads } from '../../ui/ColumnHeads';

type Props = {
  /** The heading's id, which labels the table; tests find the table by it too. */
  id: string;
  title: string;
  /** Said instead of the table when there are no rows. */
  empty: string;
  columns: readonly string[];
  rows: readonly ReactNode[];
};

/** One table of the line board under its heading, or a line saying it has nothing to show. */
export function LineTable({ id, title, empty, columns, rows }: Props) {
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
