// Every keyboard shortcut of the app in one map, so help overlays and handlers cannot disagree.
export interface Shortcut {
  /** KeyboardEvent.code, layout-independent (a Russian layout types other letters). */
  code: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export const WORKSPACE_SHORTCUTS = {
  operator: { code: 'Digit1', ctrl: true, alt: true },
  supervisor: { code: 'Digit2', ctrl: true, alt: true },
  editor: { code: 'Digit3', ctrl: true, alt: true },
  settings: { code: 'Digit4', ctrl: true, alt: true },
} satisfies Record<string, Shortcut>;

export function matches(
  e: Pick<KeyboardEvent, 'code' | 'ctrlKey' | 'altKey' | 'shiftKey'>,
  s: Shortcut,
): boolean {
  return (
    e.code === s.code &&
    e.ctrlKey === Boolean(s.ctrl) &&
    e.altKey === Boolean(s.alt) &&
    e.shiftKey === Boolean(s.shift)
  );
}

export function shortcutLabel(s: Shortcut): string {
  const key = s.code.replace(/^Digit/, '').replace(/^Key/, '');
  return [s.ctrl && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', key].filter(Boolean).join('+');
}
