// Starts a sync client from its lazy chunk (./index), so the operator's first load does not carry it:
// an operator's upload (app/useCallSync.ts) and a supervisor's imported calls (supervisor/centre).
import type * as Chunk from './index';
import type { SyncHandle, SyncStatus } from './syncClient';

type SyncChunk = typeof Chunk;

/**
 * `start` makes the client once the chunk is in; `listen` hears its status. Returns the stop. A chunk
 * that does not load (an old cache) starts nothing: what is queued stays for the next start.
 */
export function startLazySync(
  start: (chunk: SyncChunk) => SyncHandle,
  listen: (status: SyncStatus, handle: SyncHandle) => void,
): () => void {
  let live = true;
  let stop = () => {};
  void import('./index').then(
    (chunk) => {
      if (!live) return;
      const handle = start(chunk);
      const unsubscribe = handle.subscribe((status) => listen(status, handle));
      stop = () => {
        unsubscribe();
        handle.stop();
      };
    },
    () => undefined,
  );
  return () => {
    live = false;
    stop();
  };
}
