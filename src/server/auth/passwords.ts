// Passwords are kept as argon2id hashes (the library's default algorithm) and never logged.
import { hash, verify } from '@node-rs/argon2';

export interface HashCost {
  memoryCost?: number;
  timeCost?: number;
}

export function hashPassword(password: string, cost: HashCost): Promise<string> {
  return hash(password, cost);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    // A damaged hash opens nothing.
    return false;
  }
}

let dummy: Promise<string> | undefined;

/** Spends the time of a real check, so an unknown login answers as slowly as a wrong password. */
export async function verifyNobody(password: string, cost: HashCost): Promise<false> {
  dummy ??= hash('no such person', cost);
  await verifyPassword(await dummy, password);
  return false;
}
