import { t } from '../i18n';
import type { CallCommand } from '../calls';
import { CALL_SHORTCUTS, shortcutLabel, type Shortcut } from '../services/shortcuts';
import type { Send } from './useCallSend';
import { KeyButton } from '../ui/KeyButton';

type Props = { send: Send; disabled: boolean };

/** When the call ends before its farewell: who or what ended it is recorded. */
export function BreakOffBar({ send, disabled }: Props) {
  const text = t.operator.breakOff;
  /** One way the call broke off: its key, what it records, its words. */
  const breakOff = (shortcut: Shortcut, command: CallCommand, label: string) => (
    <KeyButton
      shortcut={shortcutLabel(shortcut)}
      className="secondary"
      disabled={disabled}
      onClick={() => void send(command)}
    >
      {label}
    </KeyButton>
  );
  return (
    <div className="break-off" role="group" aria-label={text.region}>
      {breakOff(CALL_SHORTCUTS.hungUp, { type: 'caller.hungUp' }, text.hungUp)}
      {breakOff(CALL_SHORTCUTS.lineDropped, { type: 'line.dropped' }, text.dropped)}
    </div>
  );
}
