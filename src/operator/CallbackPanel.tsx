import { useId, useRef, useState } from 'react';
import { t } from '../i18n';
import { callerCard, currentStep, type CallSession, type NoticeCode } from '../calls';
import type { Clock } from '../calls/clock';
import { formatDeadline } from '../flows/dates';
import { formatRuPhone, normalizeRuPhone } from '../flows/phone';
import { callbackPresets, type CallbackPreset } from '../calls/callbackTimes';
import { StepActions } from './StepActions';
import { fromLocalInput } from './localTime';
import { maskRuPhone } from './phoneMask';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';
import { CallPanel, LinePreview } from './CallPanel';

type Props = {
  session: CallSession;
  clock: Clock;
  send: Send;
  onClose: () => void;
  /** 'afterEnd': the call broke off; the caller is gone and the task goes straight to the queue. */
  mode?: 'promise' | 'afterEnd';
};

/** Promising a callback: phone, a deadline inside working hours, the question; then the line to say. */
export function CallbackPanel({ session, clock, send, onClose, mode = 'promise' }: Props) {
  const org = useCallSelect(session, (s) => s.context.organisation);
  const card = useCallSelect(session, callerCard);
  const [now] = useState(() => clock.now());
  const presets = callbackPresets(now, org);
  // Prefills follow the card until the operator types: a capture pressed just before C may still be on
  // its way to storage when the panel opens (the card shows stored state only).
  const [typedPhone, setPhone] = useState<string | null>(null);
  const [deadline, setDeadline] = useState<number | null>(presets[0]?.deadlineMs ?? null);
  const [custom, setCustom] = useState('');
  const [typedQuestion, setQuestion] = useState<string | null>(null);
  const [outsideHours, setOutsideHours] = useState(false);
  const [typedName, setName] = useState<string | null>(null);
  /** What the form holds: what was typed, else what the card says. */
  const formOf = (c: typeof card) => ({
    phone: typedPhone ?? (c.phone ? maskRuPhone(c.phone) : ''),
    question: typedQuestion ?? c.need ?? '',
    name: typedName ?? c.name ?? '',
  });
  const { phone, question, name } = formOf(card);
  const [refusal, setRefusal] = useState<NoticeCode | null>(null);
  const ids = { phone: useId(), custom: useId(), question: useId(), outside: useId(), name: useId() };
  const phoneRef = useRef<HTMLInputElement>(null);
  const afterEnd = mode === 'afterEnd';
  const text = t.callPanels.callback;
  const normalised = normalizeRuPhone(phone);
  const preview =
    !afterEnd && deadline !== null && normalised
      ? text.line(formatDeadline(deadline, now, org.timeZone), formatRuPhone(normalised))
      : null;

  const confirm = async () => {
    if (deadline === null) return;
    // What the operator did not type comes from the engine, not from the screen: a need typed with Enter
    // and C, Enter straight after is in the call already while its write (and so the card) may lag.
    const snapshot = session.getSnapshot();
    const live = callerCard(snapshot);
    const form = formOf(live);
    const livePhone = normalizeRuPhone(form.phone);
    // A callback step asks for the phone as a field too: the number being promised fills it first (also
    // one that came with the call), so the promise itself settles the step and moves the call on (one
    // confirmation, not two).
    const step = afterEnd ? undefined : currentStep(session.flow, snapshot);
    if (
      livePhone &&
      snapshot.context.fields.callerPhone !== livePhone &&
      step?.capture.some((f) => f.id === 'callerPhone')
    )
      await send({ type: 'operator.capture', fieldId: 'callerPhone', value: livePhone });
    const name = form.name.trim();
    const result = await send({
      type: 'operator.callback',
      deadline,
      question: form.question,
      outsideHours,
      ...(form.phone.trim() ? { phone: form.phone } : {}),
      ...(afterEnd && name && name !== live.name ? { callerName: name } : {}),
    });
    setRefusal(result?.notice?.code ?? null);
    if (!result?.accepted || result.notice !== null) return;
    onClose();
  };
  const pickPreset = (preset: CallbackPreset) => {
    setDeadline(preset.deadlineMs);
    setCustom('');
  };

  return (
    <CallPanel
      region={text.region}
      title={afterEnd ? text.afterBreakOff : text.region}
      presets={presets}
      onPreset={pickPreset}
      onConfirm={confirm}
      confirmLabel={afterEnd ? text.queue : text.promise}
      canConfirm={deadline !== null}
      closeLabel={text.close}
      onClose={onClose}
      // Without a known number the operator's first job is to type one.
      first={afterEnd && !card.phone ? phoneRef : undefined}
    >
      {afterEnd && !card.phone && (
        <p role="status" data-testid="callback-phone-needed">
          {text.phoneNeeded}
        </p>
      )}
      <label htmlFor={ids.phone}>{text.phone}</label>
      <input
        id={ids.phone}
        ref={phoneRef}
        type="tel"
        value={phone}
        onChange={(e) => setPhone(maskRuPhone(e.target.value))}
      />
      {afterEnd && (
        <>
          <label htmlFor={ids.name}>{text.name}</label>
          <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} />
        </>
      )}
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
      {refusal && afterEnd && (
        <p role="alert" data-testid="callback-refused">
          {t.calls.notice(refusal, {})}
        </p>
      )}
      {preview && <LinePreview label={text.say} testId="callback-preview" line={preview} />}
    </CallPanel>
  );
}
