import { t } from '../../i18n';
import type { CentreCallback } from '../../protocol';
import { formatDeadline } from '../../flows/dates';
import { formatRuPhone } from '../../flows/phone';
import { dueStatus } from './queue';

/** What every item of the list is given alike: the time, the person, the state of taking, the actions. */
export type CentreItemShared = {
  now: number;
  timeZone: string;
  /** The signed-in person: their own claim reads "you took it" and can be given back. */
  personId: string | null;
  /** Why taking is impossible right now (offline, a call in progress), or null. */
  blocked: string | null;
  onTake: (callback: CentreCallback) => void;
  onRelease: (callback: CentreCallback) => void;
};

type Props = CentreItemShared & { callback: CentreCallback };

/** One promised callback of the centre: when, to whom, about what, who has it; take it to call. */
export function CentreCallbackItem({ callback, now, timeZone, personId, blocked, onTake, onRelease }: Props) {
  const text = t.callbacks.centre;
  const due = Date.parse(callback.deadline);
  const status = dueStatus({ dueAt: due }, now);
  const phone = formatRuPhone(callback.phone);
  const who = callback.callerName ? `${callback.callerName}, ${phone}` : phone;
  const mine = callback.claim !== null && callback.claim.personId === personId;
  const reason = callback.claim && !mine ? text.takenReason(callback.claim.name) : mine ? null : blocked;
  const reasonId = `centre-callback-reason-${callback.id}`;
  return (
    <li
      className={`callback-item callback-${status}`}
      data-testid="centre-callback"
      data-status={status}
      data-claimed={callback.claim ? (mine ? 'mine' : 'other') : 'free'}
    >
      <p className="callback-due">
        <strong>{t.callbacks.queue.due(formatDeadline(due, now, timeZone))}</strong>
        {status !== 'later' && (
          <span className="badge">
            {status === 'overdue' ? t.callbacks.queue.overdue : t.callbacks.queue.dueSoon}
          </span>
        )}
      </p>
      <p>{who}</p>
      <p>
        {t.callbacks.queue.question}: {callback.question}
      </p>
      {callback.outsideHours && <p className="muted">{t.callbacks.queue.outsideHours}</p>}
      {callback.claim && <p>{mine ? text.heldByMe : text.heldBy(callback.claim.name)}</p>}
      {reason && (
        <p className="muted" id={reasonId}>
          {reason}
        </p>
      )}
      <div className="callback-actions">
        {!callback.claim || mine ? (
          <button
            type="button"
            disabled={reason !== null || (mine && blocked !== null)}
            aria-describedby={reason ? reasonId : undefined}
            aria-label={text.takeLabel(who)}
            onClick={() => onTake(callback)}
          >
            {text.take}
          </button>
        ) : null}
        {mine && (
          <button type="button" aria-label={text.releaseLabel(who)} onClick={() => onRelease(callback)}>
            {text.release}
          </button>
        )}
      </div>
    </li>
  );
}
