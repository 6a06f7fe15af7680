// Keeps the knowledge base the app reads in step with the deployed kb-bundle.json: a new version gets its
// search index built once and both are stored atomically; every later start loads the cached index instead.
import { type AppDB, classifyStorageError } from '../db';
import {
  activeKbInfo,
  EditsChangedError,
  getArticle,
  loadActiveBundle,
  loadActiveIndex,
  overlayEditsOnBundle,
  replaceActiveIndex,
  storeBundle,
  watchActiveKbIndex,
  type KbInfo,
} from '../db/kb';
import { KB_BUNDLE_FILE, restoreBundle, type BundledArticle, type KbBundle } from '../kb/bundle';
import type { IndexableArticle, SearchFilters, SearchResult } from '../kb/search';
import { createKbSearchClient, type SearchLane } from './kbSearchClient';
import { API, rememberedSession } from './account/serverProbe';
import { onCentreEvent, onCentreLink } from './centre/hub';

/** What the operator's knowledge panel reads: search through the worker, articles from the IndexedDB cache. */
export interface KnowledgeSource {
  /** Resolves to null when a newer search of the same lane (default: the search box) superseded this one. */
  search(
    query: string,
    options?: { limit?: number; filters?: SearchFilters },
    lane?: SearchLane,
  ): Promise<SearchResult | null>;
  getArticle(id: string): Promise<BundledArticle | undefined>;
  /** The version these reads come from, shown under the panel. */
  info?: { version: string; builtAt: string; articleCount: number } | null;
}

/** Which message of the catalogue (kb.sync) to show; null when all went well. */
export type KbSyncNotice =
  'offlineFirstRun' | 'badBundle' | 'storageFull' | 'storageFailed' | 'indexFailed' | 'noStorage';

/** What kbSync needs of the search engine: the worker client satisfies it, tests pass the engine in-process. */
export interface KbSearchEngine {
  build(articles: IndexableArticle[]): Promise<{ index: unknown }>;
  load(index: unknown): Promise<unknown>;
  search: KnowledgeSource['search'];
}

export interface KbSyncResult {
  /** The version the app now reads, or null when there is no knowledge base at all yet. */
  info: KbInfo | null;
  /** True when this start stored a new version. */
  updated: boolean;
  notice: KbSyncNotice | null;
  /** Reads for the operator's panel and the editor's list; null when there is nothing to read. */
  source: (KnowledgeSource & { listArticles(): Promise<BundledArticle[]> }) | null;
}

export interface KbSyncDeps {
  /** Null when IndexedDB could not be opened: the bundle is then held in memory for this session only. */
  db: AppDB | null;
  engine: KbSearchEngine;
  /** Resolves to the parsed kb-bundle.json, rejects when offline and no service worker has it. */
  fetchBundle?: () => Promise<unknown>;
  /** Markdown → HTML for editors' changes saved before their rendered body was kept (default: lazy-loaded). */
  render?: (markdown: string) => string | Promise<string>;
}

// Needed only for changes stored by older builds, so the renderer stays out of the start-up chunk.
const renderLazily = async (markdown: string): Promise<string> =>
  (await import('../kb/render')).renderArticleBody(markdown);

/** Attempts at storing a new bundle while an editor in another tab keeps saving articles. */
const OVERLAY_ATTEMPTS = 3;

/**
 * Builds and stores a new bundle with the editors' saved changes laid over it, so they survive the
 * switch and search finds them. Returns what the app now reads; `built` tells a storage failure apart.
 */
async function storeWithEdits(
  db: AppDB,
  engine: KbSearchEngine,
  remote: KbBundle,
  render: (markdown: string) => string | Promise<string>,
  progress: { built: boolean },
): Promise<KbBundle> {
  for (let attempt = 1; ; attempt++) {
    const { bundle, edits } = await overlayEditsOnBundle(db, remote, render);
    const { index } = await engine.build(bundle.articles);
    progress.built = true;
    try {
      await storeBundle(db, bundle, toStoredIndex(index), edits);
      return bundle;
    } catch (error) {
      if (!(error instanceof EditsChangedError) || attempt >= OVERLAY_ATTEMPTS) throw error;
    }
  }
}

export async function fetchKbBundle(): Promise<unknown> {
  // no-cache revalidates with the server when online; the service worker answers from its precache offline.
  const response = await fetch(`/${KB_BUNDLE_FILE}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`kb bundle: HTTP ${response.status}`);
  return response.json();
}

/**
 * Signed in to a server, the knowledge base is the organisation's (issue 18): GET /api/v1/kb answers the
 * same bundle the build makes. A failure (offline, session over) keeps the stored version, as offline does.
 */
export async function fetchCentreKbBundle(): Promise<unknown> {
  const response = await fetch(`${API}/kb`, {
    credentials: 'same-origin',
    cache: 'no-cache',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`kb: HTTP ${response.status}`);
  return response.json();
}

const bundleSource = () => (rememberedSession() ? fetchCentreKbBundle() : fetchKbBundle());

// Chromium reads a Blob back from IndexedDB several times faster than the same bytes as an ArrayBuffer
// (measured for the search cache, src/kb/search/serialize.ts); other forms are stored as they come.
const isBytes = (x: unknown): x is Uint8Array<ArrayBuffer> =>
  x instanceof Uint8Array && x.buffer instanceof ArrayBuffer;

export function toStoredIndex(index: unknown): unknown {
  return isBytes(index) ? new Blob([index]) : index;
}

export function fromStoredIndex(stored: unknown): Promise<unknown> {
  return stored instanceof Blob ? stored.arrayBuffer() : Promise.resolve(stored);
}

function storeNotice(error: unknown): KbSyncNotice {
  return classifyStorageError(error) === 'full' ? 'storageFull' : 'storageFailed';
}

type Remote = { bundle: KbBundle } | { problem: 'offline' | 'badBundle' };

async function fetchRemote(fetchBundle: () => Promise<unknown>): Promise<Remote> {
  let raw: unknown;
  try {
    raw = await fetchBundle();
  } catch {
    return { problem: 'offline' };
  }
  const bundle = restoreBundle(raw);
  return bundle ? { bundle } : { problem: 'badBundle' };
}

function memorySource(engine: KbSearchEngine, bundle: KbBundle): NonNullable<KbSyncResult['source']> {
  const byId = new Map(bundle.articles.map((a) => [a.id, a]));
  return {
    info: { version: bundle.version, builtAt: bundle.builtAt, articleCount: bundle.articles.length },
    search: (query, options, lane) => engine.search(query, options, lane),
    getArticle: (id) => Promise.resolve(byId.get(id)),
    listArticles: () => Promise.resolve(bundle.articles),
  };
}

function dbSource(engine: KbSearchEngine, db: AppDB, info: KbInfo): NonNullable<KbSyncResult['source']> {
  return {
    info,
    search: (query, options, lane) => engine.search(query, options, lane),
    getArticle: (id) => getArticle(db, id),
    listArticles: async () => (await loadActiveBundle(db))?.articles ?? [],
  };
}

/** Loads the stored version's index into the engine, rebuilding it if the engine no longer reads it. */
async function loadStored(db: AppDB, engine: KbSearchEngine, info: KbInfo): Promise<KbSyncNotice | null> {
  const stored = await loadActiveIndex(db);
  try {
    if (!stored) throw new Error('no cached index');
    await engine.load(await fromStoredIndex(stored.index));
    return null;
  } catch {
    const bundle = await loadActiveBundle(db);
    if (!bundle) return 'indexFailed';
    const { index } = await engine.build(bundle.articles);
    await replaceActiveIndex(db, info.version, toStoredIndex(index)).catch(() => undefined);
    return null;
  }
}

export async function syncKnowledgeBase(deps: KbSyncDeps): Promise<KbSyncResult> {
  const { db, engine } = deps;
  const remote = await fetchRemote(deps.fetchBundle ?? bundleSource);

  if (!db) {
    if (!('bundle' in remote))
      return {
        info: null,
        updated: false,
        notice: remote.problem === 'offline' ? 'offlineFirstRun' : 'badBundle',
        source: null,
      };
    try {
      await engine.build(remote.bundle.articles);
    } catch {
      return { info: null, updated: false, notice: 'indexFailed', source: null };
    }
    const { version, builtAt, articles } = remote.bundle;
    return {
      info: { version, builtAt, articleCount: articles.length },
      updated: true,
      notice: 'noStorage',
      source: memorySource(engine, remote.bundle),
    };
  }

  // An unreadable cache counts as none: the fresh bundle is then stored over it.
  const stored = await activeKbInfo(db).catch(() => null);

  let notice: KbSyncNotice | null = null;
  if ('bundle' in remote && remote.bundle.version !== stored?.version) {
    const bundle = remote.bundle;
    const progress = { built: false };
    try {
      const overlaid = await storeWithEdits(db, engine, bundle, deps.render ?? renderLazily, progress);
      const info = {
        version: bundle.version,
        builtAt: bundle.builtAt,
        articleCount: overlaid.articles.length,
      };
      return { info, updated: true, notice: null, source: dbSource(engine, db, info) };
    } catch (error) {
      notice = progress.built ? storeNotice(error) : 'indexFailed';
      // Nothing stored to fall back on: serve this session from memory rather than show nothing.
      if (progress.built && !stored) {
        const info = {
          version: bundle.version,
          builtAt: bundle.builtAt,
          articleCount: bundle.articles.length,
        };
        return { info, updated: false, notice, source: memorySource(engine, bundle) };
      }
      // Otherwise the old version stays active; the engine may hold the new index, so it is reloaded below.
    }
  } else if (!('bundle' in remote) && remote.problem === 'badBundle') {
    notice = 'badBundle';
  }

  if (!stored) return { info: null, updated: false, notice: notice ?? 'offlineFirstRun', source: null };
  try {
    notice = (await loadStored(db, engine, stored)) ?? notice;
  } catch (error) {
    return { info: null, updated: false, notice: storeNotice(error), source: null };
  }
  return { info: stored, updated: false, notice, source: dbSource(engine, db, stored) };
}

/**
 * Syncs once and keeps the search engine in step with later saves (the editor, this tab or another) and
 * with the versions the centre publishes, until stopped: the shell's knowledge base (knowledgeBase.ts) runs this from its lazy chunk.
 * One search worker lives until stop.
 */
export function runKnowledgeBase(db: AppDB | null, onReady: (result: KbSyncResult) => void): () => void {
  let stopped = false;
  let unwatch = () => {};
  const client = createKbSearchClient();
  // The engine validates whatever bytes it is handed (IndexFormatError → 'bad-index'), hence `unknown`.
  const engine: KbSearchEngine = client;
  const first = syncKnowledgeBase({ db, engine }).then(
    (result) => {
      if (stopped) return;
      onReady(result);
      // An article saved in the editor (this tab or another) replaces the stored index: load it at once.
      if (db && result.source)
        unwatch = watchActiveKbIndex(db, (index) => {
          void fromStoredIndex(index)
            .then((bytes) => engine.load(bytes))
            .catch(() => undefined);
        });
    },
    () => !stopped && onReady({ info: null, updated: false, notice: 'storageFailed', source: null }),
  );
  // A knowledge base published on the server (or missed while the link was down) is taken at once and
  // swapped as a deployed one is: the operator reads the old one until the new one and its index are in.
  let queue: Promise<unknown> = first;
  const resync = () => {
    queue = queue.then(() =>
      syncKnowledgeBase({ db, engine }).then(
        (result) => !stopped && result.updated && onReady(result),
        () => undefined,
      ),
    );
  };
  const stopEvents = onCentreEvent('kb', resync);
  let initial = true;
  const stopLink = onCentreLink((link) => {
    if (!initial && link === 'connected') resync();
    initial = false;
  });
  return () => {
    stopped = true;
    stopEvents();
    stopLink();
    unwatch();
    client.dispose();
  };
}
