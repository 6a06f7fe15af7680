// The page's side of the supervised-calls worker: one worker per page, kept for the page's life so the
// calls it has read are reused when the period changes. The calls arrive packed and are unpacked a slice
// at a time between frames, then laid over the ones the page holds.
import type { CallFilter, Dashboard } from '../analytics';
import { CallPackReader, type CallPack, newestFirst, type SupervisedCall } from '../db/supervisor';
import type { ImportResult } from '../db/exchange';
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
  calls: SupervisedCall[];
  /** Messages are unpacked one after another, each over the calls the one before left. */
  unpacking: Promise<void>;
  onCalls: (calls: SupervisedCall[]) => void;
  onFailed: () => void;
}

/** Calls unpacked per slice: a few milliseconds of the page's time each. */
const SLICE = 1000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function unpackBetweenFrames(pack: CallPack): Promise<SupervisedCall[]> {
  const reader = new CallPackReader(pack);
  const calls: SupervisedCall[] = [];
  while (!reader.done) {
    for (const c of reader.next(SLICE)) calls.push(c);
    if (!reader.done) await nextTask();
  }
  return calls;
}

/** The held calls with the changed ones laid over and the gone ones left out, newest first. */
export function mergeCalls(
  held: readonly SupervisedCall[],
  changed: readonly SupervisedCall[],
  removed: readonly string[],
): SupervisedCall[] {
  const byId = new Map(changed.map((c) => [c.row.id, c]));
  const gone = new Set(removed);
  const out: SupervisedCall[] = [];
  for (const c of held) {
    if (gone.has(c.row.id)) continue;
    const now = byId.get(c.row.id);
    byId.delete(c.row.id);
    out.push(now ?? c);
  }
  if (byId.size === 0) return out;
  for (const c of byId.values()) out.push(c);
  return out.sort(newestFirst);
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
  l.unpacking = l.unpacking
    .then(async () => {
      const calls = await unpackBetweenFrames(m.pack);
      if (listener !== l) return;
      l.calls = m.replace ? calls : mergeCalls(l.calls, calls, m.removed);
      l.onCalls(l.calls);
    })
    .catch(l.onFailed); // a damaged message: the page says the calls could not be read
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
  const mine: Listener = { watch, calls: [], unpacking: Promise.resolve(), onCalls, onFailed };
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
