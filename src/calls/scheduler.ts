// Timers at absolute times. A hold's deadline is stored as a timestamp, so whoever arms the timer —
// a live page, a page reopened later, a test — fires it at the same moment (or at once if it passed).
// The real one (setTimeout) is the app's: src/services/clock.ts. Here: the interface and a fake.
import { ManualClock, type Clock } from './clock';

export interface Scheduler extends Clock {
  /** Runs `fire` once when the clock reaches `atMs` (never synchronously); returns a cancel function. */
  at(atMs: number, fire: () => void): () => void;
}

interface Pending {
  atMs: number;
  seq: number;
  fire: () => void;
}

/** A scheduler that only moves when told to: tests and the simulator advance it by hand. */
export class ManualScheduler implements Scheduler {
  private pending: Pending[] = [];
  private seq = 0;
  constructor(readonly clock: ManualClock = new ManualClock(0)) {}

  now(): number {
    return this.clock.now();
  }

  at(atMs: number, fire: () => void): () => void {
    const entry = { atMs, seq: this.seq++, fire };
    this.pending.push(entry);
    return () => {
      this.pending = this.pending.filter((p) => p !== entry);
    };
  }

  /** Moves the clock forward, firing due timers in time order with the clock set to each one's time. */
  advance(ms: number): void {
    const until = this.clock.now() + Math.max(0, ms);
    for (;;) {
      const next = [...this.pending]
        .filter((p) => p.atMs <= until)
        .sort((a, b) => a.atMs - b.atMs || a.seq - b.seq)[0];
      if (!next) break;
      this.pending = this.pending.filter((p) => p !== next);
      this.clock.set(Math.max(this.clock.now(), next.atMs));
      next.fire();
    }
    this.clock.set(until);
  }

  /** Timers not yet fired: for tests. */
  get size(): number {
    return this.pending.length;
  }
}
