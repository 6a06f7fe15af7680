// The centre's flows for the app (a lazy chunk, only while someone is signed in): the catalogue taken
// through the session client, again whenever the centre says something was published or the link is back.
import type { AppDB } from '../../db';
import { api } from '../account/session';
import { startFlowUpdates, type FlowCatalogueAnswer, type FlowUpdates } from './flowUpdates';

export type { FlowUpdatesStatus } from './flowUpdates';

export function startCentreFlows(db: AppDB): FlowUpdates {
  const updates = startFlowUpdates({ db, fetchCatalogue: () => api<FlowCatalogueAnswer>('GET', '/flows') });
  const refresh = () => void updates.refresh();
  const offline = () => updates.unreachable();
  window.addEventListener('online', refresh);
  window.addEventListener('offline', offline);
  refresh();
  return {
    ...updates,
    stop() {
      window.removeEventListener('online', refresh);
      window.removeEventListener('offline', offline);
      updates.stop();
    },
  };
}
