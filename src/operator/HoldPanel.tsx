import { useId, useState } from 'react';
import { t } from '../i18n';
import { availableActions, currentStep, templateVars, type CallSession } from '../calls';
import type { Clock } from '../calls/clock';
import { HOLD_PROMISE } from '../calls/lines';
import { spokenMinutes } from '../flows/plural';
import { renderLine } from '../flows/templates';
import { StepActions } from './StepActions';
import type { Send } from './useCallSend';
import { useCallSelect } from './useCallSelect';
import { CallPanel, LinePreview } from './CallPanel';

type Props = { session: CallSession; clock: Clock; send: Send; extend: boolean; onClose: () => void };

/** Choosing how long to ask the caller to wait: the promise to say, then the hold (or its extension). */
export function HoldPanel({ session, clock, send, extend, onClose }: Props) {
  const flow = session.flow;
  const presets = useCallSelect(session, (s) => availableActions(flow, s).holdPresets);
  const [minutes, setMinutes] = useState<number | null>(presets[0] ?? null);
  const [custom, setCustom] = useState('');
  const customId = useId();
  const text = t.callPanels.hold;

  const promise = useCallSelect(session, (s) => {
    if (minutes === null) return null;
    const step = currentStep(flow, s);
    // The flow's own hold line wins when the step was written for the hold ("вернусь через …").
    const template = !extend && step?.say.includes('{{hold.duration}}') ? step.say : HOLD_PROMISE;
    const vars = { ...templateVars(s.context, clock.now()), hold: { duration: spokenMinutes(minutes) } };
    const line = renderLine(template, vars);
    return line.kind === 'ready' ? line.text : null;
  });

  const confirm = async () => {
    if (minutes === null) return;
    const result = await send({ type: extend ? 'operator.extendHold' : 'operator.hold', minutes });
    if (result?.accepted && result.notice === null) onClose();
  };

  return (
    <CallPanel
      region={text.region}
      title={extend ? text.extend : text.choose}
      presets={presets}
      onPreset={setMinutes}
      onConfirm={confirm}
      confirmLabel={extend ? text.extend : text.put}
      canConfirm={minutes !== null}
      closeLabel={text.close}
      onClose={onClose}
    >
      <StepActions
        label={text.choose}
        disabled={false}
        actions={presets.map((m) => ({
          id: String(m),
          label: `${text.preset(m)}${m === minutes ? ' ✓' : ''}`,
          run: () => setMinutes(m),
        }))}
      />
      <div className="field">
        <label htmlFor={customId}>{text.custom}</label>
        <input
          id={customId}
          type="number"
          inputMode="numeric"
          min={flow.limits.holdMinMinutes}
          max={flow.limits.holdMaxMinutes}
          value={custom}
          onChange={(e) => {
            setCustom(e.target.value);
            const m = Number(e.target.value);
            setMinutes(Number.isInteger(m) && m > 0 ? m : null);
          }}
        />
      </div>
      {promise && <LinePreview label={text.promise} testId="hold-promise" line={promise} />}
    </CallPanel>
  );
}
