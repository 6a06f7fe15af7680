import type { ReactNode } from 'react';
import type { FlowIssue } from '../flows/issues';
import { IssueText } from './IssueText';

type Common = {
  /** The control's DOM id: issues and "go to" find it by this. */
  id: string;
  label: string;
  issues?: readonly FlowIssue[] | undefined;
};

/** A select's choices as [value, text]; the change hands back the chosen value as its own type. */
type Select<T extends string> = {
  kind: 'select';
  value: T;
  onChange: (v: T) => void;
  options: readonly (readonly [T, string])[];
};

type Props<T extends string> = Common &
  (
    | { kind: 'text'; value: string; onChange: (v: string) => void; onBlur?: () => void }
    | { kind: 'area'; value: string; onChange: (v: string) => void; rows?: number }
    | { kind: 'number'; value: number; onChange: (v: number) => void; min?: number; max?: number }
    | Select<T>
  );

/** One labelled control of the editor's forms, with its issues tied to it for screen readers. */
export function EdField<T extends string>(props: Props<T>) {
  const { id, label, issues } = props;
  const describedBy = issues && issues.length > 0 ? `${id}-issues` : undefined;
  const invalid = issues?.some((i) => i.severity === 'error') ?? false;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': invalid || undefined };
  let control: ReactNode;
  switch (props.kind) {
    case 'text':
      control = (
        <input
          {...common}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          onBlur={props.onBlur}
        />
      );
      break;
    case 'area':
      control = (
        <textarea
          {...common}
          rows={props.rows ?? 3}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
        />
      );
      break;
    case 'number':
      control = (
        <input
          {...common}
          type="number"
          min={props.min}
          max={props.max}
          value={Number.isFinite(props.value) ? props.value : ''}
          onChange={(e) => props.onChange(e.target.valueAsNumber)}
        />
      );
      break;
    case 'select': {
      const { options, onChange } = props;
      const choose = (value: string) => {
        const chosen = options.find(([v]) => v === value);
        if (chosen) onChange(chosen[0]);
      };
      control = (
        <select {...common} value={props.value} onChange={(e) => choose(e.target.value)}>
          {props.options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      );
    }
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {control}
      <IssueText id={`${id}-issues`} issues={issues} />
    </div>
  );
}

/** "a, b ,c" → ["a", "b", "c"]. */
export function listOf(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
