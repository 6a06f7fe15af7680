import { t } from '../i18n';
import { diffFlows, isEmptyDiff, type StepChange } from '../flows/diff';
import type { FlowDefinition } from '../flows/types';

type Props = { before: FlowDefinition; after: FlowDefinition };

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

function Change({ change }: { change: StepChange }) {
  const text = t.editor.diff;
  if (change.kind !== 'changed') {
    const step = change.kind === 'added' ? change.after : change.before;
    return (
      <li data-step={change.id} data-kind={change.kind}>
        <strong>{change.id}</strong> — {change.kind === 'added' ? text.added : text.removed}: {step.say}
      </li>
    );
  }
  return (
    <li data-step={change.id} data-kind="changed">
      <strong>{change.id}</strong> — {text.changed}:{' '}
      {change.fields.map((f) => text.fields[f] ?? f).join(', ')}
      <dl>
        {change.fields.map((f) => (
          <div key={f} className="diff-field">
            <dt>{text.fields[f] ?? f}</dt>
            <dd>
              <span className="visually-hidden">{text.before}: </span>
              <del>{show(change.before[f])}</del>
            </dd>
            <dd>
              <span className="visually-hidden">{text.after}: </span>
              <ins>{show(change.after[f])}</ins>
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** What changed between two versions, step by step, old text struck through beside the new. */
export function DiffView({ before, after }: Props) {
  const text = t.editor.diff;
  const diff = diffFlows(before, after);
  return (
    <section className="diff-view" aria-label={text.title(before.version, after.version)}>
      <h3>{text.title(before.version, after.version)}</h3>
      {isEmptyDiff(diff) && <p>{text.none}</p>}
      {diff.flow.length > 0 && <p>{text.flowFields(diff.flow.map((f) => text.fields[f] ?? f).join(', '))}</p>}
      <ul>
        {diff.steps.map((c) => (
          <Change key={`${c.kind}:${c.id}`} change={c} />
        ))}
      </ul>
    </section>
  );
}
