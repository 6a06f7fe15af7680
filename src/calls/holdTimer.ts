// The running hold's timer as an invoked actor: it reads absolute times from its input, so when a call
// is restored the restarted timer fires at the original moments — or at once if they already passed.

import { fromCallback } from 'xstate';
import type { HoldTimerInput } from './callMachine';
import type { CallEvent } from './events';
import type { Scheduler } from './scheduler';

type TimerEvent = Extract<CallEvent, { type: 'clock.holdWarning' | 'clock.holdExpired' }>;

/**
 * `deliver` routes the events through the call session so they are recorded like any other event; the
 * events carry the scheduled time, not the time the page happened to wake up.
 */
export function holdTimerActor(scheduler: Scheduler, deliver: (event: TimerEvent) => void) {
  return fromCallback<CallEvent, HoldTimerInput>(({ input }) => {
    const { holdId, warningAt, deadline } = input;
    const cancels = [
      scheduler.at(warningAt, () => deliver({ type: 'clock.holdWarning', holdId, at: warningAt })),
      scheduler.at(deadline, () => deliver({ type: 'clock.holdExpired', holdId, at: deadline })),
    ];
    return () => cancels.forEach((cancel) => cancel());
  });
}
