// The live board of the line as the supervisor's workspace sees it (issue 19): fetched when watched,
// fetched again on every `board` event (the server folds them to a few a second) and every `callbacks`
// event, and on every reconnect (events may have been missed meanwhile). While the link is down the board
// is the last one known, with the time it was fetched, so the page can say how old it is.
import type { z } from 'zod';
import type { boardSchema, CentreCallback } from '../../protocol';

export type Board = z.infer<typeof boardSchema>;

/** What the feed needs from the server and the centre's event stream; tests hand in fakes. */
export interface LineLink {
  board(): Promise<Board>;
  /** The centre's open callbacks; rejects where the reader's role may not see them. */
  callbacks(): Promise<CentreCallback[]>;
  onBoard(listener: () => void): () => void;
  onCallbacks(listener: () => void): () => void;
  /** The event stream's state, told at once and on every change. */
  onLink(listener: (link: 'connected' | 'disconnected') => void): () => void;
}

export type LineView =
  | { status: 'loading' }
  | {
      /** `live`: as the server has it now; `lastKnown`: as it was at `at` (null: never fetched). */
      status: 'live' | 'lastKnown';
      board: Board | null;
      /** Null when the callbacks could not be read. */
      callbacks: readonly CentreCallback[] | null;
      at: number | null;
    };

export interface LineFeed {
  getView(): LineView;
  subscribe(listener: () => void): () => void;
  stop(): void;
}

export function createLineFeed(link: LineLink, now: () => number = Date.now): LineFeed {
  let view: LineView = { status: 'loading' };
  let connected = false;
  let boardGeneration = 0;
  let callbacksGeneration = 0;
  const listeners = new Set<() => void>();
  const set = (next: LineView) => {
    view = next;
    for (const l of listeners) l();
  };
  const known = () => (view.status === 'loading' ? { board: null, callbacks: null, at: null } : view);
  const lost = () => set({ ...known(), status: 'lastKnown' });

  const refreshBoard = () => {
    const mine = ++boardGeneration;
    link.board().then(
      (board) => {
        // A later fetch (a newer event) decides.
        if (mine !== boardGeneration) return;
        set({ ...known(), board, at: now(), status: connected ? 'live' : 'lastKnown' });
      },
      () => {
        if (mine === boardGeneration) lost();
      },
    );
  };
  const refreshCallbacks = () => {
    const mine = ++callbacksGeneration;
    const settle = (callbacks: readonly CentreCallback[] | null) => {
      if (mine !== callbacksGeneration) return;
      // The board's fetch says whether the line is live; the callbacks alone do not.
      set({ ...known(), callbacks, status: connected && view.status !== 'lastKnown' ? 'live' : 'lastKnown' });
    };
    link.callbacks().then(settle, () => settle(null));
  };

  const stops = [
    link.onBoard(() => {
      if (connected) refreshBoard();
    }),
    link.onCallbacks(() => {
      if (connected) refreshCallbacks();
    }),
    link.onLink((state) => {
      connected = state === 'connected';
      if (connected) {
        refreshBoard();
        refreshCallbacks();
      } else lost();
    }),
  ];
  // The stream may open later than the page: what the server says now is shown meanwhile.
  if (!connected) {
    refreshBoard();
    refreshCallbacks();
  }

  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      for (const stop of stops) stop();
      listeners.clear();
    },
  };
}
