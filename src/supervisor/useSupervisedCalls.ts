// The calls of a period with their figures, kept fresh as calls are stored (any tab), imported or
// erased. The reading, reducing and the dashboard run in a worker where the browser has one.
import { useEffect, useState } from 'react';
import { buildDashboard, filterCalls, type Dashboard, type ListedCall } from '../analytics';
import type { AppDB, CallRow } from '../db';
import { useClock } from '../services/ClockContext';
import { supervisorMemory, watchSupervisedCalls, type SupervisedCall } from '../db/supervisor';
import { bundledFlowOf } from './bundledFlowOf';
import { watchInWorker, type DashboardRequest } from './supervisedCallsClient';

export interface SupervisorCall extends ListedCall {
  row: CallRow;
}

type DashboardSource = (req: DashboardRequest) => Promise<Dashboard | null>;

export type CallsState =
  /** The dashboard can be asked for at once: it comes before the list. */
  | { status: 'loading'; since: number; dashboard: DashboardSource }
  | {
      status: 'ready';
      calls: SupervisorCall[];
      /** When the calls were read: compliance and overdue callbacks are judged at this moment. */
      loadedAt: number;
      /** The dashboard of these calls under a filter: computed where the calls are held. */
      dashboard: DashboardSource;
    }
  | { status: 'failed' };

const listed = ({ row, facts }: SupervisedCall): SupervisorCall => ({
  row,
  facts,
  callerName: row.callerName,
  callerPhone: row.callerPhone,
});

const localMemory = supervisorMemory();

function localDashboard(calls: SupervisorCall[]): DashboardSource {
  return (req) =>
    Promise.resolve(
      buildDashboard(
        filterCalls(calls, req.filter, req.now).map((c) => c.facts),
        req,
      ),
    );
}

export function useSupervisedCalls(db: AppDB | null, from: number, to: number): CallsState {
  const clock = useClock();
  const [state, setState] = useState<CallsState>(() => ({
    status: 'loading',
    since: clock.now(),
    dashboard: () => Promise.resolve(null),
  }));
  useEffect(() => {
    if (!db) return;
    // The first reading counts as made when asked for, so a dashboard asked for meanwhile stays right.
    const since = clock.now();
    let readings = 0;
    const readAt = () => (readings++ === 0 ? since : clock.now());
    const failed = () => setState({ status: 'failed' });
    const feed = watchInWorker(
      db.name,
      { from, to },
      (calls) => setState({ status: 'ready', calls: calls.map(listed), loadedAt: readAt(), dashboard }),
      failed,
    );
    const dashboard: DashboardSource = (req) => feed?.dashboard(req) ?? Promise.resolve(null);
    setState({ status: 'loading', since, dashboard });
    if (feed) return () => feed.stop();
    return watchSupervisedCalls(
      db,
      { from, to },
      bundledFlowOf,
      localMemory,
      (calls) => {
        const list = calls.map(listed);
        setState({ status: 'ready', calls: list, loadedAt: readAt(), dashboard: localDashboard(list) });
      },
      failed,
    );
  }, [db, from, to, clock]);
  return state;
}
