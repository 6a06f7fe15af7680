// A running call: the compiled machine, its log, and the timers. Persists as the log (source of truth)
// plus a snapshot cache; restores from the snapshot when it still fits, else by replaying the log.
//
// Why the log leads: every event carries its own time, so replaying it through the same flow version
// reproduces the state exactly with no clock at all, and it survives machine changes that would break a
// snapshot. The snapshot only saves replay time; a version or status mismatch falls back to the log.

import { createActor, type Actor, type SnapshotFrom } from 'xstate';
import { CALL_MACHINE_VERSION, compileFlow, type CallMachine } from './compile';
import type { FlowDefinition } from '../flows/types';
import type { Clock } from './clock';
import type { CallStart } from './context';
import type { CallCommand, CallEvent } from './events';
import { holdTimerActor } from './holdTimer';
import {
  annotate,
  annotationsOf,
  isNoteEvent,
  NO_ANNOTATIONS,
  withAnnotations,
  type CallAnnotations,
} from './notes';
import { statePath, type CallRecordEvent } from './record';
import { ReplayGate } from './replayGate';
import type { Scheduler } from './scheduler';

export type CallSnapshot = SnapshotFrom<CallMachine>;
export type CallActor = Actor<CallMachine>;

/** What to store for a call: enough to bring it back after a reload. */
export interface PersistedCall {
  machineVersion: number;
  flowId: string;
  flowVersion: number;
  log: CallRecordEvent[];
  /** actor.getPersistedSnapshot(): a cache, trusted only when versions match and it restores cleanly. */
  snapshot: unknown;
}

export interface SendResult {
  /** False when the event changed nothing (not available now): nothing is recorded. */
  accepted: boolean;
  /** Set when the engine refused the action with a reason (the event is still recorded). */
  notice: CallSnapshot['context']['notice'];
}

export interface CallSession {
  readonly flow: FlowDefinition;
  /** For `useSelector(session.actor, …)`; send through `send`, never to the actor directly. */
  readonly actor: CallActor;
  send(command: CallCommand): SendResult;
  /** The machine's snapshot with what was recorded beside it (a callback promised after a break-off). */
  getSnapshot(): CallSnapshot;
  /** Care flags, the client's kind and a late callback: recorded beside the machine (notes.ts). */
  annotations(): CallAnnotations;
  log(): readonly CallRecordEvent[];
  /** Called with each new record, e.g. to append it to the database. */
  onRecord(listener: (record: CallRecordEvent) => void): () => void;
  persist(): PersistedCall;
  stop(): void;
}

export interface SessionOptions {
  flow: FlowDefinition;
  clock: Clock;
  /**
   * Arms the hold timers: the app passes setTimeout against its clock (src/services/clock.ts), tests, the
   * simulator and the editor's sandbox a ManualScheduler, a read-only copy one that never fires.
   */
  scheduler: Scheduler;
  /** Effects the edge supplies (sound on hold warning, saving the callback task…). */
  provide?: Parameters<CallMachine['provide']>[0];
}

function record(
  flow: FlowDefinition,
  seq: number,
  callId: string,
  event: CallRecordEvent['event'],
  snap: CallSnapshot,
) {
  return {
    seq,
    at: event.at,
    callId,
    flowId: flow.id,
    flowVersion: flow.version,
    event,
    after: { state: statePath(snap.value), stepId: snap.context.stepId },
  } satisfies CallRecordEvent;
}

/** Builds a session around an actor fed by a gate that holds timers until `release()`. */
function buildSession(
  opts: SessionOptions,
  makeActor: (machine: CallMachine) => CallActor,
  log: CallRecordEvent[],
) {
  const { flow, clock } = opts;
  const gate = new ReplayGate(opts.scheduler);
  const listeners = new Set<(r: CallRecordEvent) => void>();
  let actor: CallActor | null = null;
  let notes: CallAnnotations = NO_ANNOTATIONS;
  let view: { raw: CallSnapshot; notes: CallAnnotations; snap: CallSnapshot } | null = null;

  const append = (event: CallEvent, after: CallSnapshot) => {
    const entry = record(flow, log.length, after.context.callId, event, after);
    log.push(entry);
    listeners.forEach((l) => l(entry));
  };

  const dispatch = (event: CallEvent): SendResult => {
    if (!actor) return { accepted: false, notice: null };
    const before = actor.getSnapshot();
    const ended = before.status === 'done';
    // Notes, and anything once the machine has ended, are recorded beside it: a final state takes nothing.
    if (isNoteEvent(event) || ended) {
      if (before.status !== 'active' && !ended) return { accepted: false, notice: null };
      const result = annotate(notes, event, before.context, ended);
      if (!result.accepted) return { accepted: false, notice: result.notice };
      notes = result.annotations;
      append(event, before);
      return { accepted: true, notice: null };
    }
    if (before.status !== 'active' || !before.can(event)) return { accepted: false, notice: null };
    actor.send(event);
    const after = actor.getSnapshot();
    append(event, after);
    return { accepted: true, notice: after.context.notice };
  };

  // The same object while nothing changed, so callers may compare snapshots by identity.
  const snapshot = (): CallSnapshot => {
    if (!actor) throw new Error('session has no actor');
    const raw = actor.getSnapshot();
    if (view?.raw !== raw || view.notes !== notes) view = { raw, notes, snap: withAnnotations(raw, notes) };
    return view.snap;
  };

  const lastAt = () => log.at(-1)?.at ?? 0;
  const machine = compileFlow(flow).provide({
    ...opts.provide,
    actors: {
      holdTimer: holdTimerActor(gate, (event) => dispatch({ ...event, at: Math.max(event.at, lastAt()) })),
    },
  });
  actor = makeActor(machine);

  const session: CallSession = {
    flow,
    actor,
    // Time never runs backwards in a record, even if the wall clock does.
    send: (command) => dispatch({ ...command, at: Math.max(clock.now(), lastAt()) }),
    getSnapshot: snapshot,
    annotations: () => notes,
    log: () => log,
    onRecord(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    persist: () => ({
      machineVersion: CALL_MACHINE_VERSION,
      flowId: flow.id,
      flowVersion: flow.version,
      log: [...log],
      snapshot: actor.getPersistedSnapshot(),
    }),
    stop: () => actor.stop(),
  };
  /** After a resume: the notes the stored log carries. */
  const restoreNotes = () => {
    notes = annotationsOf(log, actor.getSnapshot().context);
  };
  return { session, gate, machine, restoreNotes };
}

/** Starts a call now; the first record carries the start so the log alone can rebuild the call. */
export function startCall(opts: SessionOptions & { start: Omit<CallStart, 'startedAt'> }): CallSession {
  const start: CallStart = { ...opts.start, startedAt: opts.clock.now() };
  const log: CallRecordEvent[] = [];
  const { session, gate } = buildSession(opts, (m) => createActor(m, { input: start }), log);
  session.actor.start();
  log.push(
    record(
      opts.flow,
      0,
      start.callId,
      { type: 'call.started', at: start.startedAt, start },
      session.getSnapshot(),
    ),
  );
  gate.release();
  return session;
}

export type ResumeResult =
  | { ok: true; session: CallSession; from: 'snapshot' | 'replay' }
  | { ok: false; error: 'emptyLog' | 'flowMismatch' | 'replayFailed'; detail?: string };

type LogCheck = { error: 'emptyLog' | 'flowMismatch' } | { start: CallStart };

function checkLog(flow: FlowDefinition, log: readonly CallRecordEvent[]): LogCheck {
  const first = log[0];
  if (!first || first.event.type !== 'call.started') return { error: 'emptyLog' };
  if (log.some((r) => r.flowId !== flow.id || r.flowVersion !== flow.version))
    return { error: 'flowMismatch' };
  return { start: first.event.start };
}

/**
 * Feeds a log's events to a fresh actor for `flow`; used by resume and by `replayCall`. What was recorded
 * beside the machine (notes.ts) is left out here and read from the log by `annotationsOf`.
 */
export function replayInto(actor: CallActor, log: readonly CallRecordEvent[]): void {
  for (const r of log) {
    const e = r.event;
    if (e.type === 'call.started' || isNoteEvent(e) || actor.getSnapshot().status !== 'active') continue;
    actor.send(e);
  }
}

/**
 * Brings a stored call back. Timers are held while the state is rebuilt and armed afterwards against
 * the real clock, so a running hold fires at its stored deadline — or at once if that has passed.
 */
export function resumeCall(opts: SessionOptions & { stored: PersistedCall }): ResumeResult {
  const { flow, stored } = opts;
  const checked = checkLog(flow, stored.log);
  if ('error' in checked) return { ok: false, error: checked.error };
  const log = [...stored.log];

  if (stored.machineVersion === CALL_MACHINE_VERSION && stored.snapshot) {
    const built = buildSession(
      opts,
      (m) => createActor(m, { snapshot: stored.snapshot as CallSnapshot, input: checked.start }),
      log,
    ); // checked by status below
    const snap = built.session.getSnapshot();
    if (
      snap.status !== 'error' &&
      snap.context.callId === checked.start.callId &&
      log.at(-1)?.after.state === statePath(snap.value)
    ) {
      built.session.actor.start();
      built.restoreNotes();
      built.gate.release();
      return { ok: true, session: built.session, from: 'snapshot' };
    }
  }

  try {
    const built = buildSession(opts, (m) => createActor(m, { input: checked.start }), log);
    built.session.actor.start();
    replayInto(built.session.actor, log);
    built.restoreNotes();
    built.gate.release();
    return { ok: true, session: built.session, from: 'replay' };
  } catch (e) {
    return { ok: false, error: 'replayFailed', detail: e instanceof Error ? e.message : String(e) };
  }
}
