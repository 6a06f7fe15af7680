// The call owner as a machine: which call this tab shows, and whether it owns it (Web Lock + fencing
// epoch), mirrors another tab's, or keeps it in memory because storage failed. Every step that waits on
// the lock or on storage is a state with an invoked actor; the bodies are in ownerEffects.ts.
import { assertEvent, assign, enqueueActions, fromCallback, setup, type SnapshotFrom } from 'xstate';
import type { CallbackTask, CallRecordEvent, CallSession, CallSnapshot } from '../../calls';
import {
  appendCallEvent,
  CallBusyError,
  CallFencedError,
  claimCallOwnership,
  findActiveCall,
  reportStorageProblem,
  watchActiveCall,
  type CallRow,
} from '../../db';
import type { FlowDefinition } from '../../flows/types';
import type { LockHandle, LockMode } from './lock';
import {
  summaryPatch,
  type Begun,
  type LiveCall,
  type OwnerDeps,
  type OwnerEffects,
  type Prefill,
  type RestoreProblem,
  type Resumed,
  type StartRequest,
} from './ownerEffects';
import type { StartCallOptions, StoredState, WrapUp } from './types';

export interface Reply<T> {
  resolve(value: T): void;
  reject(error: unknown): void;
}

type ActiveNews = { id: string; lastSeq: number } | null;
type Write = {
  type: 'write';
  record: CallRecordEvent;
  row: CallRow;
  callback: CallbackTask | null;
  state: StoredState;
};

export type OwnerEvent =
  | { type: 'storage.activeChanged'; active: ActiveNews }
  | { type: 'engine.recorded'; record: CallRecordEvent; view: CallSnapshot }
  | { type: 'storage.committed'; state: StoredState }
  | { type: 'storage.failed'; error: unknown }
  | { type: 'storage.fenced' }
  | { type: 'lock.lost' }
  | { type: 'operator.start'; options: StartCallOptions; reply: Reply<Prefill[]> }
  | { type: 'operator.finish'; wrapUp: WrapUp; reply: Reply<void> }
  | { type: 'operator.takeOver' }
  | { type: 'app.disposed' }
  // What the steps that wait on storage or the lock report.
  | { type: 'storage.found'; callId: string | null }
  | { type: 'lock.acquired'; handle: LockHandle | null }
  | { type: 'storage.claimed'; epoch: number }
  | { type: 'storage.resumed'; result: Resumed }
  | { type: 'storage.mirrorLoaded'; call: LiveCall | null }
  | { type: 'storage.prepared'; flow: FlowDefinition; task: StartRequest['task'] }
  | { type: 'storage.begun'; begun: Begun }
  | { type: 'storage.finished' }
  | { type: 'storage.error'; error: unknown };

/**
 * A step that waits on storage or the lock, as an invoked actor: its result comes back as one named
 * event, and nothing comes back once the machine has left the state that invoked it.
 */
function waitingStep<I, T>(
  run: (input: I, signal: AbortSignal) => Promise<T>,
  done: (output: T) => OwnerEvent,
) {
  return fromCallback<OwnerEvent, I>(({ input, sendBack }) => {
    const abort = new AbortController();
    run(input, abort.signal).then(
      (output) => abort.signal.aborted || sendBack(done(output)),
      (error: unknown) => abort.signal.aborted || sendBack({ type: 'storage.error', error }),
    );
    return () => abort.abort();
  });
}

type Claim = { callId: string; lock: LockHandle | null; epoch: number };

interface OwnerContext {
  /** The call on screen, owned or mirrored as the state says. */
  call: LiveCall | null;
  problem: RestoreProblem | null;
  /** The latest news of the stored active call not yet acted on (undefined: none). */
  news: ActiveNews | undefined;
  /** The call being taken: its lock and the epoch claimed (0: the lease write failed). */
  claim: Claim | null;
  start: {
    options: StartCallOptions;
    reply: Reply<Prefill[]>;
    flow?: FlowDefinition;
    request?: StartRequest;
  } | null;
  /** The wrap-up to store; in memory the whole log goes with it. */
  finish: { wrapUp: WrapUp; reply: Reply<void>; inMemory: boolean } | null;
}

export function callOwnerMachine(deps: OwnerDeps, effects: OwnerEffects) {
  const { db, lock } = deps;
  return setup({
    types: { context: {} as OwnerContext, events: {} as OwnerEvent },
    actors: {
      watchActiveCall: fromCallback<OwnerEvent>(({ sendBack }) =>
        db
          ? watchActiveCall(
              db,
              (active) => sendBack({ type: 'storage.activeChanged', active }),
              reportStorageProblem,
            )
          : undefined,
      ),
      findActiveCall: waitingStep(
        async () => (db ? ((await findActiveCall(db))?.row.id ?? null) : null),
        (callId) => ({ type: 'storage.found', callId }),
      ),
      acquireLock: waitingStep(
        async (input: { mode: LockMode; timeoutMs?: number }, signal) => {
          const wait = input.timeoutMs
            ? AbortSignal.any([signal, AbortSignal.timeout(input.timeoutMs)])
            : signal;
          const handle = await lock.acquire(input.mode, wait);
          // Granted just as the machine moved on: nobody would hold it.
          if (signal.aborted) handle?.release();
          return handle;
        },
        (handle) => ({ type: 'lock.acquired', handle }),
      ),
      claimEpoch: waitingStep(
        () => (db ? claimCallOwnership(db) : Promise.resolve(0)),
        (epoch) => ({ type: 'storage.claimed', epoch }),
      ),
      resumeOwned: waitingStep(
        (claim: Claim) => {
          if (!claim.lock) throw new Error('resuming without the lock');
          return effects.resumeOwned(claim.callId, claim.lock, claim.epoch);
        },
        (result) => ({ type: 'storage.resumed', result }),
      ),
      loadMirror: waitingStep(
        async () => effects.loadMirror(db ? await findActiveCall(db) : null),
        (call) => ({ type: 'storage.mirrorLoaded', call }),
      ),
      prepareStart: waitingStep(
        (options: StartCallOptions) => effects.prepareStart(options),
        (prepared) => ({ type: 'storage.prepared', ...prepared }),
      ),
      beginCall: waitingStep(
        (request: StartRequest) => effects.begin(request),
        (begun) => ({ type: 'storage.begun', begun }),
      ),
      finishCall: waitingStep(
        (input: { call: LiveCall; wrapUp: WrapUp; inMemory: boolean }) =>
          effects.finish(input.call, input.wrapUp, input.inMemory),
        () => ({ type: 'storage.finished' }),
      ),
      /** Each event the engine records, with the state it led to. */
      followEngine: fromCallback<OwnerEvent, CallSession>(({ input: session, sendBack }) =>
        session.onRecord((record) =>
          sendBack({ type: 'engine.recorded', record, view: session.getSnapshot() }),
        ),
      ),
      watchLockLoss: fromCallback<OwnerEvent, LockHandle | null>(({ input, sendBack }) => {
        let on = true;
        void input?.lost.then(() => on && sendBack({ type: 'lock.lost' }));
        return () => (on = false);
      }),
      /** Appends events one after another in log order; reports each commit, a failure or a fence. */
      storeEvents: fromCallback<Write, { epoch: number }>(({ input, receive, sendBack }) => {
        let chain = Promise.resolve();
        let on = true;
        receive(({ record, row, callback, state }) => {
          chain = chain.then(async () => {
            if (!on || !db) return;
            try {
              await appendCallEvent(db, { record, row, callback, epoch: input.epoch });
              if (on) sendBack({ type: 'storage.committed', state });
            } catch (error) {
              if (!on) return;
              on = false;
              sendBack(
                error instanceof CallFencedError
                  ? { type: 'storage.fenced' }
                  : { type: 'storage.failed', error },
              );
            }
          });
        });
        return () => (on = false);
      }),
    },
    guards: {
      hasStorage: () => db !== null,
      isFound: ({ event }) => event.type === 'storage.found' && event.callId !== null,
      hasLock: ({ event }) => event.type === 'lock.acquired' && event.handle !== null,
      isOwned: ({ event }) => event.type === 'storage.resumed' && event.result.kind === 'owned',
      isOwnedInMemory: ({ event }) =>
        event.type === 'storage.resumed' && event.result.kind === 'owned' && !event.result.stored,
      isRestoreFailed: ({ event }) => event.type === 'storage.resumed' && event.result.kind === 'failed',
      isMirrorLoaded: ({ event }) => event.type === 'storage.mirrorLoaded' && event.call !== null,
      isBegunStored: ({ event }) => event.type === 'storage.begun' && event.begun.stored,
      isFenced: ({ event }) => event.type === 'storage.error' && event.error instanceof CallFencedError,
      hasNews: ({ context }) => context.news !== undefined,
      hasActiveNews: ({ context }) => context.news !== undefined && context.news !== null,
      isCallGone: ({ context }) => context.news === null,
      isMirrorStale: ({ context: { news, call } }) =>
        !!news && (news.id !== call?.callId || news.lastSeq !== call.session.log().length - 1),
    },
    actions: {
      keepNews: assign({
        news: ({ event }) => (event.type === 'storage.activeChanged' ? event.active : undefined),
      }),
      clearNews: assign({ news: undefined }),
      refuseStart: ({ event }) => {
        if (event.type === 'operator.start')
          event.reply.reject(new CallBusyError('a call is already in progress'));
      },
      refuseFinish: ({ event }) => {
        if (event.type === 'operator.finish') event.reply.reject(new Error('no call owned by this tab'));
      },
      acceptStart: assign({
        start: ({ event }) => {
          assertEvent(event, 'operator.start');
          return { options: event.options, reply: event.reply };
        },
      }),
      acceptFinish: assign({
        finish: ({ event }, params: { inMemory: boolean }) => {
          assertEvent(event, 'operator.finish');
          return { wrapUp: event.wrapUp, reply: event.reply, ...params };
        },
      }),
      /** Stops the engine of the call on screen, before another replaces it or none does. */
      stopShownCall: ({ context }) => context.call?.session.stop(),
      takeCall: assign(({ event }) => {
        let call: LiveCall | null = null;
        if (event.type === 'storage.resumed' && event.result.kind === 'owned') call = event.result.call;
        if (event.type === 'storage.mirrorLoaded') call = event.call;
        if (event.type === 'storage.begun') call = event.begun.call;
        return { call, claim: null };
      }),
      dropCall: assign({ call: null, claim: null }),
      releaseLock: ({ context }) => context.call?.lock?.release(),
      releaseAll: ({ context }) => {
        context.call?.lock?.release();
        context.claim?.lock?.release();
        context.start?.request?.lock?.release();
      },
      claimFound: assign({
        claim: ({ event }) => {
          assertEvent(event, 'storage.found');
          return { callId: event.callId ?? '', lock: null, epoch: 0 };
        },
      }),
      claimShown: assign({
        claim: ({ context }) => ({ callId: context.call?.callId ?? '', lock: null, epoch: 0 }),
      }),
      keepLock: assign({
        claim: ({ context, event }) => {
          assertEvent(event, 'lock.acquired');
          return { callId: context.claim?.callId ?? '', epoch: 0, lock: event.handle };
        },
      }),
      keepEpoch: assign({
        claim: ({ context, event }) => {
          assertEvent(event, 'storage.claimed');
          return context.claim && { ...context.claim, epoch: event.epoch };
        },
      }),
      noteProblem: assign({
        problem: ({ context, event }) =>
          event.type === 'storage.resumed' && event.result.kind === 'failed'
            ? event.result.problem
            : context.problem,
      }),
      reportProblem: ({ event }) => {
        if ('error' in event) reportStorageProblem(event.error);
      },
      keepPrepared: assign({
        start: ({ context, event }) => {
          assertEvent(event, 'storage.prepared');
          const { flow, task } = event;
          return (
            context.start && {
              ...context.start,
              request: { options: context.start.options, flow, task, lock: null, epoch: 0 },
            }
          );
        },
      }),
      keepStartLock: assign({
        start: ({ context: { start }, event }) => {
          assertEvent(event, 'lock.acquired');
          return start?.request ? { ...start, request: { ...start.request, lock: event.handle } } : start;
        },
      }),
      keepStartEpoch: assign({
        start: ({ context: { start }, event }) => {
          assertEvent(event, 'storage.claimed');
          return start?.request ? { ...start, request: { ...start.request, epoch: event.epoch } } : start;
        },
      }),
      resolveStart: ({ context, event }) => {
        assertEvent(event, 'storage.begun');
        context.start?.reply.resolve(event.begun.prefills);
      },
      rejectStart: ({ context, event }) => {
        context.start?.request?.lock?.release();
        context.start?.reply.reject(
          event.type === 'storage.error' ? event.error : new CallBusyError('another tab holds the call'),
        );
      },
      clearStart: assign({ start: null }),
      resolveFinish: ({ context }) => context.finish?.reply.resolve(),
      rejectFinish: ({ context, event }) => {
        assertEvent(event, 'storage.error');
        context.finish?.reply.reject(event.error);
      },
      /**
       * This tab is the only writer of the active call's row: it keeps it and stores it whole, with the
       * callback task an event created, once; later writes leave the callbacks queue alone.
       */
      storeRecord: enqueueActions(({ context: { call }, event, enqueue }, params: { write: boolean }) => {
        if (!call || event.type !== 'engine.recorded') return;
        const { record, view } = event;
        const row: CallRow = { ...call.row, ...summaryPatch(view.context), lastSeq: record.seq };
        const task = view.context.callback;
        const callback = task && task.id !== call.filedCallback ? task : null;
        enqueue.assign({ call: { ...call, row, filedCallback: task?.id ?? call.filedCallback } });
        const state: StoredState = { view, events: record.seq + 1 };
        if (params.write)
          enqueue.sendTo('storeEvents', { type: 'write', record, row, callback, state } satisfies Write);
        else call.committed.send({ type: 'storage.committed', state });
      }),
      commit: ({ context, event }) => {
        assertEvent(event, 'storage.committed');
        context.call?.committed.send(event);
      },
      /** In memory the screen follows the engine: everything it holds is kept. */
      commitAll: ({ context: { call } }) =>
        call?.committed.send({
          type: 'storage.committed',
          state: { view: call.session.getSnapshot(), events: call.session.log().length },
        }),
    },
  }).createMachine({
    id: 'callOwner',
    context: { call: null, problem: null, news: undefined, claim: null, start: null, finish: null },
    invoke: { src: 'watchActiveCall' },
    on: {
      'storage.activeChanged': { actions: 'keepNews' },
      'operator.start': { actions: 'refuseStart' },
      'operator.finish': { actions: 'refuseFinish' },
      'app.disposed': { target: '.disposed', actions: ['releaseAll', 'stopShownCall'] },
    },
    initial: 'adopting',
    states: {
      idle: {
        tags: ['settled'],
        always: [
          { guard: 'hasActiveNews', target: 'adopting' },
          { guard: 'hasNews', actions: 'clearNews' },
        ],
        on: { 'operator.start': { target: 'starting', actions: 'acceptStart' } },
      },
      // A call left active in storage: resume it here if no tab owns it, else show it read-only.
      adopting: {
        entry: 'clearNews',
        invoke: { src: 'findActiveCall' },
        on: {
          'storage.found': [
            { guard: 'isFound', target: 'locking', actions: 'claimFound' },
            { target: 'idle' },
          ],
          'storage.error': { target: 'idle', actions: 'reportProblem' },
        },
      },
      locking: {
        invoke: { src: 'acquireLock', input: { mode: 'ifAvailable' } },
        on: {
          'lock.acquired': [
            { guard: 'hasLock', target: 'claiming', actions: 'keepLock' },
            { target: 'loadingMirror' },
          ],
          'storage.error': 'loadingMirror',
        },
      },
      // With the lock: bump the epoch, then read the log, so nothing the old owner stored is missed.
      claiming: {
        invoke: { src: 'claimEpoch' },
        on: {
          'storage.claimed': { target: 'resuming', actions: 'keepEpoch' },
          // A full disk refuses the lease write: the call goes on here in memory.
          'storage.error': { target: 'resuming', actions: 'reportProblem' },
        },
      },
      resuming: {
        invoke: {
          src: 'resumeOwned',
          input: ({ context }) => context.claim ?? { callId: '', lock: null, epoch: 0 },
        },
        on: {
          'storage.resumed': [
            { guard: 'isOwnedInMemory', target: 'owner.memory', actions: ['stopShownCall', 'takeCall'] },
            { guard: 'isOwned', target: 'owner.stored', actions: ['stopShownCall', 'takeCall'] },
            {
              guard: 'isRestoreFailed',
              target: 'idle',
              actions: ['noteProblem', 'stopShownCall', 'dropCall'],
            },
            { target: 'idle', actions: ['stopShownCall', 'dropCall'] },
          ],
          'storage.error': {
            target: 'idle',
            actions: ['releaseAll', 'stopShownCall', 'dropCall', 'reportProblem'],
          },
        },
      },
      loadingMirror: {
        entry: 'clearNews',
        invoke: { src: 'loadMirror' },
        on: {
          'storage.mirrorLoaded': [
            { guard: 'isMirrorLoaded', target: 'mirror', actions: ['stopShownCall', 'takeCall'] },
            { target: 'idle', actions: ['stopShownCall', 'dropCall'] },
          ],
          'storage.error': { target: 'idle', actions: ['stopShownCall', 'dropCall', 'reportProblem'] },
        },
      },
      // Another tab owns the call: show it, wait for that tab to close, or take the call when asked.
      mirror: {
        tags: ['settled'],
        always: [
          { guard: 'isCallGone', target: 'idle', actions: ['clearNews', 'stopShownCall', 'dropCall'] },
          { guard: 'isMirrorStale', target: 'loadingMirror' },
          { guard: 'hasNews', actions: 'clearNews' },
        ],
        entry: 'claimShown',
        invoke: { src: 'acquireLock', input: { mode: 'wait' } },
        on: {
          'lock.acquired': { guard: 'hasLock', target: 'claiming', actions: 'keepLock' },
          'operator.takeOver': 'takingOver',
        },
      },
      takingOver: {
        invoke: { src: 'acquireLock', input: { mode: 'steal' } },
        on: {
          'lock.acquired': [
            { guard: 'hasLock', target: 'claiming', actions: 'keepLock' },
            { target: 'mirror' },
          ],
          'storage.error': 'mirror',
        },
      },
      starting: {
        initial: 'preparing',
        on: { 'storage.error': { target: 'idle', actions: ['rejectStart', 'clearStart'] } },
        states: {
          preparing: {
            invoke: { src: 'prepareStart', input: ({ context }) => context.start!.options },
            on: {
              'storage.prepared': [
                { guard: 'hasStorage', target: 'locking', actions: 'keepPrepared' },
                { target: 'beginning', actions: 'keepPrepared' },
              ],
            },
          },
          locking: {
            invoke: { src: 'acquireLock', input: { mode: 'wait', timeoutMs: 3000 } },
            on: {
              'lock.acquired': [
                { guard: 'hasLock', target: 'claiming', actions: 'keepStartLock' },
                { target: '#callOwner.idle', actions: ['rejectStart', 'clearStart'] },
              ],
            },
          },
          claiming: {
            invoke: { src: 'claimEpoch' },
            on: {
              'storage.claimed': { target: 'beginning', actions: 'keepStartEpoch' },
              'storage.error': { target: 'beginning', actions: 'reportProblem' },
            },
          },
          beginning: {
            invoke: { src: 'beginCall', input: ({ context }) => context.start!.request! },
            on: {
              'storage.begun': [
                {
                  guard: 'isBegunStored',
                  target: '#callOwner.owner.stored',
                  actions: ['takeCall', 'resolveStart', 'clearStart'],
                },
                { target: '#callOwner.owner.memory', actions: ['takeCall', 'resolveStart', 'clearStart'] },
              ],
            },
          },
        },
      },
      owner: {
        tags: ['settled'],
        invoke: [
          { src: 'followEngine', input: ({ context }) => context.call!.session },
          { src: 'watchLockLoss', input: ({ context }) => context.call?.lock ?? null },
        ],
        // This tab writes the call: news of it is its own.
        always: { guard: 'hasNews', actions: 'clearNews' },
        on: { 'lock.lost': { target: 'loadingMirror', actions: 'releaseLock' } },
        initial: 'stored',
        states: {
          stored: {
            invoke: {
              id: 'storeEvents',
              src: 'storeEvents',
              input: ({ context }) => ({ epoch: context.call?.epoch ?? 0 }),
            },
            on: {
              'engine.recorded': { actions: { type: 'storeRecord', params: { write: true } } },
              'storage.committed': { actions: 'commit' },
              'storage.failed': { target: 'memory', actions: 'reportProblem' },
              // Another tab took the call: stop writing at once, then show its call read-only.
              'storage.fenced': { target: '#callOwner.loadingMirror', actions: 'releaseLock' },
              'operator.finish': {
                target: '#callOwner.finishing',
                actions: { type: 'acceptFinish', params: { inMemory: false } },
              },
            },
          },
          memory: {
            entry: 'commitAll',
            on: {
              'engine.recorded': { actions: { type: 'storeRecord', params: { write: false } } },
              'operator.finish': {
                target: '#callOwner.finishing',
                actions: { type: 'acceptFinish', params: { inMemory: true } },
              },
            },
          },
          resume: { type: 'history' },
        },
      },
      finishing: {
        invoke: { src: 'finishCall', input: ({ context }) => ({ call: context.call!, ...context.finish! }) },
        on: {
          'storage.finished': {
            target: 'idle',
            actions: ['releaseLock', 'stopShownCall', 'dropCall', 'resolveFinish'],
          },
          'storage.error': [
            { guard: 'isFenced', target: 'loadingMirror', actions: ['releaseLock', 'rejectFinish'] },
            { target: 'owner.resume', actions: 'rejectFinish' },
          ],
        },
      },
      disposed: { type: 'final' },
    },
  });
}

export type CallOwnerSnapshot = SnapshotFrom<ReturnType<typeof callOwnerMachine>>;
