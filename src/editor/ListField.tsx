import { useEffect, useRef, useState } from 'react';
import { linesOf } from '../flows/edit';
import type { FlowIssue } from '../flows/issues';
import { EdField, listOf } from './EdField';

type Props = {
  id: string;
  label: string;
  value: readonly string[];
  onChange: (list: string[]) => void;
  /** One entry per line (a textarea) or comma-separated (a single line). */
  by: 'line' | 'comma';
  issues?: readonly FlowIssue[] | undefined;
};

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function joinList(list: readonly string[], by: Props['by']): string {
  return list.join(by === 'line' ? '\n' : ', ');
}

/**
 * A list edited as text. The text is kept as typed (a trailing comma or an empty line while typing is
 * not swallowed); the list is what the flow stores.
 */
export function ListField({ id, label, value, onChange, by, issues }: Props) {
  const [text, setText] = useState(() => joinList(value, by));
  const lastSent = useRef(value);
  useEffect(() => {
    // Changed from outside (undo, rename, another view): show the new list.
    if (!sameList(value, lastSent.current)) setText(joinList(value, by));
  }, [value, by]);
  const change = (next: string) => {
    setText(next);
    const list = by === 'line' ? linesOf(next) : listOf(next);
    lastSent.current = list;
    onChange(list);
  };
  return by === 'line' ? (
    <EdField kind="area" id={id} label={label} value={text} onChange={change} issues={issues} />
  ) : (
    <EdField kind="text" id={id} label={label} value={text} onChange={change} issues={issues} />
  );
}
