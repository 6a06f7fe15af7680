import { t } from '../../i18n';
import type { CallRow } from '../../db';
import { formatClock, formatDayMonth } from '../../flows/dates';
import { formatRuPhone } from '../../flows/phone';
import type { FlowDefinition } from '../../flows/types';

type Props = {
  calls: readonly CallRow[];
  flows: readonly FlowDefinition[];
  timeZone: string;
  onOpen: (callId: string) => void;
  /** Show the day as well as the time (lists spanning more than today). */
  withDate?: boolean;
};

/** Calls as one line each: time, direction, caller, outcome; the line opens the record. */
export function CallList({ calls, flows, timeZone, onOpen, withDate = true }: Props) {
  const text = t.callbacks.history;
  return (
    <ol className="call-list" data-testid="call-list">
      {calls.map((c) => {
        const flow = flows.find((f) => f.id === c.flowId);
        const outcome =
          c.status === 'active' ? text.active : c.outcome ? t.calls.outcomes[c.outcome] : text.noOutcome;
        const caller = [c.callerName, c.callerPhone && formatRuPhone(c.callerPhone)]
          .filter(Boolean)
          .join(', ');
        return (
          <li key={c.id}>
            <button type="button" onClick={() => onOpen(c.id)}>
              {withDate && `${formatDayMonth(c.startedAt, timeZone)}, `}
              {formatClock(c.startedAt, timeZone)} · {text.directions[c.direction]} ·{' '}
              {caller || text.unknownCaller} · {flow?.title ?? c.flowId} · <strong>{outcome}</strong>
              {c.topic && ` · ${c.topic}`}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
