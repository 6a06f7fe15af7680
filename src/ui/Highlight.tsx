import { Fragment } from 'react';

type Props = {
  text: string;
  /** [start, end) ranges in UTF-16 code units, as the search engine reports them. */
  ranges: readonly (readonly [number, number])[];
};

/** Text with the matched words marked; overlapping or out-of-range ranges are tolerated. */
export function Highlight({ text, ranges }: Props) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const parts: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    const s = Math.max(start, at);
    const e = Math.min(end, text.length);
    if (e <= s) continue;
    const last = parts[parts.length - 1];
    if (s > at) parts.push({ text: text.slice(at, s), marked: false });
    // Overlapping ranges continue the previous mark instead of splitting one word into two.
    if (s === at && last?.marked) last.text += text.slice(s, e);
    else parts.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) parts.push({ text: text.slice(at), marked: false });
  return (
    <>
      {parts.map((p, i) => (
        <Fragment key={i}>{p.marked ? <mark>{p.text}</mark> : p.text}</Fragment>
      ))}
    </>
  );
}
