import { t } from '../i18n';
import { CALL_SHORTCUTS, shortcutLabel, triggers } from '../services/shortcuts';
import { formatDeadline } from '../flows/dates';
import { formatRuPhone } from '../flows/phone';
import type { CallDesk } from './callDesk';
import { CallbackPanel } from './CallbackPanel';
import { useCallAnnotations } from './useCallAnnotations';
import { useCallSelect } from './useCallSelect';
import { useKeyDown } from './useKeyDown';
import { KeyButton } from '../ui/KeyButton';

type Props = CallDesk & { open: boolean; onOpen: (open: boolean) => void };

/**
 * After a break-off: the callback is one key (C) away, prefilled with what the call knew; once queued,
 * the wrap-up says when and where the caller will be called.
 */
export function LateCallback({ open, onOpen, ...desk }: Props) {
  const { session, clock, disabled } = desk;
  const brokenOff = useCallSelect(session, (s) => s.context.end?.reason === 'brokenOff');
  const callbackId = useCallSelect(session, (s) => s.context.callback?.id ?? null);
  const offer = useCallSelect(session, (s) => s.context.offerCallback);
  const tz = useCallSelect(session, (s) => s.context.organisation.timeZone);
  const late = useCallAnnotations(session).lateCallback;
  // A callback promised during the call already is the call's; none is added after the end.
  const offered = brokenOff && late === null && callbackId === null;
  const key = CALL_SHORTCUTS.callback;
  const text = t.callPanels.wrapUp;
  useKeyDown(
    (e) => {
      if (!triggers(e, key)) return;
      e.preventDefault();
      onOpen(true);
    },
    offered && !open && !disabled,
  );

  if (late)
    return (
      <p className="call-bar" role="status" data-testid="late-callback-queued">
        {text.queued(formatDeadline(late.deadline, clock.now(), tz), formatRuPhone(late.phone))}
      </p>
    );
  if (!offered) return null;
  return (
    <>
      <p className="call-bar" role="status" data-testid="late-callback-offer">
        {offer ? text.offerCallback(formatRuPhone(offer.phone)) : text.offerNoPhone}
      </p>
      {open ? (
        <CallbackPanel {...desk} mode="afterEnd" onClose={() => onOpen(false)} />
      ) : (
        <KeyButton
          shortcut={shortcutLabel(key)}
          className="secondary"
          disabled={disabled}
          onClick={() => onOpen(true)}
        >
          {text.lateCallback}
        </KeyButton>
      )}
    </>
  );
}
