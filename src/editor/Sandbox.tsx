import { useEffect, useMemo, useState } from 'react';
import { useApp } from '../services/AppContext';
import { t } from '../i18n';
import { ManualClock } from '../calls/clock';
import { systemClock } from '../services/clock';
import { ManualScheduler } from '../calls/scheduler';
import type { FlowDefinition } from '../flows/types';
import { CallControllerProvider } from '../services/callOwner/CallControllerContext';
import { useCallScreen } from '../services/callScreenSlot';
import { SandboxController } from './sandboxController';

type Props = { flow: FlowDefinition; publishable: boolean };

const STEPS_MINUTES = [1, 5] as const;
const timeFormat = new Intl.DateTimeFormat('ru-RU', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** "Try it": the operator's own screen running the draft, with a control to move time forward. */
export function Sandbox({ flow, publishable }: Props) {
  const { settings } = useApp();
  const CallScreen = useCallScreen();
  const text = t.editor.sandbox;
  const [run, setRun] = useState(0);
  const [now, setNow] = useState(0);
  const { operator, organisation } = settings;
  const sandbox = useMemo(() => {
    if (!operator || !organisation || !publishable) return null;
    const scheduler = new ManualScheduler(new ManualClock(systemClock.now()));
    return new SandboxController(flow, { operator, organisation }, scheduler);
    // A new run starts a fresh controller; edits to the draft are picked up by the next run.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `flow` is read once per run on purpose
  }, [run, operator, organisation, publishable]);
  useEffect(() => () => sandbox?.stop(), [sandbox]);

  if (!publishable) return <p role="status">{text.hasErrors}</p>;
  if (!sandbox) return <p role="status">{text.noProfile}</p>;
  const clock = sandbox.scheduler.clock;
  const advance = (minutes: number) => {
    sandbox.scheduler.advance(minutes * 60_000);
    setNow(clock.now());
  };
  return (
    <section className="sandbox" aria-label={text.title}>
      <p role="note">{text.note}</p>
      <div className="toolbar">
        <span data-testid="sandbox-clock">{text.clock(timeFormat.format(now || clock.now()))}</span>
        {STEPS_MINUTES.map((m) => (
          <button key={m} type="button" onClick={() => advance(m)}>
            {text.advance(m)}
          </button>
        ))}
        <button type="button" onClick={() => setRun((r) => r + 1)}>
          {text.restart}
        </button>
      </div>
      <CallControllerProvider value={{ controller: sandbox, catalog: { flows: [flow], invalid: [] }, clock }}>
        {CallScreen && <CallScreen />}
      </CallControllerProvider>
    </section>
  );
}
