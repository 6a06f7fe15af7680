import type { ReactNode } from 'react';

type Props = {
  /** The key that presses it, as the operator reads it ("F2", "Ctrl+Enter"); none for a button without. */
  shortcut?: string | null;
  onClick: () => void;
  disabled?: boolean;
  className?: string;
  children: ReactNode;
};

/** A button that shows the key pressing it; screen readers hear the key from aria-keyshortcuts instead. */
export function KeyButton({ shortcut, onClick, disabled, className, children }: Props) {
  return (
    <button
      type="button"
      className={className}
      disabled={disabled}
      aria-keyshortcuts={shortcut ?? undefined}
      onClick={onClick}
    >
      {shortcut && (
        <kbd className="call-key" aria-hidden="true">
          {shortcut}
        </kbd>
      )}
      {children}
    </button>
  );
}
