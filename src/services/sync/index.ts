// The sync client's entry for the app (a lazy chunk): the outbox sent to this page's server.
import type { AppDB, UploadOwner } from '../../db';
import { onCentreEvent } from '../centre/hub';
import { createLeaseClient } from '../lease/leaseClient';
import { linkLease, setLeaseStanding } from '../lease/standing';
import { deviceId, localLeaseStore, serverLeaseTransport } from '../lease/transport';
import { startSync, type SyncHandle } from './syncClient';
import { importsTransport, serverTransport } from './transport';
import { importsOwner } from '../../db/sync';

export type { SyncStatus } from './syncClient';
export type { EarlierCalls } from '../../db/sync';

/** The upload and the operator's lease (one call across devices) for this signed-in person. */
export function startServerSync(db: AppDB, owner: UploadOwner): SyncHandle {
  const lease = createLeaseClient({
    deviceId: deviceId(),
    transport: serverLeaseTransport,
    store: localLeaseStore(owner.personId),
  });
  const unsubscribe = lease.subscribe(setLeaseStanding);
  const unheard = onCentreEvent('lease', (event) => {
    if (event.personId === owner.personId) lease.heardTakeOver(event.deviceId);
  });
  linkLease(lease);
  const sync = startSync({ db, owner, transport: serverTransport, lease });
  return {
    ...sync,
    stop() {
      unheard();
      unsubscribe();
      linkLease(null);
      sync.stop();
    },
  };
}

/** The calls this supervisor imported from files, sent as their own queue while the workspace is open. */
export function startImportsSync(db: AppDB, supervisor: UploadOwner): SyncHandle {
  return startSync({ db, owner: importsOwner(supervisor), transport: importsTransport, offerEarlier: false });
}
