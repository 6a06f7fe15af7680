// Sign-in limits: failures are counted in the database per login (since its last success) and per
// address; reaching either limit locks further attempts until the oldest counted failure leaves the window.
import type { SignInLimits } from '../config';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/schema';
import { recentFailures } from '../storage/signInAttempts';

export interface Lockout {
  locked: boolean;
  /** When the lock lifts (only when locked). */
  until: Date | null;
}

async function lockBy(
  db: Kysely<Database>,
  by: { loginKey: string } | { address: string },
  limit: number,
  limits: SignInLimits,
  now: Date,
): Promise<Date | null> {
  const windowMs = limits.windowMinutes * 60_000;
  const failures = await recentFailures(db, by, new Date(now.getTime() - windowMs), limit);
  if (failures.length < limit) return null;
  // The limit-th most recent failure: when it leaves the window, fewer than `limit` remain.
  const oldest = failures[limit - 1] ?? now;
  return new Date(oldest.getTime() + windowMs);
}

export async function lockoutState(
  db: Kysely<Database>,
  loginKey: string,
  address: string,
  limits: SignInLimits,
  now: Date,
): Promise<Lockout> {
  const [byLogin, byAddress] = [
    await lockBy(db, { loginKey }, limits.perLogin, limits, now),
    await lockBy(db, { address }, limits.perAddress, limits, now),
  ];
  const until = [byLogin, byAddress]
    .filter((d): d is Date => d !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return until ? { locked: true, until } : { locked: false, until: null };
}
