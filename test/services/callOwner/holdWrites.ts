// Holds a database's write transactions, as a slow disk would, so a test can look at what the app
// shows while an event is not yet stored.
import { vi } from 'vitest';
import type { AppDB } from '../../../src/db';

type Run = (...args: unknown[]) => Promise<unknown>;

/** Every `db.transaction(…)` from now on waits until `release()`; the engine meanwhile moves on at once. */
export function holdWrites(db: AppDB): { release(): void } {
  let open = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  // Dexie's transaction() has a dozen overloads; the spy only delays whichever one is called.
  const original = db.transaction.bind(db) as unknown as Run;
  const spy = vi.spyOn(db, 'transaction') as unknown as {
    mockImplementation(fn: Run): void;
    mockRestore(): void;
  };
  spy.mockImplementation((...args) => gate.then(() => original(...args)));
  return {
    release() {
      spy.mockRestore();
      open();
    },
  };
}
