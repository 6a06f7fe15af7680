// Operators get what is published (issue 18): while someone is signed in, the workstation takes the
// organisation's flow catalogue from the server at start, when the centre announces a publication and
// when the link comes back, and stores it in the one catalogue of flow versions (src/db). The next call
// starts on the newest version in force; a scheduled one is switched to by the workstation's own timer
// (src/db/flowCatalogue.ts), read by the server's clock, so offline since is no obstacle.
import type { AppDB } from '../../db';
import { loadServerFlowsMeta, storeServerFlows, type ServerFlowVersion } from '../../db/centre';
import { isRunnableFlow } from '../../flows/shape';
import type { PublishedFlow } from '../../protocol';

/** The body of GET /api/v1/flows (flowCatalogueSchema in src/protocol/flows.ts). */
export interface FlowCatalogueAnswer {
  current: readonly PublishedFlow[];
  scheduled: readonly PublishedFlow[];
  serverTime: string;
}

export interface FlowUpdatesStatus {
  /** When the catalogue was last taken from the server, by this workstation's clock; null: never. */
  fetchedAt: number | null;
  /** Whether the last attempt reached the server; null before the first attempt ends. */
  reachable: boolean | null;
}

export interface FlowUpdatesDeps {
  db: AppDB;
  /** Resolves with GET /api/v1/flows; rejects when the server cannot be reached or refuses. */
  fetchCatalogue: () => Promise<FlowCatalogueAnswer>;
  now?: () => number;
}

export interface FlowUpdates {
  /** Takes the catalogue again (a publication announced, the link back); one request at a time. */
  refresh(): Promise<void>;
  /** The link to the server dropped: the age line shows until the next catalogue comes. */
  unreachable(): void;
  subscribe(listener: (status: FlowUpdatesStatus) => void): () => void;
  stop(): void;
}

/** A version as the server sent it, for storage; null when its definition does not fit its number. */
export function versionOf(p: PublishedFlow): ServerFlowVersion | null {
  const flow = p.definition;
  if (!isRunnableFlow(flow) || flow.id !== p.flowId || flow.version !== p.version) return null;
  return {
    flow,
    publishedAt: Date.parse(p.publishedAt),
    effectiveAt: Date.parse(p.effectiveAt),
    note: p.note,
  };
}

export function startFlowUpdates({ db, fetchCatalogue, now = Date.now }: FlowUpdatesDeps): FlowUpdates {
  let status: FlowUpdatesStatus = { fetchedAt: null, reachable: null };
  const listeners = new Set<(s: FlowUpdatesStatus) => void>();
  let stopped = false;
  const set = (next: Partial<FlowUpdatesStatus>) => {
    if (stopped) return;
    status = { ...status, ...next };
    for (const l of listeners) l(status);
  };
  // What the workstation had before this start: the age of its versions if the server does not answer.
  void loadServerFlowsMeta(db).then(
    (meta) => meta && status.fetchedAt === null && set({ fetchedAt: meta.fetchedAt }),
    () => undefined,
  );

  let running: Promise<void> | null = null;
  let again = false;
  const once = async () => {
    const asked = now();
    let answer: FlowCatalogueAnswer;
    try {
      answer = await fetchCatalogue();
    } catch {
      set({ reachable: false });
      return;
    }
    const answered = now();
    // The server's time stood at its answer's moment about halfway through the request.
    const offsetMs = Date.parse(answer.serverTime) - (asked + answered) / 2;
    const versions = [...answer.current, ...answer.scheduled].flatMap((p) => versionOf(p) ?? []);
    if (stopped) return;
    await storeServerFlows(db, versions, {
      fetchedAt: answered,
      offsetMs: Number.isFinite(offsetMs) ? offsetMs : 0,
    });
    set({ fetchedAt: answered, reachable: true });
  };
  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await once().catch(() => undefined);
      } while (again && !stopped);
      running = null;
    })();
    return running;
  };
  return {
    refresh,
    unreachable: () => set({ reachable: false }),
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    stop() {
      stopped = true;
      listeners.clear();
    },
  };
}
