// The supervisor's workspace over the centre (issue 19), wired to this page's server: the API through the
// session client, news through the centre hub. A lazy chunk: only a supervisor signed in loads it.
import type { CentreCallback } from '../../protocol';
import { boardSchema } from '../../protocol';
import { api } from '../account/session';
import { onCentreEvent, onCentreLink } from '../centre/hub';
import { createLineFeed, type LineFeed } from './lineFeed';

export {
  addComment,
  centreCallRow,
  fetchCall,
  fetchCalls,
  fetchCoaching,
  fetchDashboard,
  fetchGroups,
  fetchRecord,
  isRefusal,
  failureOf,
  recordLog,
  type CallComment,
  type CentreGroup,
  type CentreRecord,
  type Coaching,
  type Failure,
} from './centreCalls';
export type { Board, LineView, LineFeed } from './lineFeed';

/** The board of the line, live while the page watches it. */
export function watchLine(): LineFeed {
  return createLineFeed({
    board: () => api('GET', '/supervision/board').then((answer) => boardSchema.parse(answer)),
    callbacks: () => api<{ callbacks: CentreCallback[] }>('GET', '/callbacks').then((r) => r.callbacks),
    onBoard: (listener) => onCentreEvent('board', listener),
    onCallbacks: (listener) => onCentreEvent('callbacks', listener),
    onLink: onCentreLink,
  });
}

/** Runs `listener` on every `board` event and every reconnect: the calls list refetches then. */
export function onLineMoved(listener: () => void): () => void {
  let first = true;
  const stopBoard = onCentreEvent('board', listener);
  const stopLink = onCentreLink((link) => {
    // The present state is told at once; only a later reconnect is news.
    if (link === 'connected' && !first) listener();
    first = false;
  });
  return () => {
    stopBoard();
    stopLink();
  };
}
