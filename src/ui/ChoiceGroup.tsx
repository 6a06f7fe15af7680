interface Props<T extends string> {
  legend: string;
  name: string;
  value: T;
  options: readonly { value: T; label: string; description?: string }[];
  onChange: (value: T) => void;
}

/** A radio group inside a fieldset: arrow keys move between choices, as screen-reader users expect. */
export function ChoiceGroup<T extends string>({ legend, name, value, options, onChange }: Props<T>) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="choice">
          <input
            type="radio"
            name={name}
            value={o.value}
            checked={value === o.value}
            onChange={() => onChange(o.value)}
          />
          <span>
            {o.label}
            {o.description && <small className="choice-description">{o.description}</small>}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
