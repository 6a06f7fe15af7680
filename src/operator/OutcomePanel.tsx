import { useId, useState } from 'react';
import { t } from '../i18n';
import type { CallSession, OutcomeDetails } from '../calls';
import { OUTCOMES, type Outcome, type StepOption } from '../flows/types';
import { zonedToUtc } from '../flows/zonedTime';
import { TextField } from '../ui/TextField';
import { StepActions } from './StepActions';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';
import { CallPanel } from './CallPanel';

type Props = { session: CallSession; send: Send; option: StepOption | null; onClose: () => void };

/** Outcomes chosen here; a callback is promised through its own panel, which settles the outcome. */
const CHOOSABLE = OUTCOMES.filter((o) => o !== 'callback');

/** Noon of a "YYYY-MM-DD" day in the organisation's zone: the day is what the caller hears. */
function dayToMs(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? zonedToUtc(Number(m[1]), Number(m[2]), Number(m[3]), 12 * 60, timeZone) : undefined;
}

/** The outcome (STANDARD §5) with the details it needs: a date, a reason and way forward, the other body. */
export function OutcomePanel({ session, send, option, onClose }: Props) {
  const draft = useCallSelect(session, (s) => s.context.outcomeDraft);
  const tz = useCallSelect(session, (s) => s.context.organisation.timeZone);
  const [outcome, setOutcome] = useState<Outcome | null>(option?.outcome ?? null);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState(draft.reason ?? '');
  const [wayForward, setWayForward] = useState(draft.wayForward ?? '');
  const [body, setBody] = useState(draft.body ?? '');
  const dateId = useId();
  const text = t.callPanels.outcome;

  const details = (): OutcomeDetails => {
    const d: OutcomeDetails = {};
    const ms = dayToMs(date, tz);
    if (outcome === 'byDate' && ms !== undefined) d.date = ms;
    if (outcome === 'impossible') Object.assign(d, { reason, wayForward });
    if (outcome === 'redirected') d.body = body;
    return d;
  };
  const confirm = async () => {
    if (outcome === null) return;
    const result = option
      ? await send({ type: 'operator.choose', optionId: option.id, details: details() })
      : await send({ type: 'operator.end', outcome, ...details() });
    if (result?.accepted && result.notice === null) onClose();
  };
  return (
    <CallPanel
      region={text.region}
      title={option ? option.label : text.region}
      // Opened from a step's option, the outcome is the option's: no keys pick another.
      presets={option ? [] : CHOOSABLE}
      onPreset={setOutcome}
      onConfirm={confirm}
      confirmLabel={text.confirm}
      canConfirm={outcome !== null}
      closeLabel={text.close}
      onClose={onClose}
    >
      {!option && (
        <StepActions
          label={text.choose}
          disabled={false}
          actions={CHOOSABLE.map((o) => ({
            id: o,
            label: `${t.calls.outcomes[o]}${o === outcome ? ' ✓' : ''}`,
            run: () => setOutcome(o),
          }))}
        />
      )}
      {outcome === 'byDate' && (
        <div className="field">
          <label htmlFor={dateId}>{text.date}</label>
          <input id={dateId} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      )}
      {outcome === 'impossible' && (
        <>
          <TextField label={text.reason} value={reason} onChange={setReason} required />
          <TextField label={text.wayForward} value={wayForward} onChange={setWayForward} required />
        </>
      )}
      {outcome === 'redirected' && <TextField label={text.body} value={body} onChange={setBody} required />}
    </CallPanel>
  );
}
