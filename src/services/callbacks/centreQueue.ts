// The centre's callbacks queue as the workstation sees it (issue 17): fetched from the server when signed
// in, fetched again on every `callbacks` centre event and on every reconnect (events may have been missed
// meanwhile); while the link is down it is the last known queue, said so, and nothing can be taken from
// it, since a claim nobody confirmed could mean two calls to one citizen. The last queue fetched is kept
// (IndexedDB in the app), so a reload without network still shows it, marked with its time.
import type { CentreCallback } from '../../protocol';

/** The last queue fetched and when (the workstation's clock). */
export interface KnownQueue {
  callbacks: CentreCallback[];
  at: number;
}

/** Where the last queue fetched is kept across reloads; a failure to keep or read it loses nothing else. */
export interface CentreQueueStore {
  load(): Promise<KnownQueue | null>;
  save(queue: KnownQueue): Promise<void>;
}

/** What the queue needs from the server and the centre's event stream; tests hand in fakes. */
export interface CentreQueueLink {
  list(): Promise<CentreCallback[]>;
  /** Resolves with the claimed callback; rejects with the server's refusal (its Russian message). */
  claim(id: string): Promise<CentreCallback>;
  release(id: string): Promise<unknown>;
  done(id: string, callId: string): Promise<unknown>;
  /** The queue changed on the server (a `callbacks` centre event). */
  onChanged(listener: () => void): () => void;
  /** The event stream's state, told at once and on every change. */
  onLink(listener: (link: 'connected' | 'disconnected') => void): () => void;
}

export type CentreQueueView =
  | { status: 'loading' }
  /** `live`: as the server has it now; `lastKnown`: as it was when the link was last up (`at`). */
  | { status: 'live' | 'lastKnown'; callbacks: readonly CentreCallback[]; at: number | null };

export type TakeResult = { ok: true; callback: CentreCallback } | { ok: false; message: string | null };

export interface CentreQueue {
  getView(): CentreQueueView;
  subscribe(listener: () => void): () => void;
  /** Claims on the server first; refused while offline (the view is `lastKnown`). */
  take(id: string): Promise<TakeResult>;
  /** Gives the callback back (the call could not start). */
  release(id: string): Promise<void>;
  /** The callback call was made: closes it on the server, linked to that call (again on reconnect). */
  done(id: string, callId: string): Promise<void>;
  stop(): void;
}

function messageOf(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}

/** The server answered and said no (4xx): asking again would change nothing. */
function refusedForGood(error: unknown): boolean {
  const status: unknown = error instanceof Error && 'status' in error ? error.status : null;
  return typeof status === 'number' && status >= 400 && status < 500;
}

export function createCentreQueue(
  link: CentreQueueLink,
  now: () => number = Date.now,
  store?: CentreQueueStore,
): CentreQueue {
  let view: CentreQueueView = { status: 'loading' };
  // The queue kept from an earlier page, shown while nothing newer is known and the server is away.
  let kept: KnownQueue | null = null;
  let connected = false;
  let generation = 0;
  // Calls made while the server could not be told: said again on every reconnect until it hears.
  const pendingDone = new Map<string, string>();
  const listeners = new Set<() => void>();
  const set = (next: CentreQueueView) => {
    view = next;
    for (const l of listeners) l();
  };
  /** Nothing fetched on this page yet: the queue kept from an earlier one, if any. */
  const knowsNothing = () => view.status === 'loading' || (view.status === 'lastKnown' && view.at === null);
  const fromKept = (): CentreQueueView => ({
    status: 'lastKnown',
    callbacks: kept?.callbacks ?? [],
    at: kept?.at ?? null,
  });
  const lastKnown = () => {
    if (view.status === 'live') set({ ...view, status: 'lastKnown' });
    else if (knowsNothing()) set(fromKept());
  };

  const refresh = () => {
    const mine = ++generation;
    link.list().then(
      (callbacks) => {
        // A later fetch (a newer event) decides; a fetch answered after the link dropped is still news.
        if (mine !== generation) return;
        const at = now();
        set({ status: connected ? 'live' : 'lastKnown', callbacks, at });
        kept = { callbacks, at };
        void store?.save(kept).catch(() => undefined);
      },
      () => {
        if (mine !== generation) return;
        lastKnown();
      },
    );
  };

  const flushDone = async () => {
    for (const [id, callId] of [...pendingDone]) {
      try {
        await link.done(id, callId);
        pendingDone.delete(id);
      } catch (error) {
        if (refusedForGood(error)) pendingDone.delete(id);
      }
    }
  };

  const unsubscribeChanged = link.onChanged(() => {
    if (connected) refresh();
  });
  const unsubscribeLink = link.onLink((state) => {
    connected = state === 'connected';
    if (connected) void flushDone().then(refresh);
    else lastKnown();
  });
  void store?.load().then(
    (found) => {
      if (!found || kept) return;
      kept = found;
      // Still nothing from the server: the kept queue is what there is to show (never claimable).
      if (!connected && knowsNothing()) set(fromKept());
    },
    () => undefined,
  );

  return {
    getView: () => view,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async take(id) {
      if (view.status !== 'live') return { ok: false, message: null };
      try {
        const callback = await link.claim(id);
        refresh();
        return { ok: true, callback };
      } catch (error) {
        refresh();
        return { ok: false, message: messageOf(error) };
      }
    },
    async release(id) {
      try {
        await link.release(id);
      } catch {
        // Unreachable: the claim lapses by itself after the configured time.
      }
      refresh();
    },
    async done(id, callId) {
      pendingDone.set(id, callId);
      await flushDone();
      refresh();
    },
    stop() {
      unsubscribeChanged();
      unsubscribeLink();
      listeners.clear();
    },
  };
}

/** Calls `onEnded` once the call `callId` is no longer the controller's active call (it was finished). */
export function whenCallEnds(
  controller: { getActive(): { callId: string } | null; subscribe(listener: () => void): () => void },
  callId: string,
  onEnded: () => void,
): void {
  const unsubscribe = controller.subscribe(() => {
    if (controller.getActive()?.callId === callId) return;
    unsubscribe();
    onEnded();
  });
}
