import { useMemo, useState } from 'react';
import { replayCall } from '../calls';
import { statePath } from '../calls/record';
import { t } from '../i18n';
import type { CallEventRow } from '../db';
import type { FlowDefinition } from '../flows/types';
import { formatTime } from './format';

type Props = { flow: FlowDefinition; log: readonly CallEventRow[] };

/** Steps through the call as it happened: each step replays the log so far through the same flow version. */
export function CallReplay({ flow, log }: Props) {
  const text = t.supervisor.record;
  const [step, setStep] = useState(0);
  const at = Math.min(step, log.length - 1);
  const view = useMemo(() => {
    const result = replayCall(flow, log.slice(0, at + 1));
    if (!result.ok) return null;
    const s = result.snapshot;
    return { state: statePath(s.value), say: flow.steps.find((x) => x.id === s.context.stepId)?.say ?? '' };
  }, [flow, log, at]);
  const record = log[at];
  return (
    <section aria-label={text.replay}>
      <h3>{text.replay}</h3>
      <p role="status">
        {text.replayStep(at + 1, log.length)}
        {record ? `: ${formatTime(record.at)} — ${t.callbacks.history.events[record.event.type]}` : ''}
      </p>
      {view && (
        <p>
          {text.state}: {view.state}
          {view.say ? ` — «${view.say}»` : ''}
        </p>
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
