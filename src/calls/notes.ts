// What the session records beside the call machine: notes on the caller (care flags, citizen or business),
// which change no step, and a callback promised after a break-off, when the machine has already ended.
// Like every event they are in the log, so a replay or a resumed call rebuilds them from it.

import { callbackTask, checkCallbackEvent } from './callbackTask';
import type { CallbackTask, CallContext, Notice } from './context';
import { CARE_FLAGS, PERSON_KINDS, type CallEvent, type CareFlag, type PersonKind } from './events';
import type { CallRecordEvent } from './record';

export interface CallAnnotations {
  /** In the catalogue's order, each at most once. */
  care: CareFlag[];
  /** Null until the operator says (the caller card shows citizen by default). */
  person: PersonKind | null;
  /** A callback promised after the call broke off: the call's own `callback` stays null in the machine. */
  lateCallback: CallbackTask | null;
}

export const NO_ANNOTATIONS: CallAnnotations = { care: [], person: null, lateCallback: null };

type NoteEvent = Extract<CallEvent, { type: 'operator.careFlags' | 'operator.personKind' }>;

/** Events the machine never sees: facts about the caller that no step depends on. */
export function isNoteEvent(event: CallEvent): event is NoteEvent {
  return event.type === 'operator.careFlags' || event.type === 'operator.personKind';
}

export type AnnotateResult =
  { accepted: true; annotations: CallAnnotations } | { accepted: false; notice: Notice | null };

const IGNORED: AnnotateResult = { accepted: false, notice: null };

/**
 * Applies an event the machine does not take: a note (at any time), or, once the machine has ended
 * with a break-off, the promise of a callback. Anything else, or a malformed event from a stored log
 * or a script, is not accepted and changes nothing.
 */
export function annotate(
  notes: CallAnnotations,
  event: CallEvent,
  ctx: CallContext,
  ended: boolean,
): AnnotateResult {
  switch (event.type) {
    case 'operator.careFlags': {
      const given: unknown = event.flags;
      if (!Array.isArray(given)) return IGNORED;
      return { accepted: true, annotations: { ...notes, care: CARE_FLAGS.filter((f) => given.includes(f)) } };
    }
    case 'operator.personKind': {
      const person = PERSON_KINDS.find((p) => p === event.person);
      return person ? { accepted: true, annotations: { ...notes, person } } : IGNORED;
    }
    case 'operator.callback': {
      if (!ended || ctx.end?.reason !== 'brokenOff' || ctx.callback || notes.lateCallback) return IGNORED;
      const code = checkCallbackEvent(ctx, event);
      if (code !== null)
        return { accepted: false, notice: { code, at: event.at, params: {}, alternatives: [] } };
      return { accepted: true, annotations: { ...notes, lateCallback: callbackTask(ctx, event) } };
    }
    default:
      return IGNORED;
  }
}

/**
 * The annotations a stored log carries. `ctx` is the machine's context after the log (it does not change
 * after the end, so a late callback sees what it saw when it was promised); a record made after the end
 * follows one whose state is `ended`.
 */
export function annotationsOf(log: readonly CallRecordEvent[], ctx: CallContext): CallAnnotations {
  let notes = NO_ANNOTATIONS;
  log.forEach((r, i) => {
    if (r.event.type === 'call.started') return;
    const ended = log[i - 1]?.after.state === 'ended';
    if (!ended && !isNoteEvent(r.event)) return;
    const result = annotate(notes, r.event, ctx, ended);
    if (result.accepted) notes = result.annotations;
  });
  return notes;
}

/**
 * The call as its record reads: a callback promised after the break-off is the call's callback and
 * settles its outcome, so storage files the task and the summary says a callback was promised.
 */
export function withAnnotations<S extends { context: CallContext }>(snapshot: S, notes: CallAnnotations): S {
  const late = notes.lateCallback;
  if (!late) return snapshot;
  const ctx = snapshot.context;
  return {
    ...snapshot,
    context: {
      ...ctx,
      callback: late,
      outcome: ctx.outcome ?? { kind: 'callback', at: late.createdAt },
      offerCallback: null,
    },
  };
}
