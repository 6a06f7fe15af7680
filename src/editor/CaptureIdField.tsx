import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { renameField } from '../flows/edit';
import type { FlowIssue } from '../flows/issues';
import type { FlowDefinition } from '../flows/types';
import { EdField } from './EdField';
import type { EditFlow } from './StepForm';

type Props = {
  flow: FlowDefinition;
  id: string;
  fieldId: string;
  edit: EditFlow;
  issues: readonly FlowIssue[] | undefined;
};

/**
 * A captured field's id, typed freely and renamed on leaving the control: the rename carries every
 * {{fields.<id>}} with it, so half-typed ids never reach the lines, and a taken id is refused.
 */
export function CaptureIdField({ flow, id, fieldId, edit, issues }: Props) {
  const text = t.editor.step;
  const [value, setValue] = useState(fieldId);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => setValue(fieldId), [fieldId]);
  const commit = () => {
    const to = value.trim();
    const result = renameField(flow, fieldId, to);
    if (!result.ok) {
      setRefusal(result.reason === 'taken' ? text.fieldIdTaken(to) : text.fieldIdInvalid);
      return;
    }
    setRefusal(null);
    // Applied to the newest draft, as one edit: the field and all its uses change together.
    edit((current) => {
      const renamed = renameField(current, fieldId, to);
      return renamed.ok ? renamed.flow : current;
    });
  };
  return (
    <div>
      <EdField
        kind="text"
        id={id}
        label={text.fieldId}
        value={value}
        issues={issues}
        onChange={(v) => {
          setValue(v);
          setRefusal(null);
        }}
        onBlur={commit}
      />
      {refusal && (
        <p className="field-error" role="alert">
          {refusal}
        </p>
      )}
    </div>
  );
}
