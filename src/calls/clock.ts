// Domain code never reads the wall clock: it is handed one. Tests pass a simulated clock.
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

// The one place the wall clock is read: the app's edge hands this to the engine, nothing pure calls it.
// eslint-disable-next-line no-restricted-syntax -- this is the injected clock's real implementation
export const systemClock: Clock = { now: () => Date.now() };

/** A clock that only moves when told to: for tests, the simulator and the editor's sandbox. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(ms: number): void {
    this.current = ms;
  }
}
