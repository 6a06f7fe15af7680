// The gate between a session and its scheduler while the call is replayed from its log.
import type { Scheduler } from './scheduler';

/**
 * Holds timers back while a call is replayed from its log (the log already has the timer events),
 * then hands the ones still armed — the running hold's — to the real scheduler.
 */
export class ReplayGate implements Scheduler {
  private held = new Map<number, { atMs: number; fire: () => void }>();
  private cancels = new Map<number, () => void>();
  private seq = 0;
  private open = false;
  constructor(private readonly target: Scheduler) {}

  now(): number {
    return this.target.now();
  }

  at(atMs: number, fire: () => void): () => void {
    const id = this.seq++;
    if (this.open) this.cancels.set(id, this.target.at(atMs, fire));
    else this.held.set(id, { atMs, fire });
    return () => {
      this.held.delete(id);
      this.cancels.get(id)?.();
      this.cancels.delete(id);
    };
  }

  release(): void {
    this.open = true;
    for (const [id, p] of this.held) this.cancels.set(id, this.target.at(p.atMs, p.fire));
    this.held.clear();
  }
}
