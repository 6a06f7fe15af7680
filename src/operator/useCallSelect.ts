import { useSelector } from '@xstate/react';
import type { AnyActorRef } from 'xstate';
import type { CallSession, CallView } from '../calls';
import { useCallController } from '../services/callOwner/CallControllerContext';
import type { CommittedSnapshot } from '../services/callOwner/committedCall';

/**
 * Selectors build small plain objects and arrays (a stage strip, a caller card): equal by value means
 * no re-render. Walks only as deep as the answers differ, and stops at the first difference.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype) return false;
  const ka = Object.keys(a);
  const ra = a as Record<string, unknown>; // a plain object: checked just above
  const rb = b as Record<string, unknown>;
  return ka.length === Object.keys(b).length && ka.every((k) => k in rb && sameData(ra[k], rb[k]));
}

/**
 * Asks the call one question (an engine selector) about its committed state: the controller's stored
 * state when it keeps one for this session, so a step shows only once its event is stored; else (the
 * editor's sandbox, no controller) the engine itself. Re-renders only when the answer changes.
 */
export function useCallSelect<T>(session: CallSession, select: (s: CallView) => T): T {
  const active = useCallController()?.getActive();
  const stored = active?.session === session ? active.stored : undefined;
  const source: AnyActorRef = stored ?? session.actor;
  return useSelector(
    source,
    // The engine's view carries what was recorded beside the machine (session.getSnapshot()).
    (snapshot: CommittedSnapshot | undefined) =>
      select(stored && snapshot ? snapshot.view : session.getSnapshot()),
    sameData,
  );
}
