// The page's side of the supervised-calls worker: one worker per page, kept for the page's life so the
// figures it has reduced are reused when the period changes; the calls arrive in chunks.
import type { CallFilter, Dashboard } from '../analytics';
import type { ImportResult } from '../db/exchangeRepository';
import type { SupervisedCall } from '../db/supervisorRepository';
import type { ArticleInfo } from './useArticleReviews';
import type { SupervisedCallsRequest, SupervisedCallsResponse } from './supervisedCalls.worker';

export interface DashboardRequest {
  filter: CallFilter;
  now: number;
  from: number;
  to: number;
  articles: ReadonlyMap<string, ArticleInfo>;
}

export interface SupervisedCallsFeed {
  /** The dashboard over the calls last handed over, filtered as the page filters them. */
  dashboard(req: DashboardRequest): Promise<Dashboard | null>;
  stop(): void;
}

interface Listener {
  watch: number;
  chunks: SupervisedCall[][];
  onCalls: (calls: SupervisedCall[]) => void;
  onFailed: () => void;
}

let worker: Worker | null = null;
let listener: Listener | null = null;
let next = 0;
const pending = new Map<number, (d: Dashboard | null) => void>();
const imports = new Map<number, (r: ImportResult | null) => void>();

function onMessage(e: MessageEvent<SupervisedCallsResponse>): void {
  const m = e.data;
  if (m.type === 'dashboard') {
    pending.get(m.id)?.(m.dashboard);
    pending.delete(m.id);
    return;
  }
  if (m.type === 'imported') {
    imports.get(m.id)?.(m.result);
    imports.delete(m.id);
    return;
  }
  const l = listener;
  if (!l || l.watch !== m.watch) return;
  if (m.type === 'failed') return l.onFailed();
  l.chunks.push(m.chunk);
  if (!m.last) return;
  const calls = l.chunks.flat();
  l.chunks = [];
  l.onCalls(calls);
}

function failAll(): void {
  listener?.onFailed();
  for (const resolve of pending.values()) resolve(null);
  pending.clear();
  for (const resolve of imports.values()) resolve(null);
  imports.clear();
}

function shared(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  if (!worker) {
    worker = new Worker(new URL('./supervisedCalls.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = onMessage;
    worker.onerror = failAll;
  }
  return worker;
}

/** Watches a period's calls in the worker; null where the browser has no workers. */
export function watchInWorker(
  dbName: string,
  period: { from: number; to: number },
  onCalls: (calls: SupervisedCall[]) => void,
  onFailed: () => void,
): SupervisedCallsFeed | null {
  const w = shared();
  if (!w) return null;
  const watch = ++next;
  const mine: Listener = { watch, chunks: [], onCalls, onFailed };
  listener = mine;
  w.postMessage({ type: 'watch', watch, dbName, ...period } satisfies SupervisedCallsRequest);
  return {
    dashboard: (req) =>
      new Promise((resolve) => {
        const id = ++next;
        pending.set(id, resolve);
        w.postMessage({ type: 'dashboard', id, watch, ...req } satisfies SupervisedCallsRequest);
      }),
    stop: () => {
      if (listener === mine) listener = null;
    },
  };
}

/**
 * Checks and stores a workstation file in the worker, so the page stays responsive however large the
 * file; resolves null if the worker or storage failed. Null at once where the browser has no workers.
 */
export function importInWorker(dbName: string, raw: string): Promise<ImportResult | null> | null {
  const w = shared();
  if (!w) return null;
  return new Promise((resolve) => {
    const id = ++next;
    imports.set(id, resolve);
    w.postMessage({ type: 'import', id, dbName, raw } satisfies SupervisedCallsRequest);
  });
}
