import { t } from '../i18n';
import type { CallCommand } from '../calls';
import { CALL_SHORTCUTS, shortcutLabel } from '../services/shortcuts';
import type { Send } from './useCallSend';
import { KeyButton } from '../ui/KeyButton';

type Props = { send: Send; disabled: boolean };

/** How a call ends before its farewell, each on its key: the bar's button and the call screen's key send it. */
export const BREAK_OFFS = [
  { shortcut: 'hungUp', command: { type: 'caller.hungUp' }, label: 'hungUp' },
  { shortcut: 'lineDropped', command: { type: 'line.dropped' }, label: 'dropped' },
] as const satisfies readonly {
  shortcut: keyof typeof CALL_SHORTCUTS;
  command: CallCommand;
  label: keyof typeof t.operator.breakOff;
}[];

/** When the call ends before its farewell: who or what ended it is recorded. */
export function BreakOffBar({ send, disabled }: Props) {
  const text = t.operator.breakOff;
  return (
    <div className="break-off" role="group" aria-label={text.region}>
      {BREAK_OFFS.map((b) => (
        <KeyButton
          key={b.label}
          shortcut={shortcutLabel(CALL_SHORTCUTS[b.shortcut])}
          className="secondary"
          disabled={disabled}
          onClick={() => void send(b.command)}
        >
          {text[b.label]}
        </KeyButton>
      ))}
    </div>
  );
}
