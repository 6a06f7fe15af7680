import { t } from '../i18n';
import { addField, removeField, updateField } from '../flows/edit';
import { FIELD_KINDS, type FieldKind, type FlowDefinition, type Step } from '../flows/types';
import { CaptureIdField } from './CaptureIdField';
import { EdField } from './EdField';
import { controlId, controlsOf, type IssueIndex } from './fieldKeys';
import type { EditFlow } from './StepForm';
import { StepItemList } from './StepItemList';

type Props = { flow: FlowDefinition; step: Step; edit: EditFlow; issues: IssueIndex };

const isKind = (v: string): v is FieldKind => FIELD_KINDS.some((k) => k === v);

/** Values the operator captures at this step, with their validation. */
export function CaptureEditor({ flow, step, edit, issues }: Props) {
  const text = t.editor.step;
  const kinds = FIELD_KINDS.map((k): [string, string] => [k, text.kinds[k] ?? k]);
  return (
    <StepItemList
      id={controlId(step.id, 'capture')}
      legend={text.capture}
      items={step.capture}
      itemClass="capture-row"
      itemLegend={text.field}
      removeLabel={text.removeField}
      onRemove={(k) => edit((f) => removeField(f, step.id, k))}
      addLabel={text.addField}
      onAdd={() => edit((f) => addField(f, step.id))}
    >
      {(c, k) => {
        const field = controlsOf(issues, step.id, `capture[${k}].`);
        const set = (patch: Parameters<typeof updateField>[3]) =>
          edit((f) => updateField(f, step.id, k, patch));
        return (
          <>
            <CaptureIdField flow={flow} {...field('id')} fieldId={c.id} edit={edit} />
            <EdField
              kind="text"
              {...field('label')}
              label={text.fieldLabel}
              value={c.label}
              onChange={(label) => set({ label })}
            />
            <EdField
              kind="select"
              {...field('kind')}
              label={text.fieldKind}
              value={c.kind}
              options={kinds}
              onChange={(v) => isKind(v) && set({ kind: v })}
            />
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
        );
      }}
    </StepItemList>
  );
}
