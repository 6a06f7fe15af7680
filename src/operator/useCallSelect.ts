import { useMemo, useRef, useSyncExternalStore } from 'react';
import type { CallSession, CallView } from '../calls';
import { useCallController } from '../services/callOwner/CallControllerContext';

// Selectors often build small objects; comparing by value keeps the screen from re-rendering on every
// event that did not change what this part shows.
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

interface ViewSource {
  subscribe: (listener: () => void) => () => void;
  get: () => CallView;
}

/** The engine itself: for calls nothing is stored for (the editor's sandbox), or outside a controller. */
function engineSource(session: CallSession): ViewSource {
  return {
    subscribe: (listener) => {
      const sub = session.actor.subscribe(listener);
      return () => sub.unsubscribe();
    },
    get: () => session.getSnapshot(),
  };
}

/**
 * Where this call's screen reads from: the controller's stored state when it keeps one for this
 * session, so a step shows only once its event is stored; else the engine.
 */
function useViewSource(session: CallSession): ViewSource {
  const controller = useCallController();
  const active = controller?.getActive();
  const stored = active?.session === session ? active.stored : undefined;
  const fallback = useMemo(() => engineSource(session), [session]);
  return useMemo<ViewSource>(
    () => (stored ? { subscribe: stored.subscribe, get: () => stored.getSnapshot().view } : fallback),
    [stored, fallback],
  );
}

/**
 * Asks the call one question (an engine selector) about its stored state; re-renders only when the
 * answer changes.
 */
export function useCallSelect<T>(session: CallSession, select: (s: CallView) => T): T {
  const source = useViewSource(session);
  // The last answer, kept while the view and the question are the same, or while a new answer equals it
  // by value: useSyncExternalStore then sees the same object and skips the render.
  const last = useRef<{ view: CallView; select: (s: CallView) => T; value: T } | null>(null);
  const answer = (): T => {
    const view = source.get();
    const prev = last.current;
    if (prev && prev.view === view && prev.select === select) return prev.value;
    const fresh = select(view);
    const value = prev && sameValue(prev.value, fresh) ? prev.value : fresh;
    last.current = { view, select, value };
    return value;
  };
  return useSyncExternalStore(source.subscribe, answer);
}
