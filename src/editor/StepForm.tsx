import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { removeStep, renameStep, setKbLinks, updateStep } from '../flows/edit';
import {
  DIRECTION_STAGES,
  OUTCOMES,
  type FlowDefinition,
  type KbLinks,
  type Stage,
  type Step,
} from '../flows/types';
import { CaptureEditor } from './CaptureEditor';
import { EdField } from './EdField';
import { boundTo, controlId, controlsOf, type IssueIndex } from './fieldKeys';
import { IssueText } from './IssueText';
import { LineInput, type LinePreview } from './LineInput';
import { ListField } from './ListField';
import { OptionsEditor } from './OptionsEditor';

export type EditFlow = (change: (flow: FlowDefinition) => FlowDefinition) => void;

/** What every form of the flow works on: the draft, how to change it, and its issues by control. */
export type FlowForm = { flow: FlowDefinition; edit: EditFlow; issues: IssueIndex };

type Props = FlowForm & {
  step: Step;
  preview: LinePreview;
  /** After a rename the open step follows its new id. */
  onRenamed: (id: string) => void;
};

/** The step's lists typed one entry a line. */
const LINE_LISTS = ['hints', 'questions'] as const satisfies readonly (keyof Step)[];
/** The step's links to the knowledge base, typed comma-separated, each with its label. */
const KB_LISTS = [
  ['topics', 'kbTopics'],
  ['articles', 'kbArticles'],
] as const satisfies readonly (readonly [keyof KbLinks, keyof typeof t.editor.step])[];

/** Every field of one step as a form; each issue shows under the field it is about. */
export function StepForm({ flow, step, edit, issues, preview, onRenamed }: Props) {
  const text = t.editor.step;
  const [id, setId] = useState(step.id);
  useEffect(() => setId(step.id), [step.id]);
  const key = (f: string) => controlId(step.id, f);
  const field = controlsOf(issues, step.id);
  const stages = DIRECTION_STAGES[flow.direction].map((s): [Stage, string] => [s, t.flows.stage(s)]);
  const stageOptions = stages.some(([s]) => s === step.stage)
    ? stages
    : [...stages, [step.stage, t.flows.stage(step.stage)] as [Stage, string]];
  const rename = () => {
    const next = renameStep(flow, step.id, id.trim());
    if (next === flow) return setId(step.id);
    edit(() => next);
    onRenamed(id.trim());
  };
  const set = (patch: Parameters<typeof updateStep>[2]) => edit((f) => updateStep(f, step.id, patch));
  const bind = boundTo(field, step, set);
  return (
    <section className="step-form" aria-labelledby={key('')} data-step-id={step.id}>
      <h3 id={key('')} tabIndex={-1}>
        {step.id} — {t.flows.stage(step.stage)}
      </h3>
      <IssueText id={`${key('')}-issues`} issues={issues.get(key(''))} />
      <EdField kind="text" {...field('id')} label={text.id} value={id} onChange={setId} onBlur={rename} />
      <EdField kind="select" {...bind('stage')} label={text.stage} options={stageOptions} />
      <LineInput {...bind('say')} {...preview} label={text.say} />
      {LINE_LISTS.map((name) => (
        <ListField key={name} {...bind(name)} label={text[name]} by="line" />
      ))}
      <OptionsEditor step={step} stepIds={flow.steps.map((s) => s.id)} edit={edit} issues={issues} />
      <CaptureEditor flow={flow} step={step} edit={edit} issues={issues} />
      {KB_LISTS.map(([name, label]) => (
        <ListField
          key={name}
          {...field(`kb.${name}`)}
          label={text[label]}
          by="comma"
          value={step.kb[name]}
          onChange={(list) => edit((f) => setKbLinks(f, step.id, { ...step.kb, [name]: list }))}
        />
      ))}
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
