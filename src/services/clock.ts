// The real clock and timers. The app's edge reads the wall clock and arms setTimeout here, and hands
// both to the pure code (src/calls takes a Clock and a Scheduler; lint keeps it from reading the time).
import type { Clock } from '../calls/clock';
import type { Scheduler } from '../calls/scheduler';

export const systemClock: Clock = { now: () => Date.now() };

/** A clock plus setTimeout, re-measured from the clock so a late tab still fires. */
export function timeoutScheduler(clock: Clock): Scheduler {
  return {
    now: () => clock.now(),
    at(atMs, fire) {
      const handle = setTimeout(fire, Math.max(0, atMs - clock.now()));
      return () => clearTimeout(handle);
    },
  };
}
