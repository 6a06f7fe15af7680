import { useLayoutEffect, useRef } from 'react';

/**
 * Listens to keydown on the window while `enabled`; the latest handler is always the one called.
 * Registered before the browser paints: a panel the operator can see already hears its keys (an Enter
 * pressed the moment the callback form appears used to fall between the paint and a passive effect).
 */
export function useKeyDown(handler: (e: KeyboardEvent) => void, enabled = true): void {
  const ref = useRef(handler);
  ref.current = handler;
  useLayoutEffect(() => {
    if (!enabled) return;
    const listener = (e: KeyboardEvent) => ref.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
