// The shell's knowledge base. Its sync (kbSync.ts with its repository and the search worker's client) is a
// lazy chunk loaded once something reads the knowledge base: the operator's first screen and the greeting
// need none of it, so neither its code nor kb-bundle.json is in the way of the first call.
import { useEffect, useState } from 'react';
import type { AppDB } from '../db';
import type { KnowledgeBaseState } from './kbSync';

/** `wanted`: once true (after storage opened), the knowledge base syncs and stays in step until unmount. */
export function useKnowledgeBase(db: AppDB | null, wanted: boolean): KnowledgeBaseState {
  const [state, setState] = useState<KnowledgeBaseState>({ status: 'loading' });
  useEffect(() => {
    if (!wanted) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    import('./kbSync').then(
      ({ startKnowledgeBase }) => {
        if (!cancelled) stop = startKnowledgeBase(db, setState);
      },
      // The chunk could not be loaded: as good as a search index that could not be built.
      () =>
        !cancelled &&
        setState({ status: 'ready', info: null, updated: false, notice: 'indexFailed', source: null }),
    );
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [db, wanted]);
  return state;
}
