import { useSelector } from '@xstate/react';
import type { CallSession, CallView } from '../calls';

// Selectors often build small objects; comparing by value keeps the screen from re-rendering on every
// event that did not change what this part shows.
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Asks the running call one question (an engine selector); re-renders only when the answer changes. */
export function useCallSelect<T>(session: CallSession, select: (s: CallView) => T): T {
  return useSelector(session.actor, select, sameValue);
}
