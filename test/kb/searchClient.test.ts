import { describe, expect, it } from 'vitest';
import { KbSearchClient, KbSearchError, type WorkerLike } from '../../src/services/kbSearchClient';
import type { KbSearchRequest, KbSearchResponse } from '../../src/services/kbSearch.worker';
import { buildIndex, exportIndex, importIndex, search, type SearchIndex } from '../../src/kb/search';

/** Runs the worker's protocol in-process; replies are held until `flush()` so tests control timing. */
class FakeWorker implements WorkerLike {
  private listener: ((e: MessageEvent<KbSearchResponse>) => void) | null = null;
  private index: SearchIndex | null = null;
  readonly received: KbSearchRequest[] = [];
  private readonly held: KbSearchResponse[] = [];

  addEventListener(_type: 'message', listener: (e: MessageEvent<KbSearchResponse>) => void): void {
    this.listener = listener;
  }

  postMessage(req: KbSearchRequest): void {
    this.received.push(req);
    this.held.push(this.answer(req));
  }

  private answer(req: KbSearchRequest): KbSearchResponse {
    if (req.type === 'build') {
      this.index = buildIndex(req.articles);
      return { id: req.id, type: 'built', index: exportIndex(this.index), ms: 1 };
    }
    if (req.type === 'load') {
      try {
        this.index = importIndex(req.index);
        return { id: req.id, type: 'loaded', ms: 1 };
      } catch (e) {
        return { id: req.id, type: 'error', code: 'bad-index', message: String(e) };
      }
    }
    if (!this.index) return { id: req.id, type: 'error', code: 'no-index', message: 'no index' };
    return { id: req.id, type: 'result', result: search(this.index, req.query, req.options) };
  }

  async flush(): Promise<void> {
    while (this.held.length > 0) {
      const res = this.held.shift();
      if (res) this.listener?.({ data: res } as MessageEvent<KbSearchResponse>); // a minimal event carries data
      await Promise.resolve();
      await Promise.resolve();
    }
  }

  terminate(): void {}
}

const ARTICLES = [
  {
    id: 'deadline',
    title: 'Срок ответа на обращение',
    questions: ['Сколько ждать ответа?'],
    short: 'Тридцать дней.',
    body: '',
    directions: ['appeals' as const],
    topics: ['appeal-deadlines'],
    organisations: [],
  },
];

describe('KbSearchClient', () => {
  it('builds, then answers searches', async () => {
    const worker = new FakeWorker();
    const client = new KbSearchClient(worker);
    const built = client.build(ARTICLES);
    await worker.flush();
    expect((await built).index).toBeInstanceOf(Uint8Array);
    const result = client.search('срок');
    await worker.flush();
    expect((await result)?.hits.map((h) => h.id)).toEqual(['deadline']);
  });

  it('drops stale searches as the operator types: only the newest waiting query is sent', async () => {
    const worker = new FakeWorker();
    const client = new KbSearchClient(worker);
    const built = client.build(ARTICLES);
    await worker.flush();
    await built;
    const first = client.search('с');
    const second = client.search('ср');
    const third = client.search('сро');
    expect(await second).toBeNull(); // superseded before it was ever sent
    await worker.flush();
    expect(await first).toBeNull(); // answered, but a newer query is waiting
    expect((await third)?.hits.map((h) => h.id)).toEqual(['deadline']);
    const queries = worker.received.flatMap((r) => (r.type === 'search' ? [r.query] : []));
    expect(queries).toEqual(['с', 'сро']);
  });

  it("answers the operator's query though the step's suggestions search after it", async () => {
    const worker = new FakeWorker();
    const client = new KbSearchClient(worker);
    const built = client.build(ARTICLES);
    await worker.flush();
    await built;
    // Typed while the knowledge base loaded: asked as it arrives, together with the suggestions' topics.
    const typed = client.search('срок');
    const suggested = client.search('ответ', { limit: 3 }, 'suggestions');
    await worker.flush();
    expect((await typed)?.hits.map((h) => h.id)).toEqual(['deadline']);
    expect((await suggested)?.hits.map((h) => h.id)).toEqual(['deadline']);
  });

  it('reports a damaged cached index as bad-index so the caller rebuilds', async () => {
    const worker = new FakeWorker();
    const client = new KbSearchClient(worker);
    const loading = client.load(new Uint8Array([1, 2, 3]));
    await worker.flush();
    await expect(loading).rejects.toMatchObject({ code: 'bad-index' });
    await expect(loading).rejects.toBeInstanceOf(KbSearchError);
  });

  it('rejects a search before any index is loaded', async () => {
    const worker = new FakeWorker();
    const client = new KbSearchClient(worker);
    const result = client.search('срок');
    await worker.flush();
    await expect(result).rejects.toMatchObject({ code: 'no-index' });
  });
});
