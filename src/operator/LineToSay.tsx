import { t } from '../i18n';
import { currentStep, phase, renderedLine, templateVars, type CallSession } from '../calls';
import type { Clock } from '../calls/clock';
import { renderLine } from '../flows/templates';
import { useCallSelect } from './useCallSelect';

type Props = { session: CallSession; clock: Clock; phrase: string | null };

/** Where the operator fills a missing variable: the group decides the panel. */
function whereToFill(name: string): string {
  const w = t.operator.line.where;
  if (name.startsWith('hold.')) return w.hold;
  if (name.startsWith('callback.')) return w.callback;
  if (name.startsWith('outcome.')) return w.outcome;
  return w.capture;
}

/** The human name of a missing variable: a captured field's own label when the flow has one. */
function variableName(session: CallSession, name: string): string {
  const id = name.startsWith('fields.') ? name.slice('fields.'.length) : null;
  const field = id ? session.flow.steps.flatMap((s) => s.capture).find((f) => f.id === id) : undefined;
  return field?.label ?? t.flows.variable(name);
}

/** The line to say now, large, every variable filled — or what to fill in first — with hints beneath. */
export function LineToSay({ session, clock, phrase }: Props) {
  const flow = session.flow;
  const line = useCallSelect(session, (s) => renderedLine(flow, s, clock.now()));
  const hints = useCallSelect(session, (s) => {
    const step = currentStep(flow, s);
    if (!step || !s.hasTag('talking')) return [];
    const vars = templateVars(s.context, clock.now());
    return step.hints.map((h) => renderLine(h, vars)).flatMap((r) => (r.kind === 'ready' ? [r.text] : []));
  });
  const onHold = useCallSelect(session, (s) => ['onHold', 'holdWarning'].includes(phase(s)));
  const text = t.operator.line;
  return (
    <section className="call-line" aria-label={text.region} tabIndex={-1} data-focus-home>
      {line === null && <p className="call-line-text">{text.ended}</p>}
      {onHold && <p className="muted">{text.onReturn}</p>}
      {line?.kind === 'ready' && (
        <p className="call-line-text" data-testid="line-to-say" aria-live="polite">
          {line.text}
        </p>
      )}
      {line?.kind === 'missing' && (
        <div className="call-line-missing" role="status" data-testid="line-missing">
          <p>{text.fillFirst}</p>
          <ul>
            {line.missing.map((name) => (
              <li key={name}>
                {variableName(session, name)} — {whereToFill(name)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {phrase && (
        <p className="call-phrase" aria-live="polite">
          <span className="call-phrase-label">{text.phrase}: </span>
          {phrase}
        </p>
      )}
      {hints.length > 0 && (
        <ul className="call-hints" aria-label={text.hints}>
          {hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
