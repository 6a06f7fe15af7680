import { useCallback, useSyncExternalStore } from 'react';
import type { CallAnnotations, CallSession } from '../calls';

/** What the call recorded beside its machine (care flags, client kind, a late callback), kept current. */
export function useCallAnnotations(session: CallSession): CallAnnotations {
  const subscribe = useCallback((listener: () => void) => session.onRecord(listener), [session]);
  const read = useCallback(() => session.annotations(), [session]);
  return useSyncExternalStore(subscribe, read);
}
