// The calls of a period with their figures, kept fresh as calls are stored (any tab), imported or
// erased. The reading, reducing and the dashboard run in a worker where the browser has one.
import { useEffect, useState } from 'react';
import {
  filterCalls,
  periodFigures,
  previousPeriod,
  type ListedCall,
  type PeriodFigures,
} from '../analytics';
import type { AppDB, CallRow } from '../db';
import { useClock } from '../services/ClockContext';
import { supervisorMemory, watchSupervisedCalls, type SupervisedCall } from '../db/supervisor';
import { bundledFlowOf } from './bundledFlowOf';
import { localDayStarts, localHour } from './format';
import { watchInWorker, type DashboardRequest } from './supervisedCallsClient';

export interface SupervisorCall extends ListedCall {
  row: CallRow;
}

export type DashboardSource = (req: DashboardRequest) => Promise<PeriodFigures | null>;

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

/** The figures over the period's calls and the previous period's (`calls` holds both). */
function localDashboard(calls: SupervisorCall[]): DashboardSource {
  return (req) =>
    Promise.resolve(
      periodFigures(
        filterCalls(calls, req.filter, req.now).map((c) => c.facts),
        { ...req, dayStarts: localDayStarts(req.from, req.to), hourOf: localHour },
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
      { from: previousPeriod({ from, to }).from, to },
      bundledFlowOf,
      localMemory,
      (calls) => {
        const both = calls.map(listed);
        const list = both.filter((c) => c.facts.startedAt >= from);
        setState({ status: 'ready', calls: list, loadedAt: readAt(), dashboard: localDashboard(both) });
      },
      failed,
    );
  }, [db, from, to, clock]);
  return state;
}
