// The organisation's news, from whichever server instance made it to every instance's open streams:
// an instance announces with PostgreSQL's NOTIFY on the database's channel, and every instance (itself
// included) LISTENs there and hands the event to the streams of that organisation. Nothing else is
// needed between instances, and an event is never sent to another organisation's stream.
import { sql, type Kysely } from 'kysely';
import { centreEventSchema, type CentreEvent } from '../../protocol';
import type { Database } from '../storage/schema';

type Delivery = (event: CentreEvent) => void;

/** NOTIFY carries at most 8,000 bytes; an event names what changed, never the change itself. */
const MAX_PAYLOAD = 7000;

export class EventHub {
  readonly #streams = new Map<string, Set<Delivery>>();
  readonly #closers = new Set<() => void>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly channel: string,
  ) {}

  /** Tells every instance; each hands it to its streams of `organisationId`. */
  async announce(organisationId: string, event: CentreEvent): Promise<void> {
    const payload = JSON.stringify({ organisationId, event });
    if (payload.length > MAX_PAYLOAD) throw new Error('An event too large for NOTIFY.');
    await sql`select pg_notify(${this.channel}, ${payload})`.execute(this.db);
  }

  /** What the LISTEN connection heard: checked, then delivered to that organisation's streams. */
  deliver(payload: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null || !('organisationId' in parsed)) return;
    const { organisationId } = parsed;
    const event = centreEventSchema.safeParse('event' in parsed ? parsed.event : null);
    if (typeof organisationId !== 'string' || !event.success) return;
    for (const send of this.#streams.get(organisationId) ?? []) send(event.data);
  }

  /** A stream of one organisation; `close` ends it when the server stops. Returns the unsubscribe. */
  subscribe(organisationId: string, send: Delivery, close: () => void): () => void {
    let set = this.#streams.get(organisationId);
    if (!set) this.#streams.set(organisationId, (set = new Set()));
    set.add(send);
    this.#closers.add(close);
    return () => {
      set.delete(send);
      if (set.size === 0) this.#streams.delete(organisationId);
      this.#closers.delete(close);
    };
  }

  /** Ends every open stream (the server is stopping: a stream would otherwise hold it open). */
  closeAll(): void {
    for (const close of [...this.#closers]) close();
  }

  /** How many streams are open, for the health of the board and for tests. */
  get size(): number {
    let n = 0;
    for (const set of this.#streams.values()) n += set.size;
    return n;
  }
}
