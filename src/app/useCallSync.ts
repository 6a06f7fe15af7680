// Connects the workstation's calls to its server while someone is signed in (issue 17): the call
// repository queues every event for that person from then on, and the sync client (a lazy chunk)
// sends the queue. A single workstation, or nobody signed in, queues nothing.
import { useEffect, useState } from 'react';
import { setUploadOwner, type AppDB } from '../db';
import { allowedAreas } from '../services/account/areas';
import type { ServerState } from '../services/account/serverProbe';
import type { SyncStatus } from '../services/sync';
import { startLazySync } from '../services/sync/startLazy';

/** What the account bar shows of the upload, and the person's answer to calls made before connecting. */
export interface CallSync {
  status: SyncStatus;
  answerEarlier: (answer: 'sent' | 'kept') => Promise<void>;
}

export function useCallSync(db: AppDB | null, state: ServerState | null): CallSync | null {
  const [sync, setSync] = useState<CallSync | null>(null);
  // Only a person who makes calls has calls to send: a supervisor's or an editor's bar says nothing.
  const session =
    state?.mode === 'signedIn' && allowedAreas(state.session.person.roles).has('operator')
      ? state.session
      : null;
  const personId = session?.person.id ?? null;
  const organisationId = session?.organisation.id ?? null;

  useEffect(() => {
    if (!db) return;
    if (!personId || !organisationId) {
      setUploadOwner(db, null);
      setSync(null);
      return;
    }
    const owner = { personId, organisationId };
    setUploadOwner(db, owner);
    return startLazySync(
      ({ startServerSync }) => startServerSync(db, owner),
      (status, handle) =>
        setSync({ status, answerEarlier: (answer: 'sent' | 'kept') => handle.answerEarlier(answer) }),
    );
  }, [db, personId, organisationId]);

  return sync;
}
