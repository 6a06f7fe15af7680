import { useCallback, useState } from 'react';
import type { CallCommand, SendResult } from '../calls';
import type { ActiveCall } from '../services/callOwner/types';

export type Send = (command: CallCommand) => Promise<SendResult | null>;

/**
 * Sends through the controller and waits until the event is stored, so the screen only moves on with a
 * saved record. A read-only tab sends nothing. A failure is shown, never thrown into React.
 */
export function useCallSend(call: ActiveCall): { send: Send; failed: boolean } {
  const [failed, setFailed] = useState(false);
  const send = useCallback<Send>(
    async (command) => {
      if (call.readOnly) return null;
      try {
        const result = await call.send(command);
        setFailed(false);
        return result;
      } catch {
        setFailed(true);
        return null;
      }
    },
    [call],
  );
  return { send, failed };
}
