// Replays a call's log through the same flow version, with no timers and no clock: the events carry
// their own times, so the result is exactly the state the call was in when the last event was recorded.

import { createActor } from 'xstate';
import { compileFlow } from './compile';
import type { FlowDefinition } from '../flows/types';
import type { CallbackTask } from './context';
import { handoverOf, type Handover } from './handover';
import type { CallRecordEvent } from './record';
import { annotationsOf, withAnnotations } from './notes';
import { replayInto, type CallSnapshot } from './session';

export type ReplayResult =
  { ok: true; snapshot: CallSnapshot } | { ok: false; error: 'emptyLog' | 'flowMismatch' | 'notReplayable' };

/**
 * A flow version's machine, compiled once: the server replays every completed call (its figures, its
 * callback, its handover), and compiling took as long as replaying. A machine holds no state of a call.
 */
const compiled = new WeakMap<FlowDefinition, ReturnType<typeof compileFlow>>();
function machineOf(flow: FlowDefinition) {
  let machine = compiled.get(flow);
  if (!machine) {
    machine = compileFlow(flow);
    compiled.set(flow, machine);
  }
  return machine;
}

export function replayCall(flow: FlowDefinition, log: readonly CallRecordEvent[]): ReplayResult {
  const first = log[0];
  if (!first || first.event.type !== 'call.started') return { ok: false, error: 'emptyLog' };
  if (log.some((r) => r.flowId !== flow.id || r.flowVersion !== flow.version))
    return { ok: false, error: 'flowMismatch' };
  const actor = createActor(machineOf(flow), { input: first.event.start });
  // A log the engine cannot take (a forged start, say) fails here. Unobserved, XState would rethrow the
  // actor's error later from a timer, where nothing can catch it: on the server, the process would die.
  actor.subscribe({ error: () => undefined });
  actor.start();
  replayInto(actor, log);
  if (actor.getSnapshot().status === 'error') {
    actor.stop();
    return { ok: false, error: 'notReplayable' };
  }
  const raw = actor.getSnapshot();
  const snapshot = withAnnotations(raw, annotationsOf(log, raw.context));
  actor.stop();
  return { ok: true, snapshot };
}

/** The comparable part of a state: what replay must reproduce exactly. */
export function stateFingerprint(s: Pick<CallSnapshot, 'value' | 'context' | 'status'>): string {
  return JSON.stringify({ value: s.value, status: s.status, context: s.context });
}

/**
 * The callback the call's log promised (during the call, or after it broke off), or null: what the
 * server files in the centre's queue from the uploaded events, as the workstation filed it locally.
 */
export function callbackOfLog(
  flow: FlowDefinition,
  log: readonly CallRecordEvent[],
  replayed: ReplayResult = replayCall(flow, log),
): CallbackTask | null {
  return replayed.ok ? replayed.snapshot.context.callback : null;
}

/**
 * The handover the call's latest transfer makes (handover.ts), or null: what the server files from the
 * events. `replayed`: the log's replay through `flow`, when the caller made it already.
 */
export function handoverOfLog(
  flow: FlowDefinition,
  log: readonly CallRecordEvent[],
  replayed: ReplayResult = replayCall(flow, log),
): Handover | null {
  const first = log[0];
  if (!replayed.ok || first?.event.type !== 'call.started') return null;
  const ctx = replayed.snapshot.context;
  return handoverOf(ctx, annotationsOf(log, ctx), first.event.start);
}
