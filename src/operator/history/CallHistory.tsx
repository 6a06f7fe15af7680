import { useState } from 'react';
import { t } from '../../i18n';
import type { Clock } from '../../calls/clock';
import type { AppDB } from '../../db';
import { listCallsBetween } from '../../db/records';
import type { FlowDefinition } from '../../flows/types';
import { CallList } from './CallList';
import { CallRecordView } from './CallRecordView';
import { periodRange, type Period } from './periods';
import { useWatched } from './useWatched';

type Props = {
  db: AppDB | null;
  flows: readonly FlowDefinition[];
  timeZone: string;
  clock: Clock;
};

const PERIODS: Period[] = ['today', 'week'];

/** The operator's calls today or this week; each opens its full record. */
export function CallHistory({ db, clock, ...shown }: Props) {
  // Both views, the list and a record, show the calls with the same flows in the same time zone.
  const { timeZone } = shown;
  const text = t.callbacks.history;
  const [period, setPeriod] = useState<Period>('today');
  const [openId, setOpenId] = useState<string | null>(null);
  const [from, to] = periodRange(period, clock.now(), timeZone);
  const calls = useWatched(db ? () => listCallsBetween(db, from, to) : null, `calls-${from}-${to}`);

  if (db && openId)
    return <CallRecordView db={db} callId={openId} {...shown} onBack={() => setOpenId(null)} />;
  return (
    <section aria-labelledby="history-title" className="call-history">
      <h2 id="history-title">{text.title}</h2>
      <div role="group" aria-label={text.title}>
        {PERIODS.map((p) => (
          <button key={p} type="button" aria-pressed={period === p} onClick={() => setPeriod(p)}>
            {text[p]}
          </button>
        ))}
      </div>
      {calls.status === 'failed' ? (
        <p role="alert">{text.loadFailed}</p>
      ) : calls.status === 'ready' && calls.value.length === 0 ? (
        <p>{text.empty}</p>
      ) : (
        calls.status === 'ready' && (
          <CallList calls={calls.value} {...shown} onOpen={setOpenId} withDate={period === 'week'} />
        )
      )}
    </section>
  );
}
