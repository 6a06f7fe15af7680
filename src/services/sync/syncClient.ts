// Calls going up (issue 17): sends the outbox to the server in batches, in order per call, as soon as
// there is something to send and the server answers; backs off while it does not, pauses on an expired
// session with nothing dropped, and forgets an event only once the server acknowledged it. Nothing here
// is awaited by a call: the call owner writes the outbox and goes on. An outbox with calls that has not
// moved for STUCK_MS while the server answers (calls it refused, a fault) is stuck: the status says since
// when, and the server is told, so the supervisors' board counts it (issue 20).
import type { CallAck, CallEventAcks, OutboxReport } from '../../protocol';
import type { AppDB, UploadOwner } from '../../db';
import type { Lease } from '../lease/leaseClient';
import {
  acknowledgeUpload,
  answerEarlierCalls,
  earlierCalls,
  nextUpload,
  watchOutbox,
  type EarlierCalls,
  type OutboxState,
  type UploadCall,
} from '../../db/sync';

/** Why a batch did not go up. */
export type UploadFailure =
  /** No answer, or the server could not store it now: try again later. */
  | 'unreachable'
  /** The session ended: wait for the person to sign in again. */
  | 'signedOut'
  /** The page's CSRF token is stale: fetch the session again, then retry. */
  | 'csrf'
  /** The batch was over the server's size limit: send fewer events. */
  | 'tooLarge'
  /** The server will not take these calls from this session (a role, a bad batch): keep them, skip them. */
  | 'refused';

export class UploadError extends Error {
  constructor(readonly failure: UploadFailure) {
    super(failure);
  }
}

/** The body of POST /api/v1/calls/events (callEventBatchSchema in src/protocol/calls.ts). */
export interface UploadBatch {
  organisationId: string;
  /** The operator's lease this device holds, if it ever held one: the server fences a stale one. */
  lease?: Lease;
  calls: readonly UploadCall[];
}

export interface Transport {
  /** Resolves with the server's answer per call, or throws UploadError. */
  send(batch: UploadBatch): Promise<CallEventAcks>;
  /** Asks the server for the session again (a fresh CSRF token); false when it has ended. */
  refreshSession(): Promise<boolean>;
  /** Tells the server how the outbox stands, when it becomes stuck or moves again (best effort). */
  report?(report: OutboxReport): Promise<void>;
}

export type Connection =
  /** Nothing sent yet since the start, or all went well. */
  'ok' | 'unreachable' | 'signInAgain';

export interface SyncStatus {
  /** Null until the outbox was first read. */
  outbox: OutboxState | null;
  connection: Connection;
  /** Calls stored here before this person first connected, waiting for their yes or no; null: none. */
  earlier: EarlierCalls | null;
  /** Since when calls have waited with nothing moving while the server answered; null: not stuck. */
  stuckSince: number | null;
  /** Calls the server refused in this session, with its words: kept queued, tried at the next start. */
  refused: readonly { callId: string; message: string }[];
  /**
   * Events sent since this page started that the server kept aside rather than added, because another
   * device of the operator had taken the calls over (and how many calls they belong to); null: none.
   */
  keptAside: { events: number; calls: number } | null;
}

export interface SyncDeps {
  db: AppDB;
  owner: UploadOwner;
  transport: Transport;
  /** The device's lease (src/services/lease): named by each batch, and told when the server refused it. */
  lease?: { lease(): Lease | null; refused(epoch: number): void };
  /** The retry timer; tests pass a fake. */
  setTimer?: (run: () => void, ms: number) => () => void;
  random?: () => number;
  /** The moment that counts as this person's first connection when none is recorded (tests). */
  now?: () => number;
  maxEvents?: number;
  maxBytes?: number;
  /** false: no offer of calls stored before the connection (a queue of imported calls has none). */
  offerEarlier?: boolean;
}

export interface SyncHandle {
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** The person's answer to the earlier calls: send them once, or keep them on this workstation only. */
  answerEarlier(answer: 'sent' | 'kept'): Promise<void>;
  /** Try now, whatever the backoff (a reconnect, a sign-in, a test). */
  retryNow(): void;
  /** Resolves when nothing is being sent (tests). */
  settled(): Promise<void>;
  stop(): void;
}

/** An outbox with calls that has not moved this long while the server answers is stuck. */
export const STUCK_MS = 5 * 60_000;
const FIRST_RETRY_MS = 1000;
const LAST_RETRY_MS = 60_000;
// Under the server's 64 KB body limit with room for the envelope.
const MAX_BYTES = 48 * 1024;
const MAX_EVENTS = 200;

const realTimer = (run: () => void, ms: number) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

export function startSync(deps: SyncDeps): SyncHandle {
  const { db, owner, transport } = deps;
  const setTimer = deps.setTimer ?? realTimer;
  const random = deps.random ?? Math.random;
  const now = deps.now ?? Date.now;
  let maxEvents = deps.maxEvents ?? MAX_EVENTS;
  const listeners = new Set<(s: SyncStatus) => void>();
  // Calls the server refused in this session: kept queued, tried again at the next start or sign-in.
  const skip = new Set<string>();
  let status: SyncStatus = {
    outbox: null,
    connection: 'ok',
    earlier: null,
    stuckSince: null,
    refused: [],
    keptAside: null,
  };
  // The calls some of whose events were kept aside, for the count the operator is told.
  const keptCalls = new Set<string>();
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let cancelRetry: (() => void) | null = null;
  let stopped = false;
  // The session is asked for again once per refusal of the CSRF token, not in a loop.
  let refreshed = false;

  // The outbox moves when an event leaves or comes in, or the connection changes: when it last did.
  let moved = { signature: '', at: now() };
  let cancelStuck: (() => void) | null = null;

  const publish = (next: Partial<SyncStatus>) => {
    status = { ...status, ...next };
    watchStuck();
    for (const l of listeners) l(status);
  };

  function report() {
    const { outbox, stuckSince } = status;
    const calls = outbox?.calls ?? 0;
    const events = outbox?.events ?? 0;
    void transport
      .report?.({ calls, events, oldestAt: outbox?.oldestAt ?? null, stuckSince })
      .catch(() => undefined);
  }

  /** Starts the stuck watch anew whenever the outbox moves; past STUCK_MS unmoved, it is stuck. */
  function watchStuck() {
    const { connection, outbox } = status;
    const signature = `${connection}|${outbox?.events ?? 0}|${outbox?.oldestAt ?? ''}`;
    if (signature === moved.signature) return;
    moved = { signature, at: now() };
    cancelStuck?.();
    cancelStuck = null;
    if (status.stuckSince !== null) {
      status = { ...status, stuckSince: null };
      report();
    }
    if (connection !== 'ok' || (outbox?.calls ?? 0) === 0) return;
    const since = moved.at;
    cancelStuck = setTimer(() => {
      cancelStuck = null;
      if (stopped) return;
      publish({ stuckSince: since });
      report();
    }, STUCK_MS);
  }

  function scheduleRetry() {
    cancelRetry?.();
    const ms = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** failures) * (0.5 + random() / 2);
    failures += 1;
    cancelRetry = setTimer(() => {
      cancelRetry = null;
      refreshed = false;
      // Due while a pass is finishing (it failed, so it will not go round again): another once it has.
      if (running) void running.then(kick);
      else kick();
    }, ms);
  }

  /** Sends one batch; false when there was nothing (more) to send now. */
  async function sendOne(): Promise<boolean> {
    const batch = await nextUpload(db, owner, { maxEvents, maxBytes: deps.maxBytes ?? MAX_BYTES, skip });
    if (batch.length === 0 || stopped) return false;
    const lease = deps.lease?.lease() ?? null;
    const body: UploadBatch = { organisationId: owner.organisationId, ...(lease && { lease }), calls: batch };
    let acks: CallEventAcks;
    try {
      acks = await transport.send(body);
    } catch (error) {
      return failed(error, batch);
    }
    // Refused for a lease another device took over: the server kept the events aside (fenced), so they
    // went up and are forgotten here like stored ones; the device stops making calls.
    const isFenced = (a: CallAck) => a.status === 'refused' && a.code === 'lease_lost';
    if (lease && acks.calls.some(isFenced)) deps.lease?.refused(lease.epoch);
    const stored = new Set(
      acks.calls.filter((a) => a.status === 'stored' || isFenced(a)).map((a) => a.callId),
    );
    const refused = acks.calls.filter((a) => a.status === 'refused' && !stored.has(a.callId));
    for (const a of refused) skip.add(a.callId);
    if (refused.length > 0)
      publish({
        refused: [
          ...status.refused,
          ...refused.map((a) => ({ callId: a.callId, message: a.status === 'refused' ? a.message : '' })),
        ],
      });
    const fenced = new Set(acks.calls.filter(isFenced).map((a) => a.callId));
    // A wrap-up is not kept aside with a fenced call's events: it stays queued, tried again at the next
    // start (alone, it needs no lease).
    await acknowledgeUpload(
      db,
      batch
        .filter((c) => stored.has(c.callId))
        .map((c) => (fenced.has(c.callId) ? { callId: c.callId, events: c.events } : c)),
    );
    for (const c of batch) if (fenced.has(c.callId) && c.wrapUp) skip.add(c.callId);
    // Counted once acknowledged here, so a batch sent again after a lost answer is not counted twice.
    const kept = batch.filter((c) => fenced.has(c.callId));
    for (const c of kept) keptCalls.add(c.callId);
    const events = (status.keptAside?.events ?? 0) + kept.reduce((n, c) => n + c.events.length, 0);
    failures = 0;
    refreshed = false;
    publish({
      connection: 'ok',
      ...(kept.length > 0 && { keptAside: { events, calls: keptCalls.size } }),
    });
    return true;
  }

  async function failed(error: unknown, batch: UploadCall[]): Promise<boolean> {
    const failure = error instanceof UploadError ? error.failure : 'unreachable';
    if (failure === 'csrf' && !refreshed) {
      refreshed = true;
      const renewed = await transport.refreshSession().catch(() => null);
      if (renewed) return true;
      if (renewed === false) {
        publish({ connection: 'signInAgain' });
        return false;
      }
    }
    if (failure === 'signedOut') {
      publish({ connection: 'signInAgain' });
      return false;
    }
    if (failure === 'tooLarge' && maxEvents > 1) {
      maxEvents = Math.max(1, Math.floor(maxEvents / 2));
      return true;
    }
    if (failure === 'refused' || failure === 'tooLarge') {
      for (const c of batch) skip.add(c.callId);
      return true;
    }
    publish({ connection: 'unreachable' });
    scheduleRetry();
    return false;
  }

  async function pump(): Promise<void> {
    do {
      again = false;
      try {
        while (!stopped && (await sendOne()));
      } catch {
        // Storage failed under the read or the acknowledgement: what is queued stays queued; retry.
        if (!stopped) scheduleRetry();
      }
    } while (again && !stopped && status.connection === 'ok');
  }

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pump().finally(() => {
      running = null;
    });
  }

  const unwatch = watchOutbox(
    db,
    owner,
    (outbox) => {
      publish({ outbox });
      // New events go up at once, unless the server is being waited for (the retry timer) or a sign-in.
      if (outbox.events > 0 && status.connection === 'ok' && !cancelRetry) kick();
    },
    () => undefined,
  );

  const onOnline = () => handle.retryNow();
  if (typeof window !== 'undefined') window.addEventListener('online', onOnline);

  const handle: SyncHandle = {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    retryNow() {
      cancelRetry?.();
      cancelRetry = null;
      failures = 0;
      if (status.connection === 'unreachable') publish({ connection: 'ok' });
      kick();
    },
    async answerEarlier(answer) {
      const { earlier } = status;
      if (!earlier) return;
      await answerEarlierCalls(db, owner, answer, earlier.callIds);
      publish({ earlier: null });
    },
    async settled() {
      while (running) await running;
    },
    stop() {
      stopped = true;
      cancelRetry?.();
      cancelStuck?.();
      unwatch();
      listeners.clear();
      if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    },
  };
  // Asked once per person and workstation; storage failing here only means the offer waits for the next start.
  if (deps.offerEarlier !== false)
    void earlierCalls(db, owner, (deps.now ?? Date.now)()).then(
      (earlier) => !stopped && earlier && publish({ earlier }),
      () => undefined,
    );
  kick();
  return handle;
}
