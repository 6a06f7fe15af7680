import { useState } from 'react';
import type { Department } from '../../calls/organisation';
import { TextField } from '../../ui/TextField';
import { t } from '../../i18n';

interface Props {
  value: Department[];
  onChange: (value: Department[]) => void;
}

function parseTopics(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Keeps the typed text so a trailing comma survives while the list is being typed. */
function TopicsField({ topics, onChange }: { topics: string[]; onChange: (topics: string[]) => void }) {
  const [text, setText] = useState(topics.join(', '));
  return (
    <TextField
      label={t.setup.organisation.departmentTopics}
      value={text}
      onChange={(next) => {
        setText(next);
        onChange(parseTopics(next));
      }}
    />
  );
}

/** The transfer directory: departments, their phones and the topics they handle. */
export function DepartmentsEditor({ value, onChange }: Props) {
  const labels = t.setup.organisation;
  const update = (i: number, patch: Partial<Department>) =>
    onChange(value.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <fieldset className="departments">
      <legend>{labels.departments}</legend>
      {value.map((d, i) => (
        <fieldset key={d.id} className="department">
          <legend>{d.name || labels.department(i + 1)}</legend>
          <TextField label={labels.departmentName} value={d.name} onChange={(name) => update(i, { name })} />
          <TextField
            label={labels.departmentPhone}
            type="tel"
            value={d.phone}
            onChange={(phone) => update(i, { phone })}
          />
          <TopicsField topics={d.topics} onChange={(topics) => update(i, { topics })} />
          <p className="muted">{labels.colleagues(d.colleagues.length)}</p>
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {labels.removeDepartment(d.name)}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([
            ...value,
            { id: `dep-${Date.now().toString(36)}`, name: '', phone: '', topics: [], colleagues: [] },
          ])
        }
      >
        {labels.addDepartment}
      </button>
    </fieldset>
  );
}
