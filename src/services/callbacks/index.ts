// The centre's callbacks queue wired to this page's server (issue 17): the API through the session
// client, news through the centre hub. One queue per signed-in person, kept while the app runs, so a
// callback call's end still reaches the server after the queue's route was left.
import type { CentreCallback } from '../../protocol';
import type { AppDB } from '../../db';
import { loadCentreQueue, saveCentreQueue } from '../../db/centre';
import { api } from '../account/session';
import { onCentreEvent, onCentreLink } from '../centre/hub';
import { createCentreQueue, type CentreQueue } from './centreQueue';

const path = (id: string, what: string) => `/callbacks/${encodeURIComponent(id)}/${what}`;

let current: { personId: string; queue: CentreQueue } | null = null;

/**
 * The queue of the signed-in person `personId` (a new one when another person signed in), kept in `db`
 * as last fetched when there is one.
 */
export function centreQueueFor(personId: string, db: AppDB | null): CentreQueue {
  if (current?.personId === personId) return current.queue;
  current?.queue.stop();
  const queue = createCentreQueue(
    {
      list: () => api<{ callbacks: CentreCallback[] }>('GET', '/callbacks').then((r) => r.callbacks),
      claim: (id) => api<CentreCallback>('POST', path(id, 'claim'), {}),
      release: (id) => api('POST', path(id, 'release'), {}),
      done: (id, callId) => api('POST', path(id, 'done'), { callId }),
      onChanged: (listener) => onCentreEvent('callbacks', listener),
      onLink: onCentreLink,
    },
    Date.now,
    db
      ? {
          load: () => loadCentreQueue(db, personId),
          save: ({ callbacks, at }) => saveCentreQueue(db, { personId, callbacks, at }),
        }
      : undefined,
  );
  current = { personId, queue };
  return queue;
}
