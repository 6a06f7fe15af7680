// The shell's knowledge base: starts its sync (kbSync.ts, with the cache and the search worker's client, a
// lazy chunk) as soon as storage is open, so the operator's first screen does not carry it; the panel reads
// 'loading' until the chunk has synced.
import { useEffect, useState } from 'react';
import type { AppDB } from '../db';
import type { KbSyncResult } from './kbSync';

export type KnowledgeBaseState = { status: 'loading' } | ({ status: 'ready' } & KbSyncResult);

/** Call once in the shell after storage opened (ready = true, db may be null). */
export function useKnowledgeBase(db: AppDB | null, ready: boolean): KnowledgeBaseState {
  const [state, setState] = useState<KnowledgeBaseState>({ status: 'loading' });
  useEffect(() => {
    if (!ready) return;
    let live = true;
    let stop = () => {};
    const settle = (result: KbSyncResult) => live && setState({ status: 'ready', ...result });
    void import('./kbSync').then(
      ({ runKnowledgeBase }) => {
        if (live) stop = runKnowledgeBase(db, settle);
      },
      // The chunk did not load (an old cache after an update): the panel says the base is unavailable.
      () => settle({ info: null, updated: false, notice: 'storageFailed', source: null }),
    );
    return () => {
      live = false;
      stop();
    };
  }, [db, ready]);
  return state;
}
