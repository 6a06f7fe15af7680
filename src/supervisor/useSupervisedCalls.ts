// The calls of a period with their figures, kept fresh as calls are stored (any tab), imported or
// erased. The reading, reducing and the dashboard run in a worker where the browser has one.
import { useEffect, useState } from 'react';
import { buildDashboard, filterCalls, type Dashboard, type ListedCall } from '../analytics';
import type { AppDB, CallRow } from '../db';
import { watchSupervisedCalls, type FactsCache, type SupervisedCall } from '../db/supervisorRepository';
import { flowOf } from './flowOf';
import { watchInWorker, type DashboardRequest } from './supervisedCallsClient';

export { flowOf } from './flowOf';

export interface SupervisorCall extends ListedCall {
  row: CallRow;
}

export type CallsState =
  | { status: 'loading' }
  | {
      status: 'ready';
      calls: SupervisorCall[];
      loadedAt: number;
      /** The dashboard of these calls under a filter: computed where the calls are held. */
      dashboard: (req: DashboardRequest) => Promise<Dashboard | null>;
    }
  | { status: 'failed' };

const listed = ({ row, facts }: SupervisedCall): SupervisorCall => ({
  row,
  facts,
  callerName: row.callerName,
  callerPhone: row.callerPhone,
});

const localCache: FactsCache = new Map();

function localDashboard(calls: SupervisorCall[]) {
  return (req: DashboardRequest) =>
    Promise.resolve(
      buildDashboard(
        filterCalls(calls, req.filter, req.now).map((c) => c.facts),
        req,
      ),
    );
}

export function useSupervisedCalls(db: AppDB | null, from: number, to: number): CallsState {
  const [state, setState] = useState<CallsState>({ status: 'loading' });
  useEffect(() => {
    if (!db) return;
    setState({ status: 'loading' });
    const failed = () => setState({ status: 'failed' });
    const feed = watchInWorker(
      db.name,
      { from, to },
      (calls) =>
        setState({
          status: 'ready',
          calls: calls.map(listed),
          // Compliance and overdue callbacks are judged at the moment the calls were read.
          loadedAt: Date.now(),
          dashboard: (req) => feed?.dashboard(req) ?? Promise.resolve(null),
        }),
      failed,
    );
    if (feed) return () => feed.stop();
    return watchSupervisedCalls(
      db,
      { from, to },
      flowOf,
      localCache,
      (calls) => {
        const list = calls.map(listed);
        setState({ status: 'ready', calls: list, loadedAt: Date.now(), dashboard: localDashboard(list) });
      },
      failed,
    );
  }, [db, from, to]);
  return state;
}
