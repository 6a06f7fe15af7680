import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { complianceIssues, sortCalls, type SortKey } from '../analytics';
import { t } from '../i18n';
import { formatDateTime, formatDuration } from './format';
import type { SupervisorCall } from './useSupervisedCalls';

type Props = { calls: SupervisorCall[]; total: number; now: number; onOpen: (id: string) => void };

const ROW_PX = 36;
const LIST_PX = 420;
const SORTABLE: SortKey[] = ['startedAt', 'operatorName', 'handleMs', 'outcome', 'issues'];

function callerOf(c: SupervisorCall): string {
  const text = t.supervisor.list;
  const parts = [c.callerName, c.callerPhone].filter((p) => p !== null);
  return parts.length > 0 ? parts.join(', ') : c.row.status === 'ended' ? text.erased : '';
}

/** A windowed list: only the rows in view are in the DOM, so 100,000 calls scroll smoothly. */
export function CallsList({ calls, total, now, onOpen }: Props) {
  const text = t.supervisor.list;
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'startedAt', desc: true });
  const [active, setActive] = useState(0);
  const sorted = useMemo(() => sortCalls(calls, sort.key, sort.desc, now), [calls, sort, now]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_PX,
    overscan: 10,
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
    const page = Math.floor((scroller.current?.clientHeight ?? 360) / ROW_PX);
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
  const toggle = (key: SortKey) =>
    setSort((s) => ({ key, desc: s.key === key ? !s.desc : key !== 'operatorName' }));

  return (
    <div className="calls-list">
      <p role="status">{text.caption(calls.length, total)}</p>
      <div role="group" aria-label={text.sort}>
        {SORTABLE.map((key) => (
          <button key={key} type="button" aria-pressed={sort.key === key} onClick={() => toggle(key)}>
            {text.columns[key]}
            {sort.key === key ? (sort.desc ? ' ↓' : ' ↑') : ''}
          </button>
        ))}
      </div>
      <p className="hint">{text.keys}</p>
      {sorted.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        <div
          ref={scroller}
          role="listbox"
          tabIndex={0}
          aria-label={t.supervisor.tabs.calls}
          aria-activedescendant={sorted[current] ? `call-${sorted[current].row.id}` : undefined}
          onKeyDown={onKeyDown}
          style={{ height: LIST_PX, overflow: 'auto', position: 'relative' }}
        >
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const c = sorted[item.index];
              if (!c) return null;
              const issues = complianceIssues(c.facts, now).length;
              return (
                <div
                  key={c.row.id}
                  id={`call-${c.row.id}`}
                  role="option"
                  aria-selected={item.index === current}
                  className="calls-list__row"
                  onClick={() => {
                    setActive(item.index);
                    onOpen(c.row.id);
                  }}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_PX,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  <span>{formatDateTime(c.facts.startedAt)}</span> <span>{c.facts.operatorName}</span>{' '}
                  <span>{callerOf(c)}</span>{' '}
                  <span>{c.row.status === 'active' ? text.active : formatDuration(c.facts.handleMs)}</span>{' '}
                  <span>
                    {c.facts.outcome ? t.calls.outcomes[c.facts.outcome] : t.supervisor.filters.none}
                  </span>{' '}
                  <span>{issues > 0 ? `${text.columns.issues}: ${issues}` : ''}</span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
