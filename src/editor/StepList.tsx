import { useState } from 'react';
import { t } from '../i18n';
import { addStep } from '../flows/edit';
import type { FlowDefinition } from '../flows/types';
import { DIRECTION_STAGES } from '../flows/types';
import type { EditFlow } from './StepForm';

type Props = {
  flow: FlowDefinition;
  selected: string | null;
  onSelect: (stepId: string | null) => void;
  edit: EditFlow;
  /** Steps with at least one error, to mark them in the list. */
  withErrors: ReadonlySet<string>;
};

/** The steps grouped by stage; the flow's own fields come first. */
export function StepList({ flow, selected, onSelect, edit, withErrors }: Props) {
  const text = t.editor.step;
  const [stage, setStage] = useState(DIRECTION_STAGES[flow.direction][0] ?? 'greeting');
  const add = () => {
    const next = addStep(flow, text.newId, stage, selected ?? undefined);
    edit(() => next);
    const created = next.steps.find((s) => !flow.steps.some((o) => o.id === s.id));
    if (created) onSelect(created.id);
  };
  return (
    <nav className="step-list" aria-label={text.listTitle}>
      <ul>
        <li>
          <button
            type="button"
            aria-current={selected === null ? 'true' : undefined}
            onClick={() => onSelect(null)}
          >
            {t.editor.flow.flowLevel}
          </button>
        </li>
        {/* A step moved to a stage of the other direction still shows, under that stage. */}
        {[...new Set([...DIRECTION_STAGES[flow.direction], ...flow.steps.map((s) => s.stage)])].map((st) => {
          const steps = flow.steps.filter((s) => s.stage === st);
          if (steps.length === 0) return null;
          return (
            <li key={st}>
              <span className="muted">{t.flows.stage(st)}</span>
              <ul>
                {steps.map((s) => (
                  <li key={s.id}>
                    <button
                      type="button"
                      aria-current={selected === s.id ? 'true' : undefined}
                      onClick={() => onSelect(s.id)}
                    >
                      {withErrors.has(s.id) ? '⚠ ' : ''}
                      {s.id}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
      <label>
        {text.newStage}{' '}
        <select
          value={stage}
          onChange={(e) =>
            setStage(DIRECTION_STAGES[flow.direction].find((s) => s === e.target.value) ?? stage)
          }
        >
          {DIRECTION_STAGES[flow.direction].map((s) => (
            <option key={s} value={s}>
              {t.flows.stage(s)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={add}>
        {text.add}
      </button>
    </nav>
  );
}
