// Saving a draft as it is typed, one rule for flows and articles: shortly after the editor stops typing,
// and at once when the page hides or the editor closes; a save that failed stays pending for the next try.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

export const SAVE_DELAY_MS = 400;

export type SaveState = 'saved' | 'saving' | 'unsaved';

export interface DraftSaving<T> {
  state: SaveState;
  /** Records the newest text to save (callable inside a state updater: it sets no state). */
  mark: (next: T) => void;
  /** Saves the marked text once typing pauses. */
  schedule: () => void;
  /** Saves anything marked now. */
  flush: () => Promise<void>;
  /** Forgets anything marked (the draft is being dropped). */
  cancel: () => void;
}

/** `save` must keep its identity between renders (a useCallback): closing the editor flushes with it. */
export function useDraftSaving<T>(save: (next: T) => Promise<void>): DraftSaving<T> {
  const [state, setState] = useState<SaveState>('saved');
  const pending = useRef<{ next: T } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const stopTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const flush = useCallback(async () => {
    stopTimer();
    const marked = pending.current;
    pending.current = null;
    if (!marked) return;
    setState('saving');
    try {
      await save(marked.next);
      setState(pending.current ? 'unsaved' : 'saved');
    } catch {
      // Kept in memory: the next change or the page hiding tries again.
      pending.current ??= marked;
      setState('unsaved');
    }
  }, [save]);

  useEffect(() => {
    const onHide = () => void flush();
    window.addEventListener('pagehide', onHide);
    return () => {
      window.removeEventListener('pagehide', onHide);
      void flush();
    };
  }, [flush]);

  const mark = useCallback((next: T) => {
    pending.current = { next };
  }, []);
  const schedule = useCallback(() => {
    setState('unsaved');
    stopTimer();
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  }, [flush]);
  const cancel = useCallback(() => {
    stopTimer();
    pending.current = null;
    setState('saved');
  }, []);
  return { state, mark, schedule, flush, cancel };
}

/** A draft as loaded: its text, what the edit started from, and whether it is a draft yet. */
export interface LoadedDraft<X, B> {
  text: X;
  base: B;
  isDraft: boolean;
}

/**
 * The edit of a loaded draft (nothing while it loads or when there is none): a change to its text makes it a
 * draft and marks it for `saving`, the same text is no change; the save follows once typing pauses.
 */
export function useDraftEdit<X, B, None extends null | 'missing'>(
  setLoaded: Dispatch<SetStateAction<LoadedDraft<X, B> | None>>,
  { mark, schedule }: DraftSaving<{ text: X; base: B }>,
): (change: (text: X) => X) => void {
  return useCallback(
    (change: (text: X) => X) => {
      setLoaded((current) => {
        if (current === null || current === 'missing') return current;
        const text = change(current.text);
        if (text === current.text) return current;
        mark({ text, base: current.base });
        return { ...current, text, isDraft: true };
      });
      schedule();
    },
    [setLoaded, mark, schedule],
  );
}
