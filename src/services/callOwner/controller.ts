// The call controller: drives calls through the engine and keeps their record durable. Each event is
// stored before send() resolves and before the screen shows its effect (the published stored state); a
// reload resumes the stored call; one tab owns it (Web Lock + epoch).
import {
  CALL_MACHINE_VERSION,
  resumeCall,
  startCall,
  type CallCommand,
  type CallContext,
  type CallbackTask,
  type CallRecordEvent,
  type CallSession,
  type PersistedCall,
  type Scheduler,
  type SendResult,
} from '../../calls';
import type { Clock } from '../../calls/clock';
import { operatorFullName, type OperatorProfile, type Organisation } from '../../calls/organisation';
import {
  appendCallEvent,
  beginCall,
  CallBusyError,
  CallFencedError,
  claimCallOwnership,
  closeUnrestorableCall,
  findActiveCall,
  finishCall,
  getCallback,
  loadCall,
  reportStorageProblem,
  watchActiveCall,
  type AppDB,
  type CallbackRow,
  type CallRow,
  type CallSummaryPatch,
  type StoredCall,
} from '../../db';
import type { FlowDefinition } from '../../flows/types';
import type {
  ActiveCall,
  CallController,
  StartCallOptions,
  StoredState,
  StoredStateSource,
  WrapUp,
} from './types';
import { browserCallLock, type CallLock, type LockHandle } from './lock';
import { buildRecordFile, downloadRecordFile, type RecordFile } from '../recordFile';

export { CallBusyError } from '../../db';

export interface CallControllerDeps {
  /** Null when storage could not be opened: calls then go on in memory from the start. */
  db: AppDB | null;
  organisation: Organisation;
  operator: OperatorProfile;
  /**
   * Every flow version the app knows (bundled and published: `allFlowVersions`), or a getter for the
   * current list. A stored call resumes only on the exact version it began with; a new call takes the
   * highest version of the chosen id.
   */
  flows: readonly FlowDefinition[] | (() => readonly FlowDefinition[]);
  clock: Clock;
  lock?: CallLock;
  /** Where a record goes when it cannot be stored; defaults to a file download. */
  saveFile?: (file: RecordFile) => void;
  newId?: () => string;
}

export type RestoreProblem = { code: 'restoreFailed'; callId: string; detail: string };

export interface AppCallController extends CallController {
  /** Settles once a call left active (reload, crash, another tab) has been restored or mirrored. */
  readonly ready: Promise<void>;
  /** Set when a stored call could not be resumed (its records are kept, the call closed). */
  restoreProblem(): RestoreProblem | null;
  dispose(): void;
}

interface Live {
  callId: string;
  session: CallSession;
  role: 'owner' | 'mirror';
  storage: 'stored' | 'memory';
  callbackId: string | null;
  row: CallRow;
  epoch: number;
  lock: LockHandle | null;
  /** Writes of this call, one after another in log order. */
  chain: Promise<void>;
  /** Set once another tab took the call over: nothing more is written or sent from here. */
  fenced: boolean;
  /** The callback task last handed to storage: the callbacks queue is written only for a new one. */
  filedCallback: string | null;
  /** What the screen shows: the state as of the last event stored (or kept, in memory mode). */
  stored: StoredStateSource & { set(state: StoredState): void };
  view: ActiveCall;
  stop(): void;
}

const REFUSED: SendResult = { accepted: false, notice: null };

function summaryPatch(ctx: CallContext): CallSummaryPatch {
  return {
    callerName: ctx.fields.callerName ?? null,
    callerPhone: ctx.fields.callerPhone ?? ctx.callerPhone ?? null,
    outcome: ctx.outcome?.kind ?? null,
    endedAt: ctx.end?.at ?? null,
    endReason: ctx.end?.reason ?? null,
  };
}

function stateStore(first: StoredState): Live['stored'] {
  let state = first;
  const listeners = new Set<() => void>();
  return {
    getSnapshot: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next) {
      state = next;
      listeners.forEach((l) => l());
    },
  };
}

function persisted(stored: StoredCall): PersistedCall {
  const { row, log } = stored;
  return {
    machineVersion: CALL_MACHINE_VERSION,
    flowId: row.flowId,
    flowVersion: row.flowVersion,
    log,
    snapshot: null,
  };
}

/** Fields of the flow a callback task fills before the operator says a word. */
function prefills(flow: FlowDefinition, task: CallbackRow): [string, string][] {
  const known = new Set(flow.steps.flatMap((s) => s.capture.map((f) => f.id)));
  const values: [string, string | null][] = [
    ['callerName', task.callerName],
    ['need', task.question],
    ['appealNumber', task.appealNumber],
  ];
  return values.filter((v): v is [string, string] => v[1] !== null && v[1] !== '' && known.has(v[0]));
}

export function createCallController(deps: CallControllerDeps): AppCallController {
  const { db, clock, organisation, operator } = deps;
  const flows = () => (typeof deps.flows === 'function' ? deps.flows() : deps.flows);
  const lock = deps.lock ?? browserCallLock();
  const saveFile = deps.saveFile ?? downloadRecordFile;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  // A read-only copy never fires hold timers: the owner's timer events arrive through storage.
  const idle: Scheduler = { now: () => clock.now(), at: () => () => {} };

  const listeners = new Set<() => void>();
  let live: Live | null = null;
  let problem: RestoreProblem | null = null;
  let disposed = false;
  let waiting: AbortController | null = null;
  let ops: Promise<unknown> = Promise.resolve();

  /** State changes run one at a time, so a watcher never sees a call half started or half taken. */
  function serial<T>(op: () => Promise<T>): Promise<T> {
    const next = ops.then(op);
    ops = next.catch(() => {});
    return next;
  }

  const notify = () => listeners.forEach((l) => l());

  function publish(l: Live): void {
    l.view = viewOf(l, () => l);
    if (live === l) notify();
  }

  function setLive(next: Live | null): void {
    if (live && live !== next) live.stop();
    live = next;
    notify();
  }

  function flowOf(id: string, version?: number): FlowDefinition | undefined {
    const same = flows().filter((f) => f.id === id && (version === undefined || f.version === version));
    return same.sort((a, b) => b.version - a.version)[0];
  }

  function recordOf(l: Live, wrapUp: WrapUp | null): RecordFile {
    const ctx = l.session.getSnapshot().context;
    return buildRecordFile({
      savedAt: clock.now(),
      callId: l.callId,
      flowId: l.row.flowId,
      flowVersion: l.row.flowVersion,
      callbackId: l.callbackId,
      callback: ctx.callback,
      wrapUp,
      log: [...l.session.log()],
    });
  }

  /** A fresh object per change, so `getActive()` can feed `useSyncExternalStore`. */
  function viewOf(
    l: Pick<Live, 'callId' | 'session' | 'role' | 'storage' | 'stored'>,
    self: () => Live,
  ): ActiveCall {
    return {
      callId: l.callId,
      session: l.session,
      stored: { subscribe: l.stored.subscribe, getSnapshot: l.stored.getSnapshot },
      readOnly: l.role === 'mirror',
      storage: l.storage,
      send: (command) => send(self(), command),
      takeOver: () => serial(() => takeOver(self())),
      downloadRecord: () => saveFile(recordOf(self(), null)),
    };
  }

  type LiveFields = Omit<Live, 'view' | 'stop' | 'chain' | 'fenced' | 'filedCallback' | 'stored'>;

  /** Everything the session holds is stored already (a call just begun, resumed or loaded). */
  function newLive(fields: LiveFields, stop: () => void): Live {
    const snapshot = fields.session.getSnapshot();
    const stored = stateStore({ view: snapshot, events: fields.session.log().length });
    const l: Live = {
      ...fields,
      chain: Promise.resolve(),
      fenced: false,
      filedCallback: snapshot.context.callback?.id ?? null,
      stored,
      stop,
      view: viewOf({ ...fields, stored }, () => l),
    };
    return l;
  }

  /** Shows a state once every event up to it is stored; an older one arriving late changes nothing. */
  function show(l: Live, state: StoredState): void {
    if (state.events > l.stored.getSnapshot().events) l.stored.set(state);
  }

  // --- writing -------------------------------------------------------------------------------------

  function toMemory(l: Live, error: unknown): void {
    if (l.storage === 'memory') return;
    l.storage = 'memory';
    reportStorageProblem(error);
    publish(l);
  }

  /**
   * Queues the event's write; the state it led to is shown once the write commits (at once when the call
   * is kept in memory). A write refused because another tab took the call is never shown: that tab's
   * stored call replaces this one on screen.
   */
  function persistRecord(l: Live, record: CallRecordEvent): void {
    const view = l.session.getSnapshot();
    const state: StoredState = { view, events: record.seq + 1 };
    // This tab is the only writer of the active call's row: it keeps it and stores it whole.
    const row: CallRow = { ...l.row, ...summaryPatch(view.context), lastSeq: record.seq };
    l.row = row;
    const callback = newCallback(l, view.context.callback);
    if (!db || l.storage === 'memory') show(l, state);
    l.chain = l.chain.then(async () => {
      if (l.fenced) return;
      if (db && l.storage === 'stored') {
        try {
          await appendCallEvent(db, { record, row, callback, epoch: l.epoch });
        } catch (error) {
          if (error instanceof CallFencedError) {
            l.fenced = true;
            void serial(() => demote(l));
            return;
          }
          toMemory(l, error);
        }
      }
      show(l, state);
    });
  }

  /** The callback task an event created, once: later writes leave the callbacks queue alone. */
  function newCallback(l: Live, task: CallbackTask | null): CallbackTask | null {
    if (!task || task.id === l.filedCallback) return null;
    l.filedCallback = task.id;
    return task;
  }

  async function send(l: Live, command: CallCommand): Promise<SendResult> {
    if (live !== l || l.role !== 'owner' || l.fenced) return REFUSED;
    const result = l.session.send(command);
    await l.chain;
    return l.fenced ? REFUSED : result;
  }

  // --- owning and mirroring ------------------------------------------------------------------------

  function ownerLive(
    stored: StoredCall,
    session: CallSession,
    handle: LockHandle | null,
    epoch: number,
    storage: Live['storage'],
  ) {
    const { row } = stored;
    let unsubscribe = () => {};
    const l = newLive(
      {
        callId: row.id,
        session,
        role: 'owner',
        storage: db ? storage : 'memory',
        callbackId: row.callbackId,
        row,
        epoch,
        lock: handle,
      },
      () => {
        unsubscribe();
        session.stop();
      },
    );
    unsubscribe = session.onRecord((r) => persistRecord(l, r));
    void handle?.lost.then(() => serial(() => demote(l)));
    return l;
  }

  /** After taking the lock: bump the epoch, then read the log, so nothing the old owner stored is missed. */
  async function becomeOwner(callId: string, handle: LockHandle): Promise<void> {
    if (!db) return handle.release();
    // A full disk refuses the lease write but still reads: the call goes on here in memory (the lock alone
    // keeps other tabs out while nothing is written), rather than shown read-only with no owner anywhere.
    let epoch = 0;
    let storage: Live['storage'] = 'stored';
    try {
      epoch = await claimCallOwnership(db);
    } catch (error) {
      storage = 'memory';
      reportStorageProblem(error);
    }
    const stored = await loadCall(db, callId);
    if (!stored || stored.row.status !== 'active') {
      handle.release();
      if (live?.callId === callId) setLive(null);
      return;
    }
    const flow = flowOf(stored.row.flowId, stored.row.flowVersion);
    const resumed = flow
      ? resumeCall({ flow, clock, stored: persisted(stored) })
      : ({ ok: false, error: 'flowMismatch' } as const);
    if (!resumed.ok) {
      problem = { code: 'restoreFailed', callId, detail: resumed.error };
      await closeUnrestorableCall(db, callId).catch(reportStorageProblem);
      handle.release();
      setLive(null);
      return;
    }
    setLive(ownerLive(stored, resumed.session, handle, epoch, storage));
  }

  function mirrorOf(stored: StoredCall): Live | null {
    const flow = flowOf(stored.row.flowId, stored.row.flowVersion);
    const resumed = flow && resumeCall({ flow, clock, scheduler: idle, stored: persisted(stored) });
    if (!resumed?.ok) return null;
    const { session } = resumed;
    const { row } = stored;
    return newLive(
      {
        callId: row.id,
        session,
        role: 'mirror',
        storage: 'stored',
        callbackId: row.callbackId,
        row,
        epoch: 0,
        lock: null,
      },
      () => session.stop(),
    );
  }

  /** Waits for the owning tab to close; then this tab carries the call on. */
  function waitForLock(): void {
    if (waiting || disposed) return;
    const abort = new AbortController();
    waiting = abort;
    void lock.acquire('wait', abort.signal).then((handle) => {
      if (waiting === abort) waiting = null;
      if (!handle) return;
      void serial(async () => {
        if (live?.role !== 'mirror' || disposed) return handle.release();
        await becomeOwner(live.callId, handle);
      });
    });
  }

  function stopWaiting(): void {
    waiting?.abort();
    waiting = null;
  }

  async function showMirror(): Promise<void> {
    if (!db) return;
    const stored = await findActiveCall(db);
    setLive(stored ? mirrorOf(stored) : null);
    if (stored) waitForLock();
  }

  /** Another tab took the call: stop writing at once, then show its call read-only. */
  async function demote(l: Live): Promise<void> {
    l.fenced = true;
    if (live !== l) return;
    l.lock?.release();
    await showMirror();
  }

  async function takeOver(l: Live): Promise<void> {
    if (live !== l || l.role !== 'mirror') return;
    stopWaiting();
    const handle = await lock.acquire('steal');
    if (handle) await becomeOwner(l.callId, handle);
  }

  /** A call left active in storage: resume it here if no tab owns it, else show it read-only. */
  async function adopt(): Promise<void> {
    if (!db || live || disposed) return;
    const stored = await findActiveCall(db);
    if (!stored) return;
    const handle = await lock.acquire('ifAvailable');
    if (handle) await becomeOwner(stored.row.id, handle);
    else await showMirror();
  }

  async function onActiveChanged(active: { id: string; lastSeq: number } | null): Promise<void> {
    if (disposed || live?.role === 'owner') return;
    if (!active) {
      if (live) setLive(null);
      stopWaiting();
      return;
    }
    if (!live) return adopt();
    if (live.callId !== active.id || live.session.log().length - 1 !== active.lastSeq) await showMirror();
  }

  // --- start and finish ----------------------------------------------------------------------------

  async function start(options: StartCallOptions): Promise<ActiveCall> {
    if (live) throw new CallBusyError('a call is already in progress');
    const flow = flowOf(options.flowId);
    if (!flow) throw new Error(`unknown flow ${options.flowId}`);
    const task = options.callbackId && db ? ((await getCallback(db, options.callbackId)) ?? null) : null;
    const callerPhone = options.callerPhone ?? task?.phone;
    let handle: LockHandle | null = null;
    let epoch = 0;
    let storage: Live['storage'] = db ? 'stored' : 'memory';
    if (db) {
      handle = await lock.acquire('wait', AbortSignal.timeout(3000));
      if (!handle) throw new CallBusyError('another tab holds the call');
      try {
        epoch = await claimCallOwnership(db);
      } catch (error) {
        storage = 'memory';
        reportStorageProblem(error);
      }
    }
    const session = startCall({
      flow,
      clock,
      start: {
        callId: newId(),
        organisation,
        operator,
        transfersBefore: options.transfersBefore,
        direction: options.direction,
        ...(callerPhone ? { callerPhone } : {}),
      },
    });
    const first = session.log()[0];
    if (!first || first.event.type !== 'call.started') throw new Error('engine did not record the start');
    const row: CallRow = {
      id: first.callId,
      flowId: flow.id,
      flowVersion: flow.version,
      direction: options.direction,
      startedAt: first.at,
      endedAt: null,
      finishedAt: null,
      status: 'active',
      outcome: null,
      callerName: null,
      callerNameKey: null,
      callerPhone: callerPhone ?? null,
      topic: null,
      summary: '',
      articlesUsed: [],
      satisfaction: null,
      surveyOffered: false,
      afterCallMs: null,
      operatorName: operatorFullName(operator),
      transfersBefore: options.transfersBefore,
      callbackId: options.callbackId ?? null,
      endReason: null,
      lastSeq: 0,
    };
    if (db && storage === 'stored') {
      try {
        await beginCall(db, { row, first, epoch, flow });
      } catch (error) {
        if (error instanceof CallBusyError || error instanceof CallFencedError) {
          session.stop();
          handle?.release();
          throw error;
        }
        storage = 'memory';
        reportStorageProblem(error);
      }
    }
    const l = ownerLive({ row, log: [first] }, session, handle, epoch, storage);
    setLive(l);
    if (task)
      for (const [fieldId, value] of prefills(flow, task))
        void send(l, { type: 'operator.capture', fieldId, value });
    await l.chain;
    publish(l);
    return l.view;
  }

  async function finish(wrapUp: WrapUp): Promise<void> {
    const l = live;
    if (!l || l.role !== 'owner') throw new Error('no call owned by this tab');
    await l.chain;
    const ctx = l.session.getSnapshot().context;
    const now = clock.now();
    const endedAt = ctx.end?.at ?? null;
    const outcome = wrapUp.outcome ?? ctx.outcome?.kind ?? null;
    const patch: Partial<CallRow> = {
      ...summaryPatch(ctx),
      outcome,
      endedAt: endedAt ?? now,
      finishedAt: now,
      afterCallMs: endedAt === null ? null : Math.max(0, now - endedAt),
      summary: wrapUp.summary,
      topic: wrapUp.topic,
      articlesUsed: wrapUp.articlesUsed,
      satisfaction: wrapUp.satisfaction,
      surveyOffered: wrapUp.surveyOffered,
      lastSeq: l.session.log().length - 1,
    };
    let saved = false;
    // Without a claimed epoch (the lease write failed: disk full) the store would refuse this tab as
    // fenced; the record goes to a file instead.
    if (db && !l.fenced && l.epoch > 0) {
      try {
        await finishCall(db, {
          callId: l.callId,
          patch,
          epoch: l.epoch,
          callback: ctx.callback,
          fulfilled: l.callbackId && outcome !== null ? { callbackId: l.callbackId, at: now } : null,
          ...(l.storage === 'memory' ? { log: l.session.log(), row: l.row } : {}),
        });
        saved = true;
      } catch (error) {
        if (error instanceof CallFencedError) {
          await demote(l);
          throw error;
        }
        reportStorageProblem(error);
      }
    }
    // Storage is gone for good: the file is the record.
    if (!saved) saveFile(recordOf(l, wrapUp));
    l.lock?.release();
    setLive(null);
  }

  const ready = serial(adopt).catch((error: unknown) => {
    reportStorageProblem(error);
  });
  const unwatch = db
    ? watchActiveCall(
        db,
        (active) => void serial(() => onActiveChanged(active)),
        (error) => reportStorageProblem(error),
      )
    : () => {};

  return {
    ready,
    getActive: () => live?.view ?? null,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start: (options) => serial(() => start(options)),
    finish: (wrapUp) => serial(() => finish(wrapUp)),
    restoreProblem: () => problem,
    dispose() {
      disposed = true;
      unwatch();
      stopWaiting();
      live?.lock?.release();
      setLive(null);
    },
  };
}
