import { useLayoutEffect, useRef, type RefObject } from 'react';

/** The screen's resting place for focus (marked `data-focus-home`): the line, or the wrap-up. */
function home(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-focus-home]');
}

/**
 * Puts focus back where the operator was: on `opener` when it is still on screen and enabled, else on
 * the screen's home. Leaves it alone when something else already took it (another panel opened).
 */
export function returnFocus(opener: HTMLElement | null): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body && active.isConnected) return;
  const usable = opener?.isConnected && !opener.matches(':disabled');
  (usable ? opener : home())?.focus();
}

/** Escape in a text field: inside a panel, back to the panel (a second Escape closes it); else back. */
export function leaveField(field: HTMLElement, opener: HTMLElement | null): void {
  const panel = field.closest<HTMLElement>('.call-panel');
  field.blur();
  if (panel) panel.focus();
  else returnFocus(opener);
}

function focusedElement(): HTMLElement | null {
  const active = document.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

/**
 * Moves focus into a panel as it opens (to `first`, else the panel) and, when it closes by Escape or by
 * confirming, back to the element that opened it. The opener is taken once, before the panel takes
 * focus, so React's development double mount cannot mistake the panel for its own opener.
 */
export function usePanelFocus(panel: RefObject<HTMLElement | null>, first?: RefObject<HTMLElement | null>) {
  const opener = useRef<HTMLElement | null | undefined>(undefined);
  useLayoutEffect(() => {
    if (opener.current === undefined) opener.current = focusedElement();
    (first?.current ?? panel.current)?.focus();
    // After the commit that removed the panel, when the screen it leaves behind is in place.
    return () => queueMicrotask(() => returnFocus(opener.current ?? null));
  }, [panel, first]); // ref objects: stable, so this runs once per opening
}
