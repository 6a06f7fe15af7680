import { useMemo } from 'react';
import { t } from '../i18n';
import type { CallEventRow } from '../db';
import type { FlowDefinition } from '../flows/types';
import { timelineOf } from '../i18n/callTimeline';
import { formatDuration, formatTime } from './format';

type Props = { log: readonly CallEventRow[]; flow: FlowDefinition | null };

const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every recorded event in words, with its time, the time since the start, and how long until the next. */
export function CallTimeline({ log, flow }: Props) {
  const text = t.supervisor.record;
  const start = log[0]?.at ?? 0;
  const entries = useMemo(() => timelineOf(log, flow ?? undefined, LOCAL_ZONE), [log, flow]);
  return (
    <>
      <h3>{text.timeline}</h3>
      <ol className="call-timeline">
        {entries.map((e, i) => {
          const next = entries[i + 1];
          return (
            <li key={e.seq}>
              {text.at(formatTime(e.at), formatDuration(e.at - start))} — {e.label}
              {e.detail && `: ${e.detail}`}
              {e.step && ` → ${t.callbacks.history.step(e.step)}`}
              {next ? `, ${formatDuration(next.at - e.at)}` : ''}
            </li>
          );
        })}
      </ol>
    </>
  );
}
