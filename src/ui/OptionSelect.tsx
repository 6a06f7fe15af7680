import { useId } from 'react';

interface Props<T extends string> {
  label: string;
  /** What the empty first choice says ("any topic", "not chosen"). */
  emptyLabel: string;
  /** One of `options`, or '' for the empty choice. */
  value: string;
  options: readonly T[];
  optionLabel: (option: T) => string;
  /** The chosen option, or '' for the empty choice: never text the list does not hold. */
  onChange: (value: T | '') => void;
  disabled?: boolean;
  /** When the caller refers to the select by id (focus, aria-labelledby). */
  id?: string;
}

/** A labelled select over a fixed list, with an empty choice first. */
export function OptionSelect<T extends string>({
  label,
  emptyLabel,
  value,
  options,
  optionLabel,
  onChange,
  disabled,
  id,
}: Props<T>) {
  const ownId = useId();
  const selectId = id ?? ownId;
  return (
    <>
      <label htmlFor={selectId}>{label}</label>
      <select
        id={selectId}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? '')}
      >
        <option value="">{emptyLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </>
  );
}
