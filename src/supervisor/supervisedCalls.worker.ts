// Reads a period's calls and reduces them to figures off the main thread: 100,000 calls and their logs
// take seconds to read and reduce, and the supervisor's page must stay responsive meanwhile.
import { AppDB } from '../db/db';
import { loadSupervisedCalls, type SupervisedCall } from '../db/supervisorRepository';
import { flowOf } from './flowOf';

export interface SupervisedCallsRequest {
  id: number;
  dbName: string;
  from: number;
  to: number;
}

export type SupervisedCallsResponse =
  { id: number; ok: true; calls: SupervisedCall[] } | { id: number; ok: false };

// The DOM lib is in tsconfig, the WebWorker lib is not (they conflict): describe the two members used.
interface WorkerScope {
  onmessage: ((event: MessageEvent<SupervisedCallsRequest>) => void) | null;
  postMessage(message: SupervisedCallsResponse): void;
}
const scope = self as unknown as WorkerScope;

const dbs = new Map<string, AppDB>();

scope.onmessage = (event) => {
  const { id, dbName, from, to } = event.data;
  let db = dbs.get(dbName);
  if (!db) dbs.set(dbName, (db = new AppDB(dbName)));
  loadSupervisedCalls(db, { from, to }, flowOf).then(
    (calls) => scope.postMessage({ id, ok: true, calls }),
    () => scope.postMessage({ id, ok: false }),
  );
};
