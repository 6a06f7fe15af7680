import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { moveStepToStage, removeStep, renameStep, setKbLinks, updateStep } from '../flows/edit';
import {
  ALL_STAGES,
  DIRECTION_STAGES,
  OUTCOMES,
  type FlowDefinition,
  type Step,
  type TemplateVars,
} from '../flows/types';
import { CaptureEditor } from './CaptureEditor';
import { EdField } from './EdField';
import { controlId, type IssueIndex } from './fieldKeys';
import { IssueText } from './IssueText';
import { LineInput } from './LineInput';
import { ListField } from './ListField';
import { OptionsEditor } from './OptionsEditor';

export type EditFlow = (change: (flow: FlowDefinition) => FlowDefinition) => void;

type Props = {
  flow: FlowDefinition;
  step: Step;
  edit: EditFlow;
  issues: IssueIndex;
  variables: readonly string[];
  sample: TemplateVars;
  /** After a rename the open step follows its new id. */
  onRenamed: (id: string) => void;
};

/** Every field of one step as a form; each issue shows under the field it is about. */
export function StepForm({ flow, step, edit, issues, variables, sample, onRenamed }: Props) {
  const text = t.editor.step;
  const [id, setId] = useState(step.id);
  useEffect(() => setId(step.id), [step.id]);
  const key = (f: string) => controlId(step.id, f);
  const stages = DIRECTION_STAGES[flow.direction].map((s): [string, string] => [s, t.flows.stage(s)]);
  const stageOptions = stages.some(([s]) => s === step.stage)
    ? stages
    : [...stages, [step.stage, t.flows.stage(step.stage)] as [string, string]];
  const rename = () => {
    const next = renameStep(flow, step.id, id.trim());
    if (next === flow) return setId(step.id);
    edit(() => next);
    onRenamed(id.trim());
  };
  const set = (patch: Parameters<typeof updateStep>[2]) => edit((f) => updateStep(f, step.id, patch));
  return (
    <section className="step-form" aria-labelledby={key('')} data-step-id={step.id}>
      <h3 id={key('')} tabIndex={-1}>
        {step.id} — {t.flows.stage(step.stage)}
      </h3>
      <IssueText id={`${key('')}-issues`} issues={issues.get(key(''))} />
      <EdField
        kind="text"
        id={key('id')}
        label={text.id}
        value={id}
        issues={issues.get(key('id'))}
        onChange={setId}
        onBlur={rename}
      />
      <EdField
        kind="select"
        id={key('stage')}
        label={text.stage}
        value={step.stage}
        options={stageOptions}
        issues={issues.get(key('stage'))}
        onChange={(s) => {
          const stage = ALL_STAGES.find((x) => x === s);
          if (stage) edit((f) => moveStepToStage(f, step.id, stage));
        }}
      />
      <LineInput
        id={key('say')}
        label={text.say}
        value={step.say}
        variables={variables}
        sample={sample}
        issues={issues.get(key('say'))}
        onChange={(say) => set({ say })}
      />
      <ListField
        id={key('hints')}
        label={text.hints}
        by="line"
        value={step.hints}
        issues={issues.get(key('hints'))}
        onChange={(hints) => set({ hints })}
      />
      <ListField
        id={key('questions')}
        label={text.questions}
        by="line"
        value={step.questions}
        issues={issues.get(key('questions'))}
        onChange={(questions) => set({ questions })}
      />
      <OptionsEditor step={step} stepIds={flow.steps.map((s) => s.id)} edit={edit} issues={issues} />
      <CaptureEditor flow={flow} step={step} edit={edit} issues={issues} />
      <ListField
        id={key('kb.topics')}
        label={text.kbTopics}
        by="comma"
        value={step.kb.topics}
        issues={issues.get(key('kb.topics'))}
        onChange={(topics) => edit((f) => setKbLinks(f, step.id, { ...step.kb, topics }))}
      />
      <ListField
        id={key('kb.articles')}
        label={text.kbArticles}
        by="comma"
        value={step.kb.articles}
        issues={issues.get(key('kb.articles'))}
        onChange={(articles) => edit((f) => setKbLinks(f, step.id, { ...step.kb, articles }))}
      />
      {step.stage !== 'farewell' && (
        <label>
          <input
            type="checkbox"
            id={key('checks')}
            checked={step.checks?.includes('askedForMore') === true}
            onChange={(e) => set({ checks: e.target.checked ? ['askedForMore'] : [] })}
          />{' '}
          {text.askedForMore}
        </label>
      )}
      {step.stage === 'farewell' && (
        <fieldset id={key('outcomes')}>
          <legend>{text.outcomes}</legend>
          {OUTCOMES.map((o) => (
            <label key={o}>
              <input
                type="checkbox"
                checked={step.outcomes.includes(o)}
                onChange={(e) =>
                  set({
                    outcomes: e.target.checked ? [...step.outcomes, o] : step.outcomes.filter((x) => x !== o),
                  })
                }
              />{' '}
              {t.flows.outcome(o)}
            </label>
          ))}
          <IssueText id={`${key('outcomes')}-issues`} issues={issues.get(key('outcomes'))} />
        </fieldset>
      )}
      <button type="button" className="danger" onClick={() => edit((f) => removeStep(f, step.id))}>
        {text.remove}
      </button>
    </section>
  );
}
