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

/**
 * Promise API over the search worker. Searches coalesce as the operator types: while one query runs,
 * only the newest waiting query is sent next, and every superseded one resolves to null.
 */
export class KbSearchClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private inFlight = false;
  private queued: {
    query: string;
    options?: SearchOptions;
    resolve: (r: SearchResult | null) => void;
  } | null = null;
  private latestSearch = 0;

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

  /** Resolves to null when a newer search made this one stale. */
  search(query: string, options?: SearchOptions): Promise<SearchResult | null> {
    const ticket = ++this.latestSearch;
    return new Promise((resolve, reject) => {
      const settle = (r: SearchResult | null): void => resolve(ticket === this.latestSearch ? r : null);
      if (this.inFlight) {
        this.queued?.resolve(null);
        this.queued = { query, options, resolve: settle };
        return;
      }
      this.run(query, options, settle, reject);
    });
  }

  private run(
    query: string,
    options: SearchOptions | undefined,
    settle: (r: SearchResult | null) => void,
    reject: (e: Error) => void,
  ): void {
    this.inFlight = true;
    const req: KbSearchRequest = { id: this.nextId++, type: 'search', query };
    if (options) req.options = options;
    this.request(req).then(
      (res) => {
        this.next();
        settle(res.type === 'result' ? res.result : null);
      },
      (e: Error) => {
        this.next();
        reject(e);
      },
    );
  }

  private next(): void {
    this.inFlight = false;
    const q = this.queued;
    this.queued = null;
    if (q) this.run(q.query, q.options, q.resolve, () => q.resolve(null));
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
