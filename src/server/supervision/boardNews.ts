// Tells an organisation's supervisors that the line moved, at most a few times a second: events arrive in
// bursts (200 active calls), and each announcement makes every board refetch. The first one goes out at
// once, those within the next moment are folded into one sent at its end, so no change is left unsaid.
import type { EventHub } from '../events/eventHub';

/** The shortest time between two announcements to one organisation (from this instance). */
export const BOARD_NEWS_MS = 250;

export class BoardNews {
  readonly #last = new Map<string, number>();
  readonly #pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly events: EventHub) {}

  /** The line of `organisationId` moved. */
  moved(organisationId: string): void {
    if (this.#pending.has(organisationId)) return;
    const wait = (this.#last.get(organisationId) ?? -Infinity) + BOARD_NEWS_MS - Date.now();
    if (wait <= 0) {
      this.#send(organisationId);
      return;
    }
    const timer = setTimeout(() => {
      this.#pending.delete(organisationId);
      this.#send(organisationId);
    }, wait);
    timer.unref();
    this.#pending.set(organisationId, timer);
  }

  #send(organisationId: string): void {
    this.#last.set(organisationId, Date.now());
    // A lost announcement costs a board one refresh; the upload it follows has succeeded.
    this.events.announce(organisationId, { kind: 'board' }).catch(() => {});
  }

  stop(): void {
    for (const timer of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
  }
}
