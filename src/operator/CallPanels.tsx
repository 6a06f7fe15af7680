import type { CallSession } from '../calls';
import type { Clock } from '../calls/clock';
import { CallbackPanel, HoldPanel, OutcomePanel, TransferPanel } from './lazyPanels';
import type { Panel } from './panels';
import type { Send } from './useCallSend';

type Props = {
  session: CallSession;
  clock: Clock;
  send: Send;
  panel: Panel | null;
  topic: string | null;
  onPanel: (panel: Panel | null) => void;
};

/** The one open panel (hold, transfer, callback, outcome); keyed so each opening starts fresh. */
export function CallPanels({ session, clock, send, panel, topic, onPanel }: Props) {
  const close = () => onPanel(null);
  switch (panel?.kind) {
    case undefined:
      return null;
    case 'hold':
      return (
        <HoldPanel
          key={`hold-${panel.extend}`}
          session={session}
          clock={clock}
          send={send}
          extend={panel.extend}
          onClose={close}
        />
      );
    case 'transfer':
      return <TransferPanel session={session} send={send} topic={topic} onPanel={onPanel} />;
    case 'callback':
      return <CallbackPanel session={session} clock={clock} send={send} onClose={close} />;
    case 'outcome':
      return (
        <OutcomePanel
          key={panel.option?.id ?? ''}
          session={session}
          send={send}
          option={panel.option}
          onClose={close}
        />
      );
  }
}
