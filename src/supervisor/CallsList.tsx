import { useVirtualizer } from '@tanstack/react-virtual';
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { complianceIssues, sortCalls, type SortKey } from '../analytics';
import { t } from '../i18n';
import { CallsListHead } from './CallsListHead';
import { callerNameText, resultText } from './callText';
import { formatDateTime, formatDuration } from './format';
import type { SupervisorCall } from './useSupervisedCalls';

type Props = { calls: SupervisorCall[]; total: number; now: number; onOpen: (id: string) => void };

const ROW_PX = 36;
const HEAD_PX = 40;
const LIST_PX = 420;

function callerOf(c: SupervisorCall): string {
  return [callerNameText(c.row, c.facts), c.callerPhone].filter((p) => p !== null && p !== '').join(', ');
}

/**
 * The calls as a grid a screen reader reads as one (a header row, a row per call, one selected). Only the
 * rows in view are in the DOM, so 100,000 calls scroll smoothly; aria-rowcount tells the full count.
 */
export function CallsList({ calls, total, now, onOpen }: Props) {
  const text = t.supervisor.list;
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'startedAt', desc: true });
  const [active, setActive] = useState(0);
  const sorted = useMemo(() => sortCalls(calls, sort.key, sort.desc, now), [calls, sort, now]);
  const scroller = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const virtual = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 10,
    // The header row sits at the top of the scrolled box: rows start below it and scroll into view below it.
    paddingStart: HEAD_PX,
    scrollPaddingStart: HEAD_PX,
    // The first paint (and a test without layout) knows the box's size before it is measured.
    initialRect: { width: 800, height: LIST_PX },
  });
  const current = Math.min(active, Math.max(0, sorted.length - 1));

  const move = (to: number) => {
    const i = Math.max(0, Math.min(sorted.length - 1, to));
    setActive(i);
    virtual.scrollToIndex(i);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    // Keys pressed on a column header's sort button are the button's own.
    if (e.target !== e.currentTarget) return;
    const page = Math.floor(((scroller.current?.clientHeight ?? LIST_PX) - HEAD_PX) / ROW_PX);
    const to = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      PageDown: current + page,
      PageUp: current - page,
      Home: 0,
      End: sorted.length - 1,
    }[e.key];
    if (to !== undefined) {
      e.preventDefault();
      move(to);
    } else if (e.key === 'Enter' && sorted[current]) onOpen(sorted[current].row.id);
  };
  const onSort = (key: SortKey) =>
    setSort((s) => ({
      key,
      desc: s.key === key ? !s.desc : key === 'startedAt' || key === 'handleMs' || key === 'issues',
    }));

  return (
    <div className="calls-list">
      <p role="status">{text.caption(calls.length, total)}</p>
      <p className="hint" id={hintId}>
        {text.keys}
      </p>
      {sorted.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div
          ref={scroller}
          role="grid"
          tabIndex={0}
          className="calls-grid"
          aria-label={t.supervisor.tabs.calls}
          aria-describedby={hintId}
          aria-rowcount={sorted.length + 1}
          aria-colcount={6}
          aria-activedescendant={sorted[current] ? `call-${sorted[current].row.id}` : undefined}
          onKeyDown={onKeyDown}
          style={{ height: LIST_PX, overflow: 'auto', position: 'relative' }}
        >
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            <CallsListHead sort={sort} onSort={onSort} height={HEAD_PX} />
            {virtual.getVirtualItems().map((item) => {
              const c = sorted[item.index];
              if (!c) return null;
              const issues = complianceIssues(c.facts, now).length;
              return (
                <div
                  key={c.row.id}
                  id={`call-${c.row.id}`}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={item.index === current}
                  className="calls-grid__row"
                  onClick={() => {
                    setActive(item.index);
                    onOpen(c.row.id);
                  }}
                  style={{ height: ROW_PX, transform: `translateY(${item.start}px)` }}
                >
                  <span role="gridcell">{formatDateTime(c.facts.startedAt)}</span>
                  <span role="gridcell">{c.facts.operatorName}</span>
                  <span role="gridcell">{callerOf(c)}</span>
                  <span role="gridcell">
                    {c.row.status === 'active' ? text.active : formatDuration(c.facts.handleMs)}
                  </span>
                  <span role="gridcell">{resultText(c.facts)}</span>
                  <span role="gridcell">{issues > 0 ? issues : ''}</span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
