import { t } from '../i18n';
import { addField, removeField, updateField } from '../flows/edit';
import { FIELD_KINDS, type FieldKind, type FlowDefinition, type Step } from '../flows/types';
import { CaptureIdField } from './CaptureIdField';
import { EdField } from './EdField';
import { controlId, type IssueIndex } from './fieldKeys';
import type { EditFlow } from './StepForm';

type Props = { flow: FlowDefinition; step: Step; edit: EditFlow; issues: IssueIndex };

const isKind = (v: string): v is FieldKind => FIELD_KINDS.some((k) => k === v);

/** Values the operator captures at this step, with their validation. */
export function CaptureEditor({ flow, step, edit, issues }: Props) {
  const text = t.editor.step;
  const kinds = FIELD_KINDS.map((k): [string, string] => [k, text.kinds[k] ?? k]);
  return (
    <fieldset id={controlId(step.id, 'capture')}>
      <legend>{text.capture}</legend>
      {step.capture.map((c, k) => {
        const key = (f: string) => controlId(step.id, `capture[${k}].${f}`);
        const set = (patch: Parameters<typeof updateField>[3]) =>
          edit((f) => updateField(f, step.id, k, patch));
        return (
          <fieldset key={k} className="capture-row">
            <legend>{text.field(k + 1)}</legend>
            <CaptureIdField
              flow={flow}
              id={key('id')}
              fieldId={c.id}
              edit={edit}
              issues={issues.get(key('id'))}
            />
            <EdField
              kind="text"
              id={key('label')}
              label={text.fieldLabel}
              value={c.label}
              issues={issues.get(key('label'))}
              onChange={(label) => set({ label })}
            />
            <EdField
              kind="select"
              id={key('kind')}
              label={text.fieldKind}
              value={c.kind}
              options={kinds}
              issues={issues.get(key('kind'))}
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
              id={key('pattern')}
              label={text.fieldPattern}
              value={c.pattern ?? ''}
              issues={issues.get(key('pattern'))}
              onChange={(pattern) => set({ pattern })}
            />
            <EdField
              kind="text"
              id={key('patternHint')}
              label={text.fieldPatternHint}
              value={c.patternHint ?? ''}
              onChange={(patternHint) => set({ patternHint })}
            />
            <button
              type="button"
              aria-label={text.removeField(k + 1)}
              onClick={() => edit((f) => removeField(f, step.id, k))}
            >
              {text.removeItem}
            </button>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => edit((f) => addField(f, step.id))}>
        {text.addField}
      </button>
    </fieldset>
  );
}
