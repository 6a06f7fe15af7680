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
  const key = s.shift && s.code === 'Slash' ? '?' : s.code.replace(/^Digit/, '').replace(/^Key/, '');
  const shift = s.shift && key !== '?';
  return [s.ctrl && 'Ctrl', s.alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('+');
}

// ---- Operator call screen ----
// Plain letter and digit keys act only when focus is not in a text field (the operator types names and
// questions there); F-keys and Ctrl combinations act everywhere. Escape leaves a field or closes a panel.

const digit = (n: number, shift = false): Shortcut => ({ code: `Digit${n}`, ...(shift ? { shift } : {}) });

export const CALL_SHORTCUTS = {
  incoming: { code: 'F2' },
  outgoing: { code: 'F4' },
  help: { code: 'F1' },
  helpQuestion: { code: 'Slash', shift: true },
  capture: { code: 'KeyN' },
  search: { code: 'KeyK' },
  hold: { code: 'KeyH' },
  resume: { code: 'KeyR' },
  transfer: { code: 'KeyT' },
  callback: { code: 'KeyC' },
  outcome: { code: 'KeyO' },
  finish: { code: 'KeyF' },
  hungUp: { code: 'KeyX', shift: true },
  lineDropped: { code: 'KeyL', shift: true },
  confirm: { code: 'Enter', ctrl: true },
} satisfies Record<string, Shortcut>;

export type CallShortcutName = keyof typeof CALL_SHORTCUTS;

/** Actions of the step (and satisfaction in the wrap-up) on 1–9. */
export const ACTION_KEYS: readonly Shortcut[] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => digit(n));
/** The flow's quick phrases on Shift+1–9. */
export const PHRASE_KEYS: readonly Shortcut[] = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => digit(n, true));

/** True for shortcuts that must work while the operator types in a field. */
export function worksInTextFields(s: Shortcut): boolean {
  return /^F\d+$/.test(s.code) || Boolean(s.ctrl) || Boolean(s.alt);
}

/** True when a key event comes from a place where typed characters belong (input, textarea, select). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type; // narrowed by tagName above
  return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(type);
}

/** Whether a key event triggers the shortcut here, given where focus is. */
export function triggers(e: KeyboardEvent, s: Shortcut): boolean {
  if (!matches(e, s)) return false;
  return worksInTextFields(s) || !isTypingTarget(e.target);
}

/** Which of the 1–9 action keys the event is (−1 for none), respecting text fields. */
export function actionIndex(e: KeyboardEvent): number {
  return ACTION_KEYS.findIndex((k) => triggers(e, k));
}

/**
 * Confirms an open panel: Ctrl+Enter anywhere, or Enter outside buttons (which Enter presses) and
 * multi-line fields (where Enter is a new line).
 */
export function isPanelConfirm(e: KeyboardEvent): boolean {
  if (matches(e, CALL_SHORTCUTS.confirm)) return true;
  return (
    e.key === 'Enter' &&
    !(e.target instanceof HTMLButtonElement) &&
    !(e.target instanceof HTMLTextAreaElement)
  );
}
