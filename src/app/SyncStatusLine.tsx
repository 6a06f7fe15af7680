// The one quiet place that says whether the calls reached the server (issue 17): never a dialog, never
// in the way of a call, not a live region. With a session to renew it offers to sign in again (the
// person chooses when). While the server answers, an event on its way for under SETTLE_MS is not
// called unsent: the line does not flicker with every step of a call. An outbox the sync client calls
// stuck (nothing moved for five minutes while the server answered) says so and asks to tell the
// administrator (issue 20). Events the server kept aside because another device of the operator had
// taken the calls over are said in words, once they came back (issue 17). A lazy chunk (AccountBar.tsx).
import { useEffect, useState } from 'react';
import { t } from '../i18n';
import type { SyncStatus } from '../services/sync';

const time = new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' });
const SETTLE_MS = 5000;

type Props = { status: SyncStatus; signInAgain: () => void };

export function SyncStatusLine({ status, signInAgain }: Props) {
  const words = t.sync;
  const { calls, oldestAt } = status.outbox ?? { calls: 0, oldestAt: null };
  const [now, setNow] = useState(() => Date.now());
  const waiting = status.connection === 'ok' && oldestAt !== null && now - oldestAt < SETTLE_MS;
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setNow(Date.now()), oldestAt + SETTLE_MS - Date.now());
    return () => clearTimeout(timer);
  }, [waiting, oldestAt]);
  const stuck = status.stuckSince !== null && calls > 0;
  const since = oldestAt === null ? '' : time.format(oldestAt);
  const unsent =
    calls > 0 && oldestAt !== null && !waiting
      ? stuck
        ? words.stuck(calls, since)
        : words.unsent(calls, since)
      : null;
  return (
    <span
      className={stuck ? 'sync-status sync-status--stuck' : 'sync-status'}
      data-testid="sync-status"
      title={words.region}
    >
      {status.connection === 'signInAgain' && calls > 0 ? (
        <button type="button" onClick={signInAgain}>
          {words.signInAgain}
        </button>
      ) : (
        status.connection === 'unreachable' && calls > 0 && <span>{words.unreachable}</span>
      )}
      <span>{unsent ?? words.allSent}</span>
      {status.keptAside && (
        <span className="sync-status__kept">
          {words.keptAside(status.keptAside.events, status.keptAside.calls)}
        </span>
      )}
    </span>
  );
}
