// The shell hands the operator's call screen to the editor's sandbox through this slot, so that no
// workspace imports another.
import { createContext, useContext, type ComponentType } from 'react';

const CallScreenContext = createContext<ComponentType | null>(null);

/** The shell provides the operator workspace here. */
export const CallScreenProvider = CallScreenContext.Provider;

/** The call screen to render a call with; null outside the shell (tests render it themselves). */
export function useCallScreen(): ComponentType | null {
  return useContext(CallScreenContext);
}
