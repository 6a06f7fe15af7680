// The call controller: drives calls through the engine and keeps their record durable. Each event is
// stored before send() resolves and before the screen shows its effect (the committed state); a reload
// resumes the stored call; one tab owns it (Web Lock + epoch). The states are callOwnerMachine.ts.
import { createActor, waitFor } from 'xstate';
import { pastGreetingOption } from '../../calls/handover';
import type { CallCommand, CallSession, SendResult } from '../../calls';
import { callOwnerMachine, type CallOwnerSnapshot, type Reply } from './callOwnerMachine';
import { browserCallLock } from './lock';
import { ownerEffects, type CallControllerDeps, type LiveCall, type RestoreProblem } from './ownerEffects';
import type { ActiveCall, CallController } from './types';
import { downloadRecordFile } from '../recordFile';
import { askLease, leaseStanding, onLeaseStanding, takeLeaseOver } from '../lease/standing';

export type { CallControllerDeps, RestoreProblem } from './ownerEffects';

export interface AppCallController extends CallController {
  /** Settles once a call left active (reload, crash, another tab) has been restored or mirrored. */
  readonly ready: Promise<void>;
  /** Set when a stored call could not be resumed (its records are kept, the call closed). */
  restoreProblem(): RestoreProblem | null;
  dispose(): void;
}

const REFUSED: SendResult = { accepted: false, notice: null };

const isSettled = (s: CallOwnerSnapshot) => s.hasTag('settled') || s.status !== 'active';

type Mode = Pick<ActiveCall, 'readOnly' | 'storage'>;

/** Owner or mirror, and where the call is kept: null between states, where the screen keeps what it showed. */
function modeOf(s: CallOwnerSnapshot): Mode | null {
  if (s.matches({ owner: 'stored' })) return { readOnly: false, storage: 'stored' };
  if (s.matches({ owner: 'memory' })) return { readOnly: false, storage: 'memory' };
  if (s.matches('mirror')) return { readOnly: true, storage: 'stored' };
  return null;
}

/** Another device of the operator holds the lease: this one shows the call and sends nothing. */
const heldElsewhere = () => leaseStanding() !== 'free';

export function createCallController(deps: CallControllerDeps): AppCallController {
  const filled = {
    ...deps,
    flows: () => (typeof deps.flows === 'function' ? deps.flows() : deps.flows),
    lock: deps.lock ?? browserCallLock(),
    saveFile: deps.saveFile ?? downloadRecordFile,
    newId: deps.newId ?? (() => crypto.randomUUID()),
  };
  const effects = ownerEffects(filled);
  const actor = createActor(callOwnerMachine(filled, effects));
  const listeners = new Set<() => void>();
  let shown: { session: CallSession; view: ActiveCall; tabMode: Mode } | null = null;

  const settled = () => waitFor(actor, isSettled).then(() => undefined);
  const owns = (s: CallOwnerSnapshot, session: CallSession) =>
    s.matches('owner') && s.context.call?.session === session;
  const callOf = (session: CallSession): LiveCall | null => {
    const call = actor.getSnapshot().context.call;
    return call?.session === session ? call : null;
  };

  /** A handed-over call being started: not shown until its start's own events are written. */
  let opening = false;

  /** Resolves once every event the engine recorded so far is stored (or kept), or the call is no longer ours. */
  function written(session: CallSession): Promise<unknown> {
    const events = session.log().length;
    return waitFor(
      actor,
      (s) => !owns(s, session) || (s.context.call?.committed.getSnapshot().events ?? 0) >= events,
    );
  }

  async function send(session: CallSession, command: CallCommand): Promise<SendResult> {
    if (!owns(actor.getSnapshot(), session) || heldElsewhere()) return REFUSED;
    const result = session.send(command);
    await written(session);
    return owns(actor.getSnapshot(), session) ? result : REFUSED;
  }

  /** A fresh object per change, so `getActive()` can feed `useSyncExternalStore`. */
  function viewOf(s: CallOwnerSnapshot): ActiveCall | null {
    const call = s.context.call;
    if (!call) return null;
    const tabMode = modeOf(s) ?? (shown?.session === call.session ? shown.tabMode : null);
    if (!tabMode) return null;
    const elsewhere = heldElsewhere();
    const mode: Mode = { ...tabMode, readOnly: tabMode.readOnly || elsewhere };
    const view = shown?.view;
    if (
      view &&
      shown?.session === call.session &&
      view.readOnly === mode.readOnly &&
      view.storage === mode.storage &&
      view.heldElsewhere === elsewhere
    )
      return view;
    const { session } = call;
    return {
      callId: call.callId,
      session,
      stored: call.committed,
      readOnly: mode.readOnly,
      storage: mode.storage,
      heldElsewhere: elsewhere,
      send: (command) => send(session, command),
      takeOver: async () => {
        // From another device first (the server's lease), then from another tab (the Web Lock).
        if (heldElsewhere() && !(await takeLeaseOver())) return;
        await settled();
        if (callOf(session)) actor.send({ type: 'operator.takeOver' });
        await settled();
      },
      downloadRecord: () => {
        const live = callOf(session);
        if (live) filled.saveFile(effects.recordOf(live, null));
      },
    };
  }

  function show(s: CallOwnerSnapshot) {
    const view = viewOf(s);
    if (view === (shown?.view ?? null)) return;
    const tabMode = modeOf(s) ?? shown?.tabMode;
    shown = view && tabMode ? { session: view.session, view, tabMode } : null;
    listeners.forEach((l) => l());
  }
  actor.subscribe(show);
  // The lease lost or regained turns the call read-only or back, with no change of the machine's state.
  const unheard = onLeaseStanding(() => show(actor.getSnapshot()));
  actor.start();
  // A call resumed here (a reload): this device asks for the operator's lease, in the background.
  const ready = settled().then(() => {
    if (actor.getSnapshot().context.call) askLease();
  });

  function ask<T>(event: (reply: Reply<T>) => Parameters<typeof actor.send>[0]): Promise<T> {
    return new Promise<T>((resolve, reject) => actor.send(event({ resolve, reject })));
  }

  async function start(options: Parameters<CallController['start']>[0]): Promise<ActiveCall> {
    if (heldElsewhere()) throw new Error('The operator’s calls are held on another device.');
    await settled();
    // A handed-over call is shown once what the first desk gave is written: shown at its greeting for the
    // moment of those writes, a number key would name the greeting's option while the call is past it.
    opening = options.handover !== undefined;
    try {
      const prefills = await ask<[string, string][]>((reply) => ({ type: 'operator.start', options, reply }));
      const call = shown?.view;
      if (!call) throw new Error('the call did not start');
      for (const [fieldId, value] of prefills) void call.send({ type: 'operator.capture', fieldId, value });
      // A handed-over caller was greeted at the first desk: the colleague's call begins past the greeting.
      const pass = options.handover ? pastGreetingOption(call.session.flow) : null;
      if (pass) void call.send({ type: 'operator.choose', optionId: pass });
      await written(call.session);
      // The call has begun whatever the network says; the answer may turn it read-only later.
      askLease();
      return shown?.view ?? call;
    } finally {
      if (opening) {
        opening = false;
        listeners.forEach((l) => l());
      }
    }
  }

  async function finish(wrapUp: Parameters<CallController['finish']>[0]): Promise<void> {
    await settled();
    const session = actor.getSnapshot().context.call?.session;
    if (session) await written(session);
    try {
      await ask<void>((reply) => ({ type: 'operator.finish', wrapUp, reply }));
    } finally {
      await settled();
    }
  }

  return {
    ready,
    getActive: () => (opening ? null : (shown?.view ?? null)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    finish,
    restoreProblem: () => actor.getSnapshot().context.problem,
    dispose() {
      unheard();
      if (actor.getSnapshot().status !== 'active') return;
      actor.send({ type: 'app.disposed' });
      actor.stop();
    },
  };
}
