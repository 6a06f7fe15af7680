// The period's calls from the centre's server (issue 19) in the shape the workspace's list, filters and
// compliance already read, filtered by the server as listing.ts filters; the dashboard asks the server for
// its figures. Read again when the line moves (a `board` event: a call may have ended) and on reconnect.
// A failed reading keeps the calls last read and says since when.
import { problemText } from './problemText';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CallFilter } from '../../analytics';
import { useClock } from '../../services/ClockContext';
import type { CallsState, DashboardSource, SupervisorCall } from '../useSupervisedCalls';

const centre = () => import('../../services/supervision');

/**
 * Readings asked for by the line's news are folded to one per this time: the news comes with every event
 * of every call (the board has its own), while the list changes only when a call ends.
 */
const FOLD_MS = 5000;
const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export interface CentreCalls {
  state: CallsState;
  /** Every call read for this period under any filter: the filters' choices come from them. */
  known: readonly SupervisorCall[];
  /** More calls match than the list holds. */
  capped: boolean;
  /** Why the last reading failed, and when the calls shown were read (null: never). */
  problem: { text: string; at: number | null } | null;
}

/** `watching`: the calls or their figures are on screen; news heard meanwhile waits until they are. */
export function useCentreCalls(
  on: boolean,
  watching: boolean,
  from: number,
  to: number,
  filter: CallFilter,
): CentreCalls {
  const clock = useClock();
  const [state, setState] = useState<CallsState>(() => ({
    status: 'loading',
    since: clock.now(),
    dashboard: () => Promise.resolve(null),
  }));
  const [capped, setCapped] = useState(false);
  const [problem, setProblem] = useState<CentreCalls['problem']>(null);
  const [news, setNews] = useState(0);
  const [stale, setStale] = useState(false);
  const known = useRef(new Map<string, SupervisorCall>());
  const [knownList, setKnownList] = useState<readonly SupervisorCall[]>([]);
  const filterKey = JSON.stringify(filter);
  const lastRead = useRef<number | null>(null);

  // The line moved: read again (once the calls are on screen), at most once per FOLD_MS.
  useEffect(() => {
    if (!on) return;
    let live = true;
    let stop = () => {};
    let timer: ReturnType<typeof setTimeout> | null = null;
    void centre().then(({ onLineMoved }) => {
      if (!live) return;
      stop = onLineMoved(() => {
        timer ??= setTimeout(() => {
          timer = null;
          setStale(true);
        }, FOLD_MS);
      });
    });
    return () => {
      live = false;
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [on]);

  useEffect(() => {
    if (!watching || !stale) return;
    setStale(false);
    setNews((n) => n + 1);
  }, [watching, stale]);

  useEffect(() => {
    known.current = new Map();
    lastRead.current = null;
    setKnownList([]);
  }, [from, to]);

  useEffect(() => {
    if (!on) return;
    let live = true;
    const wanted = JSON.parse(filterKey) as CallFilter; // made from `filter` above
    void centre().then(async (s) => {
      const dashboard: DashboardSource = (req) =>
        s
          .fetchDashboard({ from: req.from, to: req.to, filter: req.filter, timeZone: LOCAL_ZONE })
          .catch(() => null);
      try {
        const page = await s.fetchCalls({ from, to, filter: wanted });
        if (!live) return;
        const calls = page.calls.map((c) => {
          const { row, facts } = s.centreCallRow(c);
          return { row, facts, callerName: row.callerName, callerPhone: row.callerPhone };
        });
        for (const c of calls) known.current.set(c.row.id, c);
        setKnownList([...known.current.values()]);
        lastRead.current = clock.now();
        setCapped(page.capped);
        setProblem(null);
        setState({ status: 'ready', calls, loadedAt: clock.now(), dashboard });
      } catch (error) {
        if (!live) return;
        setProblem({ text: problemText(s.failureOf(error)), at: lastRead.current });
        setState((held) =>
          held.status === 'ready' ? held : { status: 'ready', calls: [], loadedAt: clock.now(), dashboard },
        );
      }
    });
    return () => {
      live = false;
    };
  }, [on, from, to, filterKey, news, clock]);

  return useMemo(() => ({ state, known: knownList, capped, problem }), [state, knownList, capped, problem]);
}
