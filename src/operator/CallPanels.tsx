import { CallbackPanel, HoldPanel, OutcomePanel, TransferPanel } from './lazyPanels';
import type { CallDesk } from './callDesk';
import type { Panel } from './panels';

type Props = CallDesk & {
  panel: Panel | null;
  topic: string | null;
  onPanel: (panel: Panel | null) => void;
};

/** The one open panel (hold, transfer, callback, outcome); keyed so each opening starts fresh. */
export function CallPanels({ panel, topic, onPanel, ...desk }: Props) {
  const close = () => onPanel(null);
  switch (panel?.kind) {
    case undefined:
      return null;
    case 'hold':
      return <HoldPanel key={`hold-${panel.extend}`} {...desk} extend={panel.extend} onClose={close} />;
    case 'transfer':
      return <TransferPanel {...desk} topic={topic} onPanel={onPanel} />;
    case 'callback':
      return <CallbackPanel {...desk} onClose={close} />;
    case 'outcome':
      return <OutcomePanel key={panel.option?.id ?? ''} {...desk} option={panel.option} onClose={close} />;
  }
}
