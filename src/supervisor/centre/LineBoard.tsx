// The «Линия» tab (issue 19): the centre's line now, from the server's board, fetched again on each of
// its `board` events. The countdowns move once a second by the page's clock between fetches; when the
// link drops, the board stays as last read and says since when.
import { useEffect, useState } from 'react';
import type { Figures } from '../../analytics';
import { t } from '../../i18n';
import { useClock } from '../../services/ClockContext';
import { formatDuration } from '../format';
import { ListOrNone } from '../ListOrNone';
import { LineTables } from './LineTables';
import { lineRows, type CallbackDue } from './lineView';
import { useLineFeed } from './useLineFeed';

function CallbackList({ title, calls }: { title: string; calls: readonly CallbackDue[] }) {
  const text = t.centreSupervision.line;
  return (
    <>
      <h4>{title}</h4>
      {calls.length > 0 && (
        <ul>
          {calls.map((c) => (
            <li key={c.id}>{text.callbackLine(c.callerName ?? text.unknownCaller, c.phone, c.deadline)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The clock's time, moved on once a second: countdowns change calmly, nothing flashes. */
function useSecondTick(): number {
  const clock = useClock();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const handle = setInterval(() => setNow(clock.now()), 1000);
    return () => clearInterval(handle);
  }, [clock]);
  return now;
}

export function LineBoard() {
  const text = t.centreSupervision.line;
  const view = useLineFeed();
  const now = useSecondTick();
  if (view.status === 'loading') return <p role="status">{text.loading}</p>;
  const { board, callbacks, at } = view;
  const rows = board && at !== null ? lineRows(board, callbacks, now, at) : null;
  // The server's figures (src/analytics Figures) passed through whole; the schema vouches only for
  // `calls`, so each other figure is read as possibly missing.
  const today = board?.today as Partial<Figures> | undefined;
  const onCall = new Set(board?.calls.map((c) => c.personId));
  return (
    <section aria-labelledby="line-title" className="line-board" data-testid="line-board">
      <h2 id="line-title">{text.title}</h2>
      <p role="status">{view.status === 'live' ? text.live : text.lost(at)}</p>
      {board && rows && (
        <>
          <h3 id="line-people">{text.signedIn(board.signedIn.length)}</h3>
          <ListOrNone items={board.signedIn} none={text.nobodySignedIn} labelledBy="line-people">
            {(p) => (
              <li key={p.personId}>
                {p.name}
                {onCall.has(p.personId) ? ` — ${text.onCall}` : ''}
              </li>
            )}
          </ListOrNone>
          <LineTables rows={rows} />
          <h3>{text.callbacks}</h3>
          {rows.callbacks ? (
            <>
              <CallbackList
                title={text.overdue(rows.callbacks.overdue.length)}
                calls={rows.callbacks.overdue}
              />
              <CallbackList
                title={text.nextHour(rows.callbacks.nextHour.length)}
                calls={rows.callbacks.nextHour}
              />
            </>
          ) : (
            <p>{text.callbacksUnavailable}</p>
          )}
          <h3 id="line-stuck">{text.stuck(board.stuckOutboxes.length)}</h3>
          <ListOrNone items={board.stuckOutboxes} none={text.noneStuck} labelledBy="line-stuck">
            {(o) => (
              <li key={`${o.personId}-${o.stuckSince}`}>{text.stuckLine(o.name, o.calls, o.stuckSince)}</li>
            )}
          </ListOrNone>
        </>
      )}
      {today && (
        <>
          <h3 id="line-today">{text.today}</h3>
          <dl aria-labelledby="line-today" className="line-today">
            <dt>{text.todayCalls}</dt>
            <dd>{today.calls}</dd>
            <dt>{text.todayHandle}</dt>
            <dd>{formatDuration(today.avgHandleMs ?? null)}</dd>
            <dt>{text.todayFirstContact}</dt>
            <dd>{t.supervisor.dashboard.pct(today.firstContact?.share ?? null)}</dd>
            <dt>{text.todayHoldsOver}</dt>
            <dd>{today.holds?.overPromise ?? '—'}</dd>
          </dl>
        </>
      )}
    </section>
  );
}
