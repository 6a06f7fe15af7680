// Knowledge-base search off the main thread: builds or loads the index and answers queries, so a
// rebuild of thousands of articles never freezes the operator's screen. Protocol types below.
import type {
  IndexableArticle,
  SearchIndex,
  SearchOptions,
  SearchResult,
  SerializedIndex,
} from '../kb/search';
import { buildIndex, exportIndex, importIndex, IndexFormatError, search } from '../kb/search';

export type KbSearchRequest =
  | { id: number; type: 'build'; articles: IndexableArticle[] }
  | { id: number; type: 'load'; index: unknown }
  | { id: number; type: 'search'; query: string; options?: SearchOptions };

export type KbSearchErrorCode = 'no-index' | 'bad-index' | 'failed';

export type KbSearchResponse =
  | { id: number; type: 'built'; index: SerializedIndex; ms: number }
  | { id: number; type: 'loaded'; ms: number }
  | { id: number; type: 'result'; result: SearchResult }
  | { id: number; type: 'error'; code: KbSearchErrorCode; message: string };

// The DOM lib is in tsconfig, the WebWorker lib is not (they conflict): describe the two members used.
interface WorkerScope {
  onmessage: ((event: MessageEvent<KbSearchRequest>) => void) | null;
  postMessage(message: KbSearchResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let index: SearchIndex | null = null;

function handle(req: KbSearchRequest): KbSearchResponse {
  const started = performance.now();
  switch (req.type) {
    case 'build': {
      index = buildIndex(req.articles);
      return { id: req.id, type: 'built', index: exportIndex(index), ms: performance.now() - started };
    }
    case 'load': {
      index = importIndex(req.index);
      return { id: req.id, type: 'loaded', ms: performance.now() - started };
    }
    case 'search': {
      if (!index) return { id: req.id, type: 'error', code: 'no-index', message: 'no index loaded' };
      return { id: req.id, type: 'result', result: search(index, req.query, req.options) };
    }
  }
}

scope.onmessage = (event) => {
  const req = event.data;
  try {
    const res = handle(req);
    // The serialized index is handed over, not copied: the worker keeps its own in-memory index.
    scope.postMessage(res, res.type === 'built' ? [res.index.buffer] : []);
  } catch (e) {
    const code: KbSearchErrorCode = e instanceof IndexFormatError ? 'bad-index' : 'failed';
    scope.postMessage({
      id: req.id,
      type: 'error',
      code,
      message: e instanceof Error ? e.message : String(e),
    });
  }
};
