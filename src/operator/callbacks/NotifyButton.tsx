import { t } from '../../i18n';
import type { NotifyPermission } from './useDueNotifications';

type Props = { permission: NotifyPermission; onAsk: () => void };

/** Asks for notifications only when the operator presses the button; explains a refusal calmly. */
export function NotifyButton({ permission, onAsk }: Props) {
  const text = t.callbacks.notify;
  if (permission === 'default')
    return (
      <button type="button" onClick={onAsk}>
        {text.ask}
      </button>
    );
  const message =
    permission === 'granted' ? text.granted : permission === 'denied' ? text.denied : text.unsupported;
  return (
    <p className="muted" data-testid="notify-status">
      {message}
    </p>
  );
}
