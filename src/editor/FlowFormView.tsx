import { useMemo } from 'react';
import { t } from '../i18n';
import { locateIssue } from '../flows/edit';
import type { FlowIssue } from '../flows/issues';
import type { FlowDefinition } from '../flows/types';
import { variablesOf } from './completion';
import { indexIssues } from './fieldKeys';
import { FlowMetaForm } from './FlowMetaForm';
import { StepForm, type EditFlow } from './StepForm';
import { StepList } from './StepList';

type Props = {
  flow: FlowDefinition;
  edit: EditFlow;
  issues: readonly FlowIssue[];
  selected: string | null;
  onSelect: (stepId: string | null) => void;
};

/** The flow as forms: the step list beside the open step (or the flow's own fields). */
export function FlowFormView({ flow, edit, issues, selected, onSelect }: Props) {
  const index = useMemo(() => indexIssues(flow, issues), [flow, issues]);
  const preview = useMemo(() => {
    // Captured fields preview as their own labels, so a line using one still reads whole.
    const fields = Object.fromEntries(
      flow.steps.flatMap((s) => s.capture.map((c) => [c.id, `«${c.label || c.id}»`])),
    );
    return { variables: variablesOf(flow), sample: { ...t.editor.sampleValues, fields } };
  }, [flow]);
  const withErrors = useMemo(() => {
    const ids = new Set<string>();
    for (const i of issues) {
      const loc = locateIssue(flow, i);
      if (loc.kind === 'step' && i.severity === 'error') ids.add(loc.stepId);
    }
    return ids;
  }, [flow, issues]);
  const step = selected === null ? undefined : flow.steps.find((s) => s.id === selected);
  const form = { flow, edit, issues: index };
  return (
    <div className="flow-form">
      <StepList
        flow={flow}
        selected={step ? step.id : null}
        onSelect={onSelect}
        edit={edit}
        withErrors={withErrors}
      />
      <div className="flow-form-main">
        {step ? (
          <StepForm key={step.id} {...form} step={step} preview={preview} onRenamed={onSelect} />
        ) : (
          <FlowMetaForm {...form} />
        )}
      </div>
    </div>
  );
}
