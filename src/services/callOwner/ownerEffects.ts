// What the call owner does to storage, locks and the engine: the bodies of its machine's invoked actors
// (callOwnerMachine.ts). Each is one step — find, lock, claim, resume, begin, append, finish — so the
// machine, not a web of flags, says which step a call is at.
import {
  CALL_MACHINE_VERSION,
  resumeCall,
  startCall,
  type CallContext,
  type CallSession,
  type PersistedCall,
  type Scheduler,
} from '../../calls';
import type { Clock } from '../../calls/clock';
import {
  operatorFullName,
  type Department,
  type OperatorProfile,
  type Organisation,
} from '../../calls/organisation';
import {
  beginCall,
  CallBusyError,
  CallFencedError,
  getCallback,
  loadCall,
  newCallRow,
  reportStorageProblem,
  type AppDB,
  type CallbackRow,
  type CallRow,
  type CallSummaryPatch,
  type StoredCall,
} from '../../db';
import type { FlowDefinition } from '../../flows/types';
import { timeoutScheduler } from '../clock';
import { buildRecordFile, type RecordFile } from '../recordFile';
import { startCommitted, type CommittedCall } from './committedCall';
import type { CallLock, LockHandle } from './lock';
import type { StartCallOptions, WrapUp } from './types';

export interface CallControllerDeps {
  /** Null when storage could not be opened: calls then go on in memory from the start. */
  db: AppDB | null;
  organisation: Organisation;
  /**
   * The colleagues who use Sufler (the server's directory) as one more department of the transfer
   * directory of the calls that start from now; null or absent: the organisation's own directory only.
   */
  directory?: () => Department | null;
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

/** The deps with defaults filled. */
export type OwnerDeps = Required<Omit<CallControllerDeps, 'flows' | 'directory'>> & {
  flows: () => readonly FlowDefinition[];
  directory?: () => Department | null;
};

/** The organisation a new call starts with: its profile, with the Sufler colleagues when known. */
function organisationNow(deps: OwnerDeps): Organisation {
  const extra = deps.directory?.() ?? null;
  return extra
    ? { ...deps.organisation, departments: [...deps.organisation.departments, extra] }
    : deps.organisation;
}

export type RestoreProblem = { code: 'restoreFailed'; callId: string; detail: string };

/** The call on screen: owned (this tab writes it) or mirrored (another tab does), as the machine's state says. */
export interface LiveCall {
  callId: string;
  session: CallSession;
  row: CallRow;
  callbackId: string | null;
  /** The fencing epoch this tab claimed; 0 when none was (a mirror, or the lease write failed). */
  epoch: number;
  lock: LockHandle | null;
  /** The callback task last handed to storage: the callbacks queue is written only for a new one. */
  filedCallback: string | null;
  committed: CommittedCall;
}

export type Resumed =
  | { kind: 'owned'; call: LiveCall; stored: boolean }
  | { kind: 'gone'; callId: string }
  | { kind: 'failed'; problem: RestoreProblem };

export type Prefill = [fieldId: string, value: string];
export type Begun = { call: LiveCall; stored: boolean; prefills: Prefill[] };
export type StartRequest = {
  options: StartCallOptions;
  flow: FlowDefinition;
  task: CallbackRow | null;
  lock: LockHandle | null;
  epoch: number;
};

export function summaryPatch(ctx: CallContext): CallSummaryPatch {
  return {
    callerName: ctx.fields.callerName ?? null,
    callerPhone: ctx.fields.callerPhone ?? ctx.callerPhone ?? null,
    outcome: ctx.outcome?.kind ?? null,
    endedAt: ctx.end?.at ?? null,
    endReason: ctx.end?.reason ?? null,
  };
}

function persisted({ row, log }: StoredCall): PersistedCall {
  return {
    machineVersion: CALL_MACHINE_VERSION,
    flowId: row.flowId,
    flowVersion: row.flowVersion,
    log,
    snapshot: null,
  };
}

type CallbackDetails = Pick<CallbackRow, 'callerName' | 'question' | 'appealNumber'>;

/** Fields of the flow a callback task fills before the operator says a word. */
function prefills(
  flow: FlowDefinition,
  task: CallbackDetails | null,
  given: readonly Prefill[] = [],
): Prefill[] {
  const known = new Set(flow.steps.flatMap((s) => s.capture.map((f) => f.id)));
  const values: [string, string | null][] = task
    ? [
        ['callerName', task.callerName],
        ['need', task.question],
        ['appealNumber', task.appealNumber],
      ]
    : [...given];
  return values.filter((v): v is Prefill => v[1] !== null && v[1] !== '' && known.has(v[0]));
}

/** Everything the session holds is stored already (a call just begun, resumed or loaded). */
function liveCall(
  stored: StoredCall,
  session: CallSession,
  lock: LockHandle | null,
  epoch: number,
): LiveCall {
  const snapshot = session.getSnapshot();
  return {
    callId: stored.row.id,
    session,
    row: stored.row,
    callbackId: stored.row.callbackId,
    epoch,
    lock,
    filedCallback: snapshot.context.callback?.id ?? null,
    committed: startCommitted({ view: snapshot, events: session.log().length }),
  };
}

export function ownerEffects(deps: OwnerDeps) {
  const { db, clock } = deps;
  // A read-only copy never fires hold timers: the owner's timer events arrive through storage.
  const idle: Scheduler = { now: () => clock.now(), at: () => () => {} };
  // The owner's: hold timers fire on time.
  const timers = timeoutScheduler(clock);

  function flowOf(id: string, version?: number): FlowDefinition | undefined {
    const same = deps.flows().filter((f) => f.id === id && (version === undefined || f.version === version));
    return same.sort((a, b) => b.version - a.version)[0];
  }

  function resume(stored: StoredCall, scheduler: Scheduler = timers) {
    const flow = flowOf(stored.row.flowId, stored.row.flowVersion);
    if (!flow) return { ok: false, error: 'flowMismatch' } as const;
    return resumeCall({ flow, clock, scheduler, stored: persisted(stored) });
  }

  return {
    /** After taking the lock and the epoch: read the log, so nothing the old owner stored is missed. */
    async resumeOwned(callId: string, lock: LockHandle, epoch: number): Promise<Resumed> {
      if (!db) throw new Error('nothing to resume without storage');
      const stored = await loadCall(db, callId);
      if (!stored || stored.row.status !== 'active') {
        lock.release();
        return { kind: 'gone', callId };
      }
      const resumed = resume(stored);
      if (!resumed.ok) {
        // Closing it is rare and is loaded with the finishing code.
        await import('./finishing')
          .then((m) => m.closeUnrestorableCall(db, callId))
          .catch(reportStorageProblem);
        lock.release();
        return { kind: 'failed', problem: { code: 'restoreFailed', callId, detail: resumed.error } };
      }
      // A full disk refuses the lease write but still reads: the call goes on here in memory (the lock
      // alone keeps other tabs out while nothing is written), rather than read-only with no owner.
      return { kind: 'owned', call: liveCall(stored, resumed.session, lock, epoch), stored: epoch > 0 };
    },

    /** Another tab's call, read-only. */
    loadMirror(stored: StoredCall | null): LiveCall | null {
      if (!stored) return null;
      const resumed = resume(stored, idle);
      return resumed.ok ? liveCall(stored, resumed.session, null, 0) : null;
    },

    async prepareStart(options: StartCallOptions) {
      const flow = flowOf(options.flowId);
      if (!flow) throw new Error(`unknown flow ${options.flowId}`);
      const task = options.callbackId && db ? ((await getCallback(db, options.callbackId)) ?? null) : null;
      return { flow, task };
    },

    async begin(req: StartRequest): Promise<Begun> {
      const { options, flow, task } = req;
      const callerPhone = options.callerPhone ?? task?.phone;
      const session = startCall({
        flow,
        clock,
        scheduler: timers,
        start: {
          callId: deps.newId(),
          organisation: organisationNow(deps),
          operator: deps.operator,
          transfersBefore: options.transfersBefore,
          direction: options.direction,
          ...(callerPhone ? { callerPhone } : {}),
          ...(options.handover
            ? { handover: { id: options.handover.id, chainId: options.handover.chainId } }
            : {}),
        },
      });
      const first = session.log()[0];
      if (!first || first.event.type !== 'call.started') throw new Error('engine did not record the start');
      const row = newCallRow({
        id: first.callId,
        flowId: flow.id,
        flowVersion: flow.version,
        direction: options.direction,
        startedAt: first.at,
        callerPhone: callerPhone ?? null,
        operatorName: operatorFullName(deps.operator),
        transfersBefore: options.transfersBefore,
        callbackId: options.callbackId ?? null,
      });
      let stored = db !== null && req.epoch > 0;
      if (db && stored) {
        try {
          await beginCall(db, { row, first, epoch: req.epoch, flow });
        } catch (error) {
          if (error instanceof CallBusyError || error instanceof CallFencedError) {
            session.stop();
            throw error;
          }
          stored = false;
          reportStorageProblem(error);
        }
      }
      const call = liveCall({ row, log: [first] }, session, req.lock, req.epoch);
      const given = options.handover?.prefills ?? [];
      return { call, stored, prefills: prefills(flow, task ?? options.callbackDetails ?? null, given) };
    },

    /**
     * Stores the wrap-up with the call; a record storage cannot take goes to a file. Loaded when a call
     * is finished, long after its greeting: the operator's first load does not carry it.
     */
    async finish(call: LiveCall, wrapUp: WrapUp, inMemory: boolean): Promise<void> {
      const { finishLiveCall } = await import('./finishing');
      await finishLiveCall(
        { db, clock, saveFile: (w) => deps.saveFile(recordOf(call, w)) },
        call,
        wrapUp,
        inMemory,
      );
    },

    recordOf,
  };

  function recordOf(call: LiveCall, wrapUp: WrapUp | null): RecordFile {
    const ctx = call.session.getSnapshot().context;
    return buildRecordFile({
      savedAt: clock.now(),
      callId: call.callId,
      flowId: call.row.flowId,
      flowVersion: call.row.flowVersion,
      callbackId: call.callbackId,
      callback: ctx.callback,
      wrapUp,
      log: [...call.session.log()],
    });
  }
}

export type OwnerEffects = ReturnType<typeof ownerEffects>;
