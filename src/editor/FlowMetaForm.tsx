import { t } from '../i18n';
import { addPhrase, removePhrase, setLimits, updateMeta, updatePhrase, type FlowMeta } from '../flows/edit';
import { MAX_TRANSFERS } from '../flows/schema';
import type { FlowLimits } from '../flows/types';
import { EdField } from './EdField';
import { boundTo, controlId, controlsOf } from './fieldKeys';
import { ListField } from './ListField';
import type { FlowForm } from './StepForm';

const transferChoices = Array.from({ length: MAX_TRANSFERS + 1 }, (_, n): [string, string] => [
  String(n),
  String(n),
]);

/** The limits typed as a number, each with its label. */
const NUMBER_LIMITS = [
  ['holdMinMinutes', 'holdMin'],
  ['holdMaxMinutes', 'holdMax'],
  ['holdWarningSeconds', 'holdWarning'],
] as const satisfies readonly (readonly [keyof FlowLimits, keyof typeof t.editor.meta])[];

/** The flow's own fields, its limits and its quick phrases. */
export function FlowMetaForm({ flow, edit, issues }: FlowForm) {
  const text = t.editor.meta;
  const field = controlsOf(issues, null);
  const meta = boundTo<FlowMeta>(field, flow, (patch) => edit((f) => updateMeta(f, patch)));
  const starts = [...new Set([flow.start, ...flow.steps.map((s) => s.id)])].map((id): [string, string] => [
    id,
    id,
  ]);
  const l = flow.limits;
  const limit = (name: keyof typeof l) => (v: number) => edit((f) => setLimits(f, { [name]: v }));
  return (
    <>
      <fieldset>
        <legend>{text.legend}</legend>
        <EdField kind="text" {...meta('title')} label={text.title} />
        <EdField kind="area" {...meta('description')} label={text.description} />
        <EdField kind="select" {...meta('start')} label={text.start} options={starts} />
        <ListField {...meta('topics')} label={text.topics} by="comma" />
      </fieldset>
      <fieldset>
        <legend>{text.limits}</legend>
        {/* A choice of 0, 1 or 2: the form cannot express more transfers than the standard allows. */}
        <EdField
          kind="select"
          {...field('limits.maxTransfers')}
          label={text.maxTransfers}
          value={String(l.maxTransfers)}
          options={transferChoices}
          onChange={(v) => limit('maxTransfers')(Number(v))}
        />
        <ListField
          {...field('limits.holdPresetsMinutes')}
          label={text.holdPresets}
          by="comma"
          value={l.holdPresetsMinutes.map(String)}
          onChange={(v) =>
            edit((f) => setLimits(f, { holdPresetsMinutes: v.map(Number).filter(Number.isInteger) }))
          }
        />
        {NUMBER_LIMITS.map(([name, label]) => (
          <EdField
            key={name}
            kind="number"
            {...field(`limits.${name}`)}
            label={text[label]}
            value={l[name]}
            onChange={limit(name)}
          />
        ))}
      </fieldset>
      <fieldset id={controlId(null, 'phrases')}>
        <legend>{text.phrases}</legend>
        {flow.phrases.map((p, k) => (
          <div key={k} className="phrase-row">
            <EdField
              kind="text"
              {...field(`phrases[${k}].text`)}
              label={p.id}
              value={p.text}
              onChange={(v) => edit((f) => updatePhrase(f, k, { text: v }))}
            />
            <button
              type="button"
              aria-label={text.removePhrase(p.id)}
              onClick={() => edit((f) => removePhrase(f, k))}
            >
              {text.remove}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => edit(addPhrase)}>
          {text.addPhrase}
        </button>
      </fieldset>
    </>
  );
}
