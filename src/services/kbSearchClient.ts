import type { IndexableArticle, SearchOptions, SearchResult, SerializedIndex } from '../kb/search';
import type { KbSearchErrorCode, KbSearchRequest, KbSearchResponse } from './kbSearch.worker';

/** The part of a Worker the client uses, so tests can pass an in-process fake. */
export interface WorkerLike {
  postMessage(message: KbSearchRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<KbSearchResponse>) => void): void;
  terminate(): void;
}

export class KbSearchError extends Error {
  override name = 'KbSearchError';
  constructor(
    readonly code: KbSearchErrorCode,
    message: string,
  ) {
    super(message);
  }
}

type Pending = { resolve: (r: KbSearchResponse) => void; reject: (e: Error) => void };

/** Where a search comes from (the search box, the step's suggestions): only a newer one from there makes it stale. */
export type SearchLane = 'panel' | 'suggestions';

type Waiting = { query: string; options?: SearchOptions; resolve: (r: SearchResult | null) => void };
type Lane = { inFlight: boolean; queued: Waiting | null; latest: number };

/**
 * Promise API over the search worker. Searches coalesce as the operator types: while one query of a lane
 * runs, only the newest waiting query of that lane is sent next, and every superseded one resolves to null.
 * Lanes never supersede each other: the step's suggestions, searched when the knowledge base arrives, must
 * not drop the query the operator typed while it loaded.
 */
export class KbSearchClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly lanes = new Map<SearchLane, Lane>();

  constructor(private readonly worker: WorkerLike) {
    worker.addEventListener('message', (event) => {
      const res = event.data;
      const p = this.pending.get(res.id);
      if (!p) return;
      this.pending.delete(res.id);
      if (res.type === 'error') p.reject(new KbSearchError(res.code, res.message));
      else p.resolve(res);
    });
  }

  private request(req: KbSearchRequest): Promise<KbSearchResponse> {
    return new Promise((resolve, reject) => {
      this.pending.set(req.id, { resolve, reject });
      this.worker.postMessage(req);
    });
  }

  /**
   * Builds the index from articles; returns the serialized index for the cache
   * (store it as `new Blob([index])`: Chromium reads a Blob back from IndexedDB much faster).
   */
  async build(articles: IndexableArticle[]): Promise<{ index: SerializedIndex; ms: number }> {
    const res = await this.request({ id: this.nextId++, type: 'build', articles });
    if (res.type !== 'built') throw new KbSearchError('failed', `unexpected reply ${res.type}`);
    return { index: res.index, ms: res.ms };
  }

  /** Loads a cached index; rejects with code 'bad-index' when it must be rebuilt instead. */
  async load(index: SerializedIndex | ArrayBuffer): Promise<{ ms: number }> {
    const res = await this.request({ id: this.nextId++, type: 'load', index });
    if (res.type !== 'loaded') throw new KbSearchError('failed', `unexpected reply ${res.type}`);
    return { ms: res.ms };
  }

  /** Resolves to null when a newer search of the same lane made this one stale. */
  search(
    query: string,
    options?: SearchOptions,
    laneName: SearchLane = 'panel',
  ): Promise<SearchResult | null> {
    let lane = this.lanes.get(laneName);
    if (!lane) this.lanes.set(laneName, (lane = { inFlight: false, queued: null, latest: 0 }));
    const ticket = ++lane.latest;
    const at = lane;
    return new Promise((resolve, reject) => {
      const settle = (r: SearchResult | null): void => resolve(ticket === at.latest ? r : null);
      if (at.inFlight) {
        at.queued?.resolve(null);
        at.queued = { query, options, resolve: settle };
        return;
      }
      this.run(at, { query, options, resolve: settle }, reject);
    });
  }

  private run(lane: Lane, waiting: Waiting, reject: (e: Error) => void): void {
    lane.inFlight = true;
    const req: KbSearchRequest = { id: this.nextId++, type: 'search', query: waiting.query };
    if (waiting.options) req.options = waiting.options;
    this.request(req).then(
      (res) => {
        this.next(lane);
        waiting.resolve(res.type === 'result' ? res.result : null);
      },
      (e: Error) => {
        this.next(lane);
        reject(e);
      },
    );
  }

  private next(lane: Lane): void {
    lane.inFlight = false;
    const q = lane.queued;
    lane.queued = null;
    if (q) this.run(lane, q, () => q.resolve(null));
  }

  dispose(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new KbSearchError('failed', 'search worker stopped'));
    this.pending.clear();
  }
}

export function createKbSearchClient(): KbSearchClient {
  const worker = new Worker(new URL('./kbSearch.worker.ts', import.meta.url), { type: 'module' });
  return new KbSearchClient(worker);
}
