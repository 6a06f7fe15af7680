// A Web Locks manager for one lock name in one process, with the browser's rules for the three modes
// the call lock uses: ifAvailable (null when held), a queued wait (abortable), and steal.
import type { LockManagerLike } from '../../../src/services/callOwner/lock';

interface Holder {
  abort(error: Error): void;
}

export class FakeLockManager implements LockManagerLike {
  private holder: Holder | null = null;
  private waiters: (() => void)[] = [];

  get held(): boolean {
    return this.holder !== null;
  }

  request(
    _name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      const run = () => {
        let done = false;
        const holder: Holder = {
          abort: (error) => {
            if (done) return;
            done = true;
            reject(error);
          },
        };
        this.holder = holder;
        const settle = (ok: boolean, value: unknown) => {
          if (!done) {
            done = true;
            if (ok) resolve(value);
            else reject(value instanceof Error ? value : new Error(String(value)));
          }
          if (this.holder === holder) this.releaseHeld();
        };
        void Promise.resolve()
          .then(() => callback({ name: _name }))
          .then(
            (v) => settle(true, v),
            (e: unknown) => settle(false, e),
          );
      };
      if (options.steal) {
        this.holder?.abort(new DOMException('lock stolen', 'AbortError'));
        this.holder = null;
        run();
      } else if (!this.holder) {
        run();
      } else if (options.ifAvailable) {
        void Promise.resolve()
          .then(() => callback(null))
          .then(resolve, reject);
      } else {
        const waiter = () => run();
        this.waiters.push(waiter);
        options.signal?.addEventListener('abort', () => {
          // As in the browser, an abort only cancels a request still waiting; a granted lock stays held.
          if (!this.waiters.includes(waiter)) return;
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new DOMException('wait aborted', 'AbortError'));
        });
      }
    });
  }

  private releaseHeld(): void {
    this.holder = null;
    this.waiters.shift()?.();
  }
}
