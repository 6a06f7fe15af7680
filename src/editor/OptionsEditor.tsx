import { t } from '../i18n';
import { addOption, removeOption, updateOption } from '../flows/edit';
import { OUTCOMES, type Outcome, type Step } from '../flows/types';
import { EdField } from './EdField';
import { controlId, controlsOf, type IssueIndex } from './fieldKeys';
import type { EditFlow } from './StepForm';
import { StepItemList } from './StepItemList';

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
    <StepItemList
      id={controlId(step.id, 'options')}
      legend={text.options}
      items={step.options}
      itemClass="option-row"
      itemLegend={text.option}
      removeLabel={text.removeOption}
      onRemove={(k) => edit((f) => removeOption(f, step.id, k))}
      addLabel={text.addOption}
      onAdd={() => edit((f) => addOption(f, step.id, step.id))}
    >
      {(o, k) => {
        const field = controlsOf(issues, step.id, `options[${k}].`);
        const set = (patch: Parameters<typeof updateOption>[3]) =>
          edit((f) => updateOption(f, step.id, k, patch));
        // A target that no longer exists stays selectable so the error can be seen and fixed.
        const withCurrent = stepIds.includes(o.next)
          ? targets
          : [...targets, [o.next, o.next] as [string, string]];
        return (
          <>
            <EdField
              kind="text"
              {...field('label')}
              label={text.optionLabel}
              value={o.label}
              onChange={(label) => set({ label })}
            />
            <EdField
              kind="select"
              {...field('next')}
              label={text.optionNext}
              value={o.next}
              options={withCurrent}
              onChange={(next) => set({ next })}
            />
            <EdField
              kind="select"
              id={field('outcome').id}
              label={text.optionOutcome}
              value={o.outcome ?? ''}
              options={outcomes}
              onChange={(v) => set({ outcome: isOutcome(v) ? v : undefined })}
            />
          </>
        );
      }}
    </StepItemList>
  );
}
