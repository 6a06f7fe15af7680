// One active call per operator across tabs: the tab holding this Web Lock owns the call. A lock held
// by a closed or crashed tab is handed over by the browser; `steal` takes it from a live tab.

export interface LockHandle {
  /** Resolves if another tab steals the lock: this tab must stop writing at once. */
  readonly lost: Promise<void>;
  release(): void;
}

export type LockMode = 'ifAvailable' | 'wait' | 'steal';

export interface CallLock {
  /** Null when `ifAvailable` found the lock taken, or a `wait` was cancelled by `signal`. */
  acquire(mode: LockMode, signal?: AbortSignal): Promise<LockHandle | null>;
}

/** The part of the Web Locks API we use: lets tests pass a fake manager. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
}

export const CALL_LOCK_NAME = 'sufler-active-call';

export function webCallLock(locks: LockManagerLike, name = CALL_LOCK_NAME): CallLock {
  return {
    acquire(mode, signal) {
      return new Promise<LockHandle | null>((resolve) => {
        let markLost: () => void = () => {};
        const lost = new Promise<void>((r) => (markLost = r));
        let granted = false;
        const options =
          mode === 'steal' ? { steal: true } : mode === 'ifAvailable' ? { ifAvailable: true } : { signal };
        locks
          .request(name, options, (lock) => {
            if (!lock) {
              resolve(null);
              return;
            }
            granted = true;
            // The lock is held until this promise settles: `release` settles it.
            return new Promise<void>((release) => resolve({ lost, release: () => release() }));
          })
          .catch(() => {
            // Rejected before grant: the wait was aborted. After grant: the lock was stolen.
            if (granted) markLost();
            else resolve(null);
          });
      });
    },
  };
}

/** Without Web Locks (old browsers, tests) there is one tab as far as we can tell: always granted. */
export function singleTabCallLock(): CallLock {
  return {
    acquire: () => Promise.resolve({ lost: new Promise<void>(() => {}), release: () => {} }),
  };
}

export function browserCallLock(): CallLock {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? webCallLock(locks) : singleTabCallLock();
}
