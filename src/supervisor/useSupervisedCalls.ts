// The calls of a period with their figures, kept fresh as calls are stored (any tab) or imported. The
// reading and reducing runs in a worker where the browser has one; the page only hears about changes.
import { useEffect, useState } from 'react';
import type { ListedCall } from '../analytics';
import { watchQuery, type AppDB, type CallRow } from '../db';
import { loadSupervisedCalls, periodCallIds, type SupervisedCall } from '../db/supervisorRepository';
import { flowOf } from './flowOf';
import type { SupervisedCallsRequest, SupervisedCallsResponse } from './supervisedCalls.worker';

export { flowOf } from './flowOf';

export interface SupervisorCall extends ListedCall {
  row: CallRow;
}

export type CallsState =
  | { status: 'loading' }
  | { status: 'ready'; calls: SupervisorCall[]; loadedAt: number }
  | { status: 'failed' };

type Load = (from: number, to: number) => Promise<SupervisedCall[]>;

function workerLoad(db: AppDB): { load: Load; stop: () => void } | null {
  if (typeof Worker === 'undefined') return null;
  const worker = new Worker(new URL('./supervisedCalls.worker.ts', import.meta.url), { type: 'module' });
  let next = 0;
  const pending = new Map<number, { resolve: (c: SupervisedCall[]) => void; reject: () => void }>();
  worker.onmessage = (e: MessageEvent<SupervisedCallsResponse>) => {
    const p = pending.get(e.data.id);
    pending.delete(e.data.id);
    if (e.data.ok) p?.resolve(e.data.calls);
    else p?.reject();
  };
  worker.onerror = () => pending.forEach((p) => p.reject());
  return {
    load: (from, to) =>
      new Promise((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, dbName: db.name, from, to } satisfies SupervisedCallsRequest);
      }),
    stop: () => worker.terminate(),
  };
}

export function useSupervisedCalls(db: AppDB | null, from: number, to: number): CallsState {
  const [state, setState] = useState<CallsState>({ status: 'loading' });
  useEffect(() => {
    if (!db) return;
    setState({ status: 'loading' });
    const remote = workerLoad(db);
    const local: Load = (f, t) => loadSupervisedCalls(db, { from: f, to: t }, flowOf);
    let seen = 0;
    const unwatch = watchQuery(
      () => periodCallIds(db, { from, to }),
      () => {
        const ticket = ++seen;
        (remote ? remote.load(from, to).catch(() => local(from, to)) : local(from, to)).then(
          (list) => {
            if (ticket !== seen) return;
            setState({
              status: 'ready',
              calls: list.map(({ row, facts }) => ({
                row,
                facts,
                callerName: row.callerName,
                callerPhone: row.callerPhone,
              })),
              // Compliance and overdue callbacks are judged at the moment the calls were read.
              loadedAt: Date.now(),
            });
          },
          () => setState({ status: 'failed' }),
        );
      },
      () => setState({ status: 'failed' }),
    );
    return () => {
      unwatch();
      remote?.stop();
    };
  }, [db, from, to]);
  return state;
}
