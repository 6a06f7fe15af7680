import { t } from '../i18n';
import { FIELD_KINDS, type FieldKind, type FlowDefinition, type Step } from '../flows/types';
import { CaptureIdField } from './CaptureIdField';
import { EdField } from './EdField';
import type { IssueIndex } from './fieldKeys';
import type { EditFlow } from './StepForm';
import { StepItemList } from './StepItemList';

type Props = { flow: FlowDefinition; step: Step; edit: EditFlow; issues: IssueIndex };

/** Values the operator captures at this step, with their validation. */
export function CaptureEditor({ flow, step, edit, issues }: Props) {
  const text = t.editor.step;
  const kinds = FIELD_KINDS.map((k): [FieldKind, string] => [k, text.kinds[k] ?? k]);
  return (
    <StepItemList step={step} list="capture" edit={edit} issues={issues}>
      {(c, { field, set, bind }) => (
        <>
          <CaptureIdField flow={flow} {...field('id')} fieldId={c.id} edit={edit} />
          <EdField kind="text" {...bind('label')} label={text.fieldLabel} />
          <EdField kind="select" {...bind('kind')} label={text.fieldKind} options={kinds} />
          <label>
            <input
              type="checkbox"
              checked={c.required}
              onChange={(e) => set({ required: e.target.checked })}
            />{' '}
            {text.fieldRequired}
          </label>
          <EdField
            kind="text"
            {...field('pattern')}
            label={text.fieldPattern}
            value={c.pattern ?? ''}
            onChange={(pattern) => set({ pattern })}
          />
          <EdField
            kind="text"
            id={field('patternHint').id}
            label={text.fieldPatternHint}
            value={c.patternHint ?? ''}
            onChange={(patternHint) => set({ patternHint })}
          />
        </>
      )}
    </StepItemList>
  );
}
