// Watches a period's calls and reduces them to figures off the main thread: 100,000 calls take seconds to
// read and reduce, and the supervisor's page must stay responsive. The dashboard is computed here too.
import { buildDashboard, filterCalls, type CallFilter, type Dashboard } from '../analytics';
import { AppDB } from '../db/db';
import { importWorkstation, type ImportResult } from '../db/exchangeRepository';
import { watchSupervisedCalls, type FactsCache, type SupervisedCall } from '../db/supervisorRepository';
import { flowOf } from './flowOf';
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
  | { type: 'calls'; watch: number; chunk: SupervisedCall[]; last: boolean }
  | { type: 'failed'; watch: number }
  | { type: 'dashboard'; id: number; dashboard: Dashboard | null }
  | { type: 'imported'; id: number; result: ImportResult | null };

// The DOM lib is in tsconfig, the WebWorker lib is not (they conflict): describe the two members used.
interface WorkerScope {
  onmessage: ((event: MessageEvent<SupervisedCallsRequest>) => void) | null;
  postMessage(message: SupervisedCallsResponse): void;
}
const scope = self as unknown as WorkerScope;

// Small enough that copying one message into the page holds it for a few milliseconds at most (2,000
// calls held a busy machine's page for hundreds); 100,000 calls are then 200 messages.
const CHUNK = 500;

const dbs = new Map<string, AppDB>();
/** Figures stay known across periods and re-reads for as long as the workspace is open. */
const cache: FactsCache = new Map();
let current: { watch: number; calls: SupervisedCall[] | null; stop: () => void } | null = null;
let waiting: Extract<SupervisedCallsRequest, { type: 'dashboard' }>[] = [];

function answer(req: Extract<SupervisedCallsRequest, { type: 'dashboard' }>, calls: SupervisedCall[]) {
  const listed = calls.map(({ row, facts }) => ({
    facts,
    callerName: row.callerName,
    callerPhone: row.callerPhone,
  }));
  const shown = filterCalls(listed, req.filter, req.now).map((c) => c.facts);
  const { now, from, to, articles } = req;
  scope.postMessage({
    type: 'dashboard',
    id: req.id,
    dashboard: buildDashboard(shown, { now, from, to, articles }),
  });
}

function dbNamed(name: string): AppDB {
  let db = dbs.get(name);
  if (!db) dbs.set(name, (db = new AppDB(name)));
  return db;
}

function watch(req: Extract<SupervisedCallsRequest, { type: 'watch' }>) {
  current?.stop();
  const db = dbNamed(req.dbName);
  const mine = { watch: req.watch, calls: null as SupervisedCall[] | null, stop: () => {} };
  current = mine;
  mine.stop = watchSupervisedCalls(
    db,
    { from: req.from, to: req.to },
    flowOf,
    cache,
    (calls) => {
      mine.calls = calls;
      const pending = waiting.filter((w) => w.watch === mine.watch);
      waiting = waiting.filter((w) => w.watch !== mine.watch);
      for (const w of pending) answer(w, calls);
      for (let i = 0; i < calls.length || i === 0; i += CHUNK)
        scope.postMessage({
          type: 'calls',
          watch: mine.watch,
          chunk: calls.slice(i, i + CHUNK),
          last: i + CHUNK >= calls.length,
        });
    },
    () => scope.postMessage({ type: 'failed', watch: mine.watch }),
  );
}

scope.onmessage = (event) => {
  const req = event.data;
  if (req.type === 'import')
    void importWorkstation(dbNamed(req.dbName), req.raw, flowOf).then(
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
