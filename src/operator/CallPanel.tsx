// The frame the call's form panels share (hold, callback, outcome): a focusable region with its heading,
// the keys 1…9 for its presets and Enter to confirm, and the confirm and close buttons.
import { useRef, type ReactNode, type RefObject } from 'react';
import { actionIndex, isPanelConfirm } from '../services/shortcuts';
import { useKeyDown } from './useKeyDown';
import { usePanelFocus } from './usePanelFocus';
import { KeyButton } from '../ui/KeyButton';

type Props<P> = {
  region: string;
  title: string;
  /** The choices under the keys 1…9, in order: pressing one's key picks it. */
  presets: readonly P[];
  onPreset: (preset: P) => void;
  onConfirm: () => Promise<void>;
  confirmLabel: string;
  canConfirm: boolean;
  closeLabel: string;
  onClose: () => void;
  /** What takes focus as the panel opens; the panel itself by default. */
  first?: RefObject<HTMLElement | null>;
  children: ReactNode;
};

export function CallPanel<P>({
  region,
  title,
  presets,
  onPreset,
  onConfirm,
  confirmLabel,
  canConfirm,
  closeLabel,
  onClose,
  first,
  children,
}: Props<P>) {
  const ref = useRef<HTMLElement>(null);
  usePanelFocus(ref, first);
  const confirm = () => void onConfirm();
  useKeyDown((e) => {
    const preset = presets[actionIndex(e)];
    if (preset !== undefined) {
      onPreset(preset);
      e.preventDefault();
    } else if (isPanelConfirm(e)) {
      e.preventDefault();
      confirm();
    }
  });
  return (
    <section className="call-panel" aria-label={region} tabIndex={-1} ref={ref}>
      <h3>{title}</h3>
      {children}
      <KeyButton shortcut="Enter" className="primary" onClick={confirm} disabled={!canConfirm}>
        {confirmLabel}
      </KeyButton>
      <button type="button" className="secondary" onClick={onClose}>
        {closeLabel}
      </button>
    </section>
  );
}

/** The line the operator is to say once the panel is confirmed. */
export function LinePreview({ label, testId, line }: { label: string; testId: string; line: string }) {
  return (
    <p className="call-promise" data-testid={testId}>
      <span className="muted">{label}: </span>
      {line}
    </p>
  );
}
