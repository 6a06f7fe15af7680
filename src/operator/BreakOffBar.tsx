import { t } from '../i18n';
import { CALL_SHORTCUTS, shortcutLabel } from '../services/shortcuts';
import type { Send } from './useCallSend';
import { KeyButton } from '../ui/KeyButton';

type Props = { send: Send; disabled: boolean };

/** When the call ends before its farewell: who or what ended it is recorded. */
export function BreakOffBar({ send, disabled }: Props) {
  const text = t.operator.breakOff;
  return (
    <div className="break-off" role="group" aria-label={text.region}>
      <KeyButton
        shortcut={shortcutLabel(CALL_SHORTCUTS.hungUp)}
        className="secondary"
        disabled={disabled}
        onClick={() => void send({ type: 'caller.hungUp' })}
      >
        {text.hungUp}
      </KeyButton>
      <KeyButton
        shortcut={shortcutLabel(CALL_SHORTCUTS.lineDropped)}
        className="secondary"
        disabled={disabled}
        onClick={() => void send({ type: 'line.dropped' })}
      >
        {text.dropped}
      </KeyButton>
    </div>
  );
}
