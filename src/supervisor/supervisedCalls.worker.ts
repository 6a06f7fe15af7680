// Watches a period's calls and reduces them to figures off the main thread: 100,000 calls take seconds to
// read and reduce, and the supervisor's page must stay responsive. The dashboard is computed here too.
import { buildDashboard, filterCalls, type CallFacts, type CallFilter, type Dashboard } from '../analytics';
import { AppDB } from '../db';
import {
  packBuffers,
  packCalls,
  type CallPack,
  supervisorMemory,
  watchSupervisedCalls,
  type SupervisedCall,
  type SupervisorMemory,
} from '../db/supervisor';
import type { ImportResult } from '../db/exchange';
import { bundledFlowOf } from './bundledFlowOf';
import type { ArticleInfo } from './useArticleReviews';

export type SupervisedCallsRequest =
  | { type: 'watch'; watch: number; dbName: string; from: number; to: number }
  | {
      type: 'dashboard';
      id: number;
      /** The calls of this watch only: an answer about an older period would mislead. */
      watch: number;
      filter: CallFilter;
      now: number;
      from: number;
      to: number;
      articles: ReadonlyMap<string, ArticleInfo>;
    }
  /** A workstation file, checked and stored here: parsing a large file would hold the page for seconds. */
  | { type: 'import'; id: number; dbName: string; raw: string };

export type SupervisedCallsResponse =
  /**
   * The calls, packed (a few buffers copy in no time, where 100,000 objects took the page seconds):
   * all of them (`replace`), or those changed since the last message and the ids of those gone.
   */
  | { type: 'calls'; watch: number; pack: CallPack; replace: boolean; removed: string[] }
  | { type: 'failed'; watch: number }
  | { type: 'dashboard'; id: number; dashboard: Dashboard | null }
  | { type: 'imported'; id: number; result: ImportResult | null };

// The DOM lib is in tsconfig, the WebWorker lib is not (they conflict): describe the two members used.
interface WorkerScope {
  onmessage: ((event: MessageEvent<SupervisedCallsRequest>) => void) | null;
  postMessage(message: SupervisedCallsResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

const dbs = new Map<string, { db: AppDB; memory: SupervisorMemory }>();
interface Watching {
  watch: number;
  calls: SupervisedCall[] | null;
  /** What the page holds, by id: the next message carries only what differs. */
  sent: Map<string, SupervisedCall> | null;
  stop: () => void;
}
let current: Watching | null = null;
let waiting: DashboardAsked[] = [];

type DashboardAsked = Extract<SupervisedCallsRequest, { type: 'dashboard' }>;

const unfiltered = (req: DashboardAsked) =>
  Object.values(req.filter).every((v) => v === undefined || v === '');

function answer(req: DashboardAsked, calls: SupervisedCall[]) {
  // Unfiltered (the usual opening), the figures are taken as they are: no copy of 100,000 calls.
  if (unfiltered(req))
    return answerWith(
      req,
      calls.map((c) => c.facts),
    );
  const shown = filterCalls(
    calls.map(({ row, facts }) => ({ facts, callerName: row.callerName, callerPhone: row.callerPhone })),
    req.filter,
    req.now,
  ).map((c) => c.facts);
  answerWith(req, shown);
}

function answerWith(req: DashboardAsked, shown: CallFacts[]) {
  const { now, from, to, articles } = req;
  scope.postMessage({
    type: 'dashboard',
    id: req.id,
    dashboard: buildDashboard(shown, { now, from, to, articles }),
  });
}

/** The database and, for as long as the workspace is open, the months of calls read from it. */
function dbNamed(name: string): { db: AppDB; memory: SupervisorMemory } {
  let entry = dbs.get(name);
  if (!entry) dbs.set(name, (entry = { db: new AppDB(name), memory: supervisorMemory() }));
  return entry;
}

/** Hands the page the calls: all at first, then only those that differ from what it holds. */
function send(mine: Watching, calls: SupervisedCall[]): void {
  const sent = mine.sent;
  const next = new Map(calls.map((c) => [c.row.id, c]));
  mine.sent = next;
  const changed = sent ? calls.filter((c) => sent.get(c.row.id) !== c) : calls;
  const removed = sent ? [...sent.keys()].filter((id) => !next.has(id)) : [];
  if (sent && changed.length === 0 && removed.length === 0) return;
  const pack = packCalls(changed);
  scope.postMessage({ type: 'calls', watch: mine.watch, pack, replace: !sent, removed }, packBuffers(pack));
}

function watch(req: Extract<SupervisedCallsRequest, { type: 'watch' }>) {
  current?.stop();
  const { db, memory } = dbNamed(req.dbName);
  const mine: Watching = { watch: req.watch, calls: null, sent: null, stop: () => {} };
  current = mine;
  const failed = () => scope.postMessage({ type: 'failed', watch: mine.watch });
  mine.stop = watchSupervisedCalls(
    db,
    { from: req.from, to: req.to },
    bundledFlowOf,
    memory,
    (calls) => {
      mine.calls = calls;
      // Figures asked for while the calls were read go first: they are what the supervisor waits for.
      const pending = waiting.filter((w) => w.watch === mine.watch);
      waiting = waiting.filter((w) => w.watch !== mine.watch);
      for (const w of pending) answer(w, calls);
      try {
        send(mine, calls);
      } catch {
        failed(); // a stored row that does not fit its fields: the page says the calls could not be read
      }
    },
    failed,
    (facts) => {
      // The figures are known before the rows are unpacked: an unfiltered dashboard needs no more.
      const ready = waiting.filter((w) => w.watch === mine.watch && unfiltered(w));
      waiting = waiting.filter((w) => !ready.includes(w));
      for (const w of ready) answerWith(w, facts);
    },
  );
}

scope.onmessage = (event) => {
  const req = event.data;
  if (req.type === 'import')
    // The file checker (zod) loads with the first import, not with every opening of the workspace.
    void import('../db/exchange')
      .then(({ importWorkstation }) => importWorkstation(dbNamed(req.dbName).db, req.raw, bundledFlowOf))
      .then(
        (result) => scope.postMessage({ type: 'imported', id: req.id, result }),
        // A storage failure (a full disk): the page says so; the transaction stored nothing.
        () => scope.postMessage({ type: 'imported', id: req.id, result: null }),
      );
  else if (req.type === 'watch') watch(req);
  else if (current?.watch !== req.watch)
    scope.postMessage({ type: 'dashboard', id: req.id, dashboard: null });
  else if (current.calls) answer(req, current.calls);
  else waiting.push(req);
};
