// The sync client's entry for the app (a lazy chunk): the outbox sent to this page's server.
import type { AppDB, UploadOwner } from '../../db';
import { startSync, type SyncHandle } from './syncClient';
import { serverTransport } from './transport';

export type { SyncStatus } from './syncClient';
export type { EarlierCalls } from '../../db/sync';

export function startServerSync(db: AppDB, owner: UploadOwner): SyncHandle {
  return startSync({ db, owner, transport: serverTransport });
}
