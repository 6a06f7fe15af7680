import { useEffect, useId, useRef, useState } from 'react';
import { t } from '../i18n';
import { availableActions, currentStep, type CallSession } from '../calls';
import type { FieldError } from '../flows/fields';
import type { CaptureField } from '../flows/types';
import { maskRuPhone } from './phoneMask';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';

type Props = { session: CallSession; send: Send; disabled: boolean; focusRequest: number };

/** The step's fields to write down from the caller's words; the engine validates and fills the card. */
export function CaptureFields({ session, send, disabled, focusRequest }: Props) {
  const flow = session.flow;
  const fields = useCallSelect(session, (s) => {
    const ids = availableActions(flow, s).capture;
    return currentStep(flow, s)?.capture.filter((f) => ids.includes(f.id)) ?? [];
  });
  const ref = useRef<HTMLFieldSetElement>(null);
  useEffect(() => {
    if (focusRequest > 0) ref.current?.querySelector('input')?.focus();
  }, [focusRequest]);
  if (fields.length === 0) return null;
  return (
    <fieldset className="capture" ref={ref}>
      <legend>{t.operator.capture.region}</legend>
      {fields.map((f) => (
        <CaptureInput key={f.id} session={session} field={f} send={send} disabled={disabled} />
      ))}
    </fieldset>
  );
}

type InputProps = { session: CallSession; field: CaptureField; send: Send; disabled: boolean };

function CaptureInput({ session, field, send, disabled }: InputProps) {
  const id = useId();
  const stored = useCallSelect(session, (s) => s.context.fields[field.id] ?? '');
  const error = useCallSelect(session, (s) => s.context.fieldErrors[field.id] ?? null);
  const [value, setValue] = useState(stored);
  // Enter commits and then blurs, which would commit again: remember what was last sent.
  const sent = useRef(stored);
  useEffect(() => {
    setValue(stored);
    sent.current = stored;
  }, [stored]);
  const phone = field.kind === 'phone';
  const commit = () => {
    if (value === sent.current) return;
    sent.current = value;
    void send({ type: 'operator.capture', fieldId: field.id, value });
  };
  const message = error ? t.flows.fieldError(error as FieldError, field.patternHint) : null; // codes come from validateField
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        type={phone ? 'tel' : 'text'}
        value={value}
        placeholder={field.placeholder}
        required={field.required}
        disabled={disabled}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setValue(phone ? maskRuPhone(e.target.value) : e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
      />
      {message && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {message}
        </span>
      )}
    </div>
  );
}
