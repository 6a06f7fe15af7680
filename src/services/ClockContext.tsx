// The wall clock for components, injected: workspaces read the time through `useClock()`, never
// `Date.now()`, so a test or the editor's sandbox can hand them a clock of its own.
import { createContext, useContext } from 'react';
import type { Clock } from '../calls/clock';
import { systemClock } from './clock';

/** The real clock unless a provider hands another (tests, a simulation). */
export const ClockContext = createContext<Clock>(systemClock);

export function useClock(): Clock {
  return useContext(ClockContext);
}
