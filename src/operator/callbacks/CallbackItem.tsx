import { t } from '../../i18n';
import type { CallbackAttemptResult, CallbackRow } from '../../db';
import { formatClock, formatDeadline } from '../../flows/dates';
import { formatRuPhone } from '../../flows/phone';
import { dueStatus } from './queue';

type Props = {
  task: CallbackRow;
  now: number;
  timeZone: string;
  /** False while a call is in progress: one call at a time. */
  canCall: boolean;
  onCall: (task: CallbackRow) => void;
  onAttempt: (task: CallbackRow, result: CallbackAttemptResult) => void;
};

const RESULTS: CallbackAttemptResult[] = ['noAnswer', 'busy', 'wrongNumber'];

/** One promised callback: when, to whom, about what; call now or note a failed try. */
export function CallbackItem({ task, now, timeZone, canCall, onCall, onAttempt }: Props) {
  const text = t.callbacks.queue;
  const status = dueStatus(task, now);
  const rescheduled = task.dueAt !== task.deadline;
  return (
    <li className={`callback-item callback-${status}`} data-testid="callback-item" data-status={status}>
      <p className="callback-due">
        <strong>
          {rescheduled
            ? text.rescheduled(formatDeadline(task.dueAt, now, timeZone))
            : text.due(formatDeadline(task.dueAt, now, timeZone))}
        </strong>
        {status !== 'later' && (
          <span className="badge" role="status">
            {status === 'overdue' ? text.overdue : text.dueSoon}
          </span>
        )}
      </p>
      <p>
        {task.callerName && <span>{task.callerName}, </span>}
        <span>{formatRuPhone(task.phone)}</span>
      </p>
      <p>
        {text.question}: {task.question}
      </p>
      {task.outsideHours && <p className="muted">{text.outsideHours}</p>}
      {task.attempts.length > 0 && (
        <p className="muted" data-testid="callback-attempts">
          {text.attemptsTitle}:{' '}
          {task.attempts.map((a) => `${formatClock(a.at, timeZone)} ${text.attempts[a.result]}`).join('; ')}
        </p>
      )}
      <div className="callback-actions">
        <button type="button" disabled={!canCall} onClick={() => onCall(task)}>
          {text.call}
        </button>
        <span role="group" aria-label={text.attemptLabel}>
          {RESULTS.map((r) => (
            <button key={r} type="button" onClick={() => onAttempt(task, r)}>
              {text.attempts[r]}
            </button>
          ))}
        </span>
      </div>
    </li>
  );
}
