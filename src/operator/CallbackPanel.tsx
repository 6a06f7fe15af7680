import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../app/i18n';
import { actionIndex, isPanelConfirm } from '../app/shortcuts';
import { callerCard, currentStep, type CallSession } from '../calls';
import type { Clock } from '../calls/clock';
import { formatDeadline } from '../flows/dates';
import { formatRuPhone, normalizeRuPhone } from '../flows/phone';
import { callbackPresets } from '../flows/workingHours';
import { zonedToUtc } from '../flows/zonedTime';
import { StepActions } from './StepActions';
import { maskRuPhone } from './phoneMask';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';
import { useKeyDown } from './useKeyDown';

type Props = { session: CallSession; clock: Clock; send: Send; onClose: () => void };

/** "2026-11-24T15:30" typed in the organisation's own time zone, as an instant; null if malformed. */
function fromLocalInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  return zonedToUtc(y, mo, d, h * 60 + mi, timeZone);
}

/** Promising a callback: phone, a deadline inside working hours, the question; then the line to say. */
export function CallbackPanel({ session, clock, send, onClose }: Props) {
  const org = useCallSelect(session, (s) => s.context.organisation);
  const card = useCallSelect(session, callerCard);
  const [now] = useState(() => clock.now());
  const presets = callbackPresets(now, org);
  const [phone, setPhone] = useState(card.phone ? maskRuPhone(card.phone) : '');
  const [deadline, setDeadline] = useState<number | null>(presets[0]?.deadlineMs ?? null);
  const [custom, setCustom] = useState('');
  const [question, setQuestion] = useState(card.need ?? '');
  const [outsideHours, setOutsideHours] = useState(false);
  const ids = { phone: useId(), custom: useId(), question: useId(), outside: useId() };
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const text = t.operator.callback;
  const normalised = normalizeRuPhone(phone);
  const preview =
    deadline !== null && normalised
      ? text.line(formatDeadline(deadline, now, org.timeZone), formatRuPhone(normalised))
      : null;

  const confirm = async () => {
    if (deadline === null) return;
    const result = await send({
      type: 'operator.callback',
      deadline,
      question,
      outsideHours,
      ...(phone.trim() ? { phone } : {}),
    });
    if (!result?.accepted || result.notice !== null) return;
    // A callback step asks for the phone as a field too: the number just promised fills it.
    const step = currentStep(session.flow, session.getSnapshot());
    if (normalised && !card.phone && step?.capture.some((f) => f.id === 'callerPhone'))
      await send({ type: 'operator.capture', fieldId: 'callerPhone', value: normalised });
    onClose();
  };
  useKeyDown((e) => {
    const preset = presets[actionIndex(e)];
    if (preset) {
      e.preventDefault();
      setDeadline(preset.deadlineMs);
      setCustom('');
    } else if (isPanelConfirm(e)) {
      e.preventDefault();
      void confirm();
    }
  });

  return (
    <section className="call-panel" aria-label={text.region} tabIndex={-1} ref={ref}>
      <h3>{text.region}</h3>
      <label htmlFor={ids.phone}>{text.phone}</label>
      <input
        id={ids.phone}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(maskRuPhone(e.target.value))}
      />
      <StepActions
        label={text.deadline}
        disabled={false}
        actions={presets.map((p) => ({
          id: p.id,
          label: `${text.presets[p.id]} — ${formatDeadline(p.deadlineMs, now, org.timeZone)}${p.deadlineMs === deadline ? ' ✓' : ''}`,
          run: () => setDeadline(p.deadlineMs),
        }))}
      />
      <label htmlFor={ids.custom}>{text.custom}</label>
      <input
        id={ids.custom}
        type="datetime-local"
        value={custom}
        onChange={(e) => {
          setCustom(e.target.value);
          setDeadline(fromLocalInput(e.target.value, org.timeZone));
        }}
      />
      <label htmlFor={ids.question}>{text.question}</label>
      <textarea id={ids.question} rows={2} value={question} onChange={(e) => setQuestion(e.target.value)} />
      <label className="choice" htmlFor={ids.outside}>
        <input
          id={ids.outside}
          type="checkbox"
          checked={outsideHours}
          onChange={(e) => setOutsideHours(e.target.checked)}
        />
        {text.outsideHours}
      </label>
      {preview && (
        <p className="call-promise" data-testid="callback-preview">
          <span className="muted">{text.say}: </span>
          {preview}
        </p>
      )}
      <button type="button" className="primary" onClick={() => void confirm()} disabled={deadline === null}>
        <kbd className="call-key" aria-hidden="true">
          Enter
        </kbd>
        {text.promise}
      </button>
      <button type="button" className="secondary" onClick={onClose}>
        {text.close}
      </button>
    </section>
  );
}
