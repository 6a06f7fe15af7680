import { useMemo, useState } from 'react';
import { phase, renderedLine, replayCall } from '../calls';
import { t } from '../i18n';
import type { CallEventRow } from '../db';
import type { FlowDefinition } from '../flows/types';
import { stepTitle } from '../i18n/callTimeline';
import { formatTime } from './format';

type Props = { flow: FlowDefinition; log: readonly CallEventRow[] };

/**
 * Steps through the call as it happened: each step replays the log so far through the same flow version,
 * and shows what the operator's screen showed then — the phase, the step, the line with its values filled.
 */
export function CallReplay({ flow, log }: Props) {
  const text = t.supervisor.record;
  const [step, setStep] = useState(0);
  const at = Math.min(step, log.length - 1);
  const record = log[at];
  const view = useMemo(() => {
    const result = replayCall(flow, log.slice(0, at + 1));
    if (!result.ok || !record) return null;
    const s = result.snapshot;
    // The line as it was on screen at that moment: filled from the call as it stood, at that time.
    const line = renderedLine(flow, s, record.at);
    return {
      phase: t.calls.phases[phase(s)],
      step: s.context.stepId ? stepTitle(flow, s.context.stepId) : null,
      say: line?.kind === 'ready' ? line.text : null,
      missing: line?.kind === 'missing' ? line.missing.map(t.flows.variable) : [],
    };
  }, [flow, log, at, record]);
  return (
    <section aria-label={text.replay}>
      <h3>{text.replay}</h3>
      <p role="status">
        {text.replayStep(at + 1, log.length)}
        {record ? `: ${formatTime(record.at)} — ${t.callbacks.history.events[record.event.type]}` : ''}
      </p>
      {view && (
        <>
          <p>
            {text.state}: {view.phase}
            {view.step ? `, ${t.callbacks.history.step(view.step)}` : ''}
          </p>
          {view.say && <p data-testid="replay-line">«{view.say}»</p>}
          {view.missing.length > 0 && <p>{text.lineMissing(view.missing.join(', '))}</p>}
        </>
      )}
      <button type="button" disabled={at <= 0} onClick={() => setStep(at - 1)}>
        {text.prev}
      </button>{' '}
      <button type="button" disabled={at >= log.length - 1} onClick={() => setStep(at + 1)}>
        {text.next}
      </button>
    </section>
  );
}
