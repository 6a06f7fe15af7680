// The centre's flows for the app (a lazy chunk, only while someone is signed in): the catalogue taken
// through the session client at start, whenever the centre announces a publication, and every time the
// link to the centre is back (announcements may have been missed while it was down).
import type { AppDB } from '../../db';
import { api } from '../account/session';
import { onCentreEvent, onCentreLink } from '../centre/hub';
import { startFlowUpdates, type FlowCatalogueAnswer, type FlowUpdates } from './flowUpdates';

export type { FlowUpdatesStatus } from './flowUpdates';

export function startCentreFlows(db: AppDB): FlowUpdates {
  const updates = startFlowUpdates({ db, fetchCatalogue: () => api<FlowCatalogueAnswer>('GET', '/flows') });
  const refresh = () => void updates.refresh();
  const offline = () => updates.unreachable();
  window.addEventListener('online', refresh);
  window.addEventListener('offline', offline);
  const stopEvents = onCentreEvent('flows', refresh);
  // The start takes the catalogue whatever the stream's state; the link's first report (at once) is the
  // present state, not a change, so only later ones count.
  refresh();
  let first = true;
  const stopLink = onCentreLink((link) => {
    if (!first) {
      if (link === 'connected') refresh();
      else offline();
    }
    first = false;
  });
  return {
    ...updates,
    stop() {
      window.removeEventListener('online', refresh);
      window.removeEventListener('offline', offline);
      stopEvents();
      stopLink();
      updates.stop();
    },
  };
}
