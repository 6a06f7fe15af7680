import { useId } from 'react';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'tel' | 'email' | 'url' | 'time';
  required?: boolean;
  error?: string | null;
  autoComplete?: string;
  name?: string;
  autoFocus?: boolean;
}

/** A labelled input; the error, when any, is announced and tied to the input. */
export function TextField({
  label,
  value,
  onChange,
  type = 'text',
  required,
  error,
  autoComplete,
  name,
  autoFocus,
}: Props) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
