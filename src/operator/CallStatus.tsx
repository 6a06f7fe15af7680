import { t } from '../i18n';
import { holdExpiredChoices, holdRemainingMs, phase, type CallSession } from '../calls';
import type { Clock } from '../calls/clock';
import { spokenMinutes } from '../flows/plural';
import { formatMinSec, useNow } from './useNow';
import { useCallSelect } from './useCallSelect';

type Props = { session: CallSession; clock: Clock };

/** The state beside the line: the hold countdown and its calm warning, the expiry choices, the handover. */
export function CallStatus({ session, clock }: Props) {
  const p = useCallSelect(session, phase);
  const onHold = p === 'onHold' || p === 'holdWarning' || p === 'holdExpired';
  const now = useNow(clock, onHold);
  const remaining = useCallSelect(session, (s) => holdRemainingMs(s, now));
  const promised = useCallSelect(session, (s) => s.context.holds.at(-1)?.promisedMinutes ?? null);
  const choices = useCallSelect(session, holdExpiredChoices);
  const handover = useCallSelect(session, (s) =>
    p === 'transferring' ? (s.context.transfers.at(-1)?.summary ?? null) : null,
  );
  const text = t.operator;
  if (!onHold && handover === null) return null;
  return (
    <section className="call-status" aria-label={t.calls.phases[p]}>
      <p className="call-phase">{t.calls.phases[p]}</p>
      {onHold && remaining !== null && (
        <p className="hold-countdown" data-testid="hold-countdown">
          {promised !== null && `${spokenMinutes(promised)} · `}
          {remaining > 0 ? text.hold.left(formatMinSec(remaining)) : text.hold.over(formatMinSec(remaining))}
        </p>
      )}
      {p === 'holdWarning' && (
        <p className="hold-warning" role="status">
          {text.hold.warning}
        </p>
      )}
      {choices && (
        <div className="hold-expired" role="alert">
          <p>{text.hold.expired}</p>
          <ol>
            <li>{choices.answer}</li>
            {choices.moreTime && <li>{choices.moreTime}</li>}
            <li>{choices.callback}</li>
          </ol>
        </div>
      )}
      {handover !== null && (
        <div className="handover">
          <p className="muted">{text.transfer.summaryHint}</p>
          <p data-testid="handover-summary">{handover}</p>
        </div>
      )}
    </section>
  );
}
