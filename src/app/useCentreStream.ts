// Keeps the centre's event stream open while someone is signed in (any role): the workspaces subscribe
// to src/services/centre/hub.ts. A single workstation, or a signed-out one, opens nothing.
import { useEffect } from 'react';
import type { ServerState } from '../services/account/serverProbe';

export function useCentreStream(state: ServerState | null, recheck: () => void): void {
  const personId = state?.mode === 'signedIn' ? state.session.person.id : null;
  useEffect(() => {
    if (!personId) return;
    let live = true;
    let close = () => {};
    void import('../services/centre/stream').then(
      ({ openCentreStream }) => {
        if (live) close = openCentreStream({ onSignedOut: recheck });
      },
      // The chunk did not load (an old cache): the workspaces refetch on their own start.
      () => undefined,
    );
    return () => {
      live = false;
      close();
    };
  }, [personId, recheck]);
}
