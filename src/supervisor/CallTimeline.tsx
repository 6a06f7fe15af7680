import { t } from '../i18n';
import type { CallEventRow } from '../db';
import { formatDuration, formatTime } from './format';

type Props = { log: readonly CallEventRow[] };

/** Every recorded event with its time, the time since the start, and how long until the next one. */
export function CallTimeline({ log }: Props) {
  const text = t.supervisor.record;
  const start = log[0]?.at ?? 0;
  return (
    <>
      <h3>{text.timeline}</h3>
      <ol className="call-timeline">
        {log.map((r, i) => {
          const next = log[i + 1];
          return (
            <li key={r.seq}>
              {text.at(formatTime(r.at), formatDuration(r.at - start))} —{' '}
              {t.callbacks.history.events[r.event.type]}
              {r.after.stepId ? ` [${r.after.stepId}]` : ''}
              {next ? `, ${formatDuration(next.at - r.at)}` : ''}
            </li>
          );
        })}
      </ol>
    </>
  );
}
