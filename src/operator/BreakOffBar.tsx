import { t } from '../i18n';
import { CALL_SHORTCUTS, shortcutLabel } from '../services/shortcuts';
import type { Send } from './useCallSend';

type Props = { send: Send; disabled: boolean };

/** When the call ends before its farewell: who or what ended it is recorded. */
export function BreakOffBar({ send, disabled }: Props) {
  const text = t.operator.breakOff;
  const hung = shortcutLabel(CALL_SHORTCUTS.hungUp);
  const dropped = shortcutLabel(CALL_SHORTCUTS.lineDropped);
  return (
    <div className="break-off" role="group" aria-label={text.region}>
      <button
        type="button"
        className="secondary"
        disabled={disabled}
        aria-keyshortcuts={hung}
        onClick={() => void send({ type: 'caller.hungUp' })}
      >
        <kbd className="call-key" aria-hidden="true">
          {hung}
        </kbd>
        {text.hungUp}
      </button>
      <button
        type="button"
        className="secondary"
        disabled={disabled}
        aria-keyshortcuts={dropped}
        onClick={() => void send({ type: 'line.dropped' })}
      >
        <kbd className="call-key" aria-hidden="true">
          {dropped}
        </kbd>
        {text.dropped}
      </button>
    </div>
  );
}
