// While someone is signed in (any role), the workstation listens to its organisation's server: the event
// stream the workspaces subscribe to (src/services/centre/hub.ts) and the flows it publishes (issue 18),
// each from a lazy chunk. A single workstation, or nobody signed in, opens nothing and keeps the flows it has.
import { useEffect, useState } from 'react';
import type { AppDB } from '../db';
import type { ServerState } from '../services/account/serverProbe';
import type { FlowUpdatesStatus } from '../services/centreFlows';

export function useCentre(
  db: AppDB | null,
  state: ServerState | null,
  recheck: () => void,
): FlowUpdatesStatus | null {
  const [flows, setFlows] = useState<FlowUpdatesStatus | null>(null);
  const session = state?.mode === 'signedIn' ? state.session : null;
  const personId = session?.person.id ?? null;
  const organisationId = session?.organisation.id ?? null;
  // The directory is for those who transfer calls or watch the queue (the route's roles).
  const namesColleagues = session?.person.roles.some((r) => r === 'operator' || r === 'supervisor') ?? false;
  useEffect(() => {
    if (!personId) return setFlows(null);
    let live = true;
    const stops: (() => void)[] = [];
    // A chunk that does not load (an old cache) leaves the workstation as it was: the workspaces
    // fetch again at their own start, and the flows stay those it has.
    const ignore = () => undefined;
    void import('../services/centre/stream').then(({ openCentreStream }) => {
      if (live) stops.push(openCentreStream({ onSignedOut: recheck }));
    }, ignore);
    if (db && organisationId && namesColleagues)
      void import('../services/directory/directorySync').then(({ startDirectory }) => {
        if (!live) return;
        const directory = startDirectory({ db, organisationId });
        stops.push(() => directory.stop());
      }, ignore);
    if (db)
      void import('../services/centreFlows').then(({ startCentreFlows }) => {
        if (!live) return;
        const updates = startCentreFlows(db);
        stops.push(updates.subscribe(setFlows), () => updates.stop());
      }, ignore);
    return () => {
      live = false;
      for (const stop of stops) stop();
    };
  }, [db, personId, organisationId, namesColleagues, recheck]);
  return flows;
}
