import type { ReactNode } from 'react';

type Props<T> = {
  items: readonly T[];
  /** Said instead of the list when there is nothing in it. */
  none: string;
  /** The id of the heading that names the list, where one does. */
  labelledBy?: string;
  /** One item as a list item, with its key. */
  children: (item: T) => ReactNode;
};

/** A list of a record's or a board's items, or a line saying there are none. */
export function ListOrNone<T>({ items, none, labelledBy, children }: Props<T>) {
  if (items.length === 0) return <p>{none}</p>;
  return <ul aria-labelledby={labelledBy}>{items.map((item) => children(item))}</ul>;
}
