// Adds the calls uploads kept to their organisation's rollups soon after the uploads' answers. An upload
// that ends a call files it as pending (a row of its own, so uploads never wait for each other on the
// rollups' shared rows); this folds the pending calls in, as many as are waiting, one settling at a time
// per organisation on this instance (settleRollups). One that fails leaves its calls pending for the next
// settling, or for the first reading of the rollups, which settles before it reads. What a failed upload
// left pending of its calls' replays (pendingReplays.ts: figures, callbacks, handovers) is kept first.
import type { Kysely } from 'kysely';
import { keepLeftReplays } from '../storage/pendingReplays';
import { settleRollups } from '../storage/callRollups';
import type { Database } from '../storage/schema';

export class RollupSettler {
  readonly #running = new Map<string, Promise<void>>();
  readonly #again = new Set<string>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly failed: (error: unknown) => void,
  ) {}

  /** Calls of `organisationId` were kept: settle them once the settling under way (if any) is done. */
  soon(organisationId: string): void {
    if (this.#running.has(organisationId)) {
      this.#again.add(organisationId);
      return;
    }
    const run = async () => {
      do {
        this.#again.delete(organisationId);
        await keepLeftReplays(this.db, organisationId);
        await settleRollups(this.db, organisationId);
      } while (this.#again.has(organisationId));
    };
    this.#running.set(
      organisationId,
      run()
        .catch(this.failed)
        .finally(() => this.#running.delete(organisationId)),
    );
  }

  /** Waits for the settlings under way (the server is closing). */
  async stop(): Promise<void> {
    this.#again.clear();
    await Promise.all(this.#running.values());
  }
}
