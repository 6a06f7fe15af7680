// Keeps the workstation's flows in step with its organisation's server while someone is signed in
// (issue 18); a single workstation, or nobody signed in, keeps exactly the flows it has.
import { useEffect, useState } from 'react';
import type { AppDB } from '../db';
import type { ServerState } from '../services/account/serverProbe';
import type { FlowUpdatesStatus } from '../services/centreFlows';

export function useCentreFlows(db: AppDB | null, state: ServerState | null): FlowUpdatesStatus | null {
  const [status, setStatus] = useState<FlowUpdatesStatus | null>(null);
  const organisationId = state?.mode === 'signedIn' ? state.session.organisation.id : null;
  const personId = state?.mode === 'signedIn' ? state.session.person.id : null;

  useEffect(() => {
    if (!db || !organisationId || !personId) {
      setStatus(null);
      return;
    }
    let live = true;
    let stop = () => {};
    void import('../services/centreFlows').then(
      ({ startCentreFlows }) => {
        if (!live) return;
        const updates = startCentreFlows(db);
        const unsubscribe = updates.subscribe(setStatus);
        stop = () => {
          unsubscribe();
          updates.stop();
        };
      },
      // The chunk did not load (an old cache): the workstation keeps the flows it has.
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [db, organisationId, personId]);

  return status;
}
