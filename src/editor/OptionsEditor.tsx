import { t } from '../i18n';
import { addOption, removeOption, updateOption } from '../flows/edit';
import { OUTCOMES, type Outcome, type Step } from '../flows/types';
import { EdField } from './EdField';
import { controlId, type IssueIndex } from './fieldKeys';
import type { EditFlow } from './StepForm';

type Props = { step: Step; stepIds: readonly string[]; edit: EditFlow; issues: IssueIndex };

const isOutcome = (v: string): v is Outcome => OUTCOMES.some((o) => o === v);

/** The branches of a step: button text, the step it leads to, and the outcome it settles. */
export function OptionsEditor({ step, stepIds, edit, issues }: Props) {
  const text = t.editor.step;
  const targets = stepIds.map((id): [string, string] => [id, id]);
  const outcomes: [string, string][] = [
    ['', text.noOutcome],
    ...OUTCOMES.map((o): [string, string] => [o, t.flows.outcome(o)]),
  ];
  return (
    <fieldset id={controlId(step.id, 'options')}>
      <legend>{text.options}</legend>
      {step.options.map((o, k) => {
        const key = (f: string) => controlId(step.id, `options[${k}].${f}`);
        // A target that no longer exists stays selectable so the error can be seen and fixed.
        const withCurrent = stepIds.includes(o.next)
          ? targets
          : [...targets, [o.next, o.next] as [string, string]];
        return (
          <fieldset key={k} className="option-row">
            <legend>{text.option(k + 1)}</legend>
            <EdField
              kind="text"
              id={key('label')}
              label={text.optionLabel}
              value={o.label}
              issues={issues.get(key('label'))}
              onChange={(label) => edit((f) => updateOption(f, step.id, k, { label }))}
            />
            <EdField
              kind="select"
              id={key('next')}
              label={text.optionNext}
              value={o.next}
              options={withCurrent}
              issues={issues.get(key('next'))}
              onChange={(next) => edit((f) => updateOption(f, step.id, k, { next }))}
            />
            <EdField
              kind="select"
              id={key('outcome')}
              label={text.optionOutcome}
              value={o.outcome ?? ''}
              options={outcomes}
              onChange={(v) =>
                edit((f) => updateOption(f, step.id, k, { outcome: isOutcome(v) ? v : undefined }))
              }
            />
            <button
              type="button"
              aria-label={text.removeOption(k + 1)}
              onClick={() => edit((f) => removeOption(f, step.id, k))}
            >
              {text.removeItem}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => edit((f) => addOption(f, step.id, step.id))}>
        {text.addOption}
      </button>
    </fieldset>
  );
}
