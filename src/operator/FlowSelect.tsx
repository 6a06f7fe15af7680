import { useId } from 'react';
import type { FlowDefinition } from '../flows/types';

type Props = {
  label: string;
  flows: readonly FlowDefinition[];
  value: string | null;
  onChange: (id: string) => void;
};

/** A labelled choice of flow, showing each flow's title. */
export function FlowSelect({ label, flows, value, onChange }: Props) {
  const id = useId();
  if (flows.length === 0) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {flows.map((f) => (
          <option key={f.id} value={f.id}>
            {f.title}
          </option>
        ))}
      </select>
    </div>
  );
}
