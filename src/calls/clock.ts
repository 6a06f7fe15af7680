// Domain code never reads the wall clock: it is handed one (the app's is src/services/clock.ts). Tests,
// the simulator and the editor's sandbox pass a clock that moves only when told.
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

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
