import { t } from '../i18n';
import { OUTCOMES, type Outcome, type Step } from '../flows/types';
import { EdField } from './EdField';
import type { IssueIndex } from './fieldKeys';
import type { EditFlow } from './StepForm';
import { StepItemList } from './StepItemList';

type Props = { step: Step; stepIds: readonly string[]; edit: EditFlow; issues: IssueIndex };

/** The branches of a step: button text, the step it leads to, and the outcome it settles. */
export function OptionsEditor({ step, stepIds, edit, issues }: Props) {
  const text = t.editor.step;
  const targets = stepIds.map((id): [string, string] => [id, id]);
  const outcomes: ['' | Outcome, string][] = [
    ['', text.noOutcome],
    ...OUTCOMES.map((o): [Outcome, string] => [o, t.flows.outcome(o)]),
  ];
  return (
    <StepItemList step={step} list="options" edit={edit} issues={issues}>
      {(o, { field, set, bind }) => {
        // A target that no longer exists stays selectable so the error can be seen and fixed.
        const withCurrent = stepIds.includes(o.next)
          ? targets
          : [...targets, [o.next, o.next] as [string, string]];
        return (
          <>
            <EdField kind="text" {...bind('label')} label={text.optionLabel} />
            <EdField kind="select" {...bind('next')} label={text.optionNext} options={withCurrent} />
            <EdField
              kind="select"
              id={field('outcome').id}
              label={text.optionOutcome}
              value={o.outcome ?? ''}
              options={outcomes}
              onChange={(v) => set({ outcome: v || undefined })}
            />
          </>
        );
      }}
    </StepItemList>
  );
}
