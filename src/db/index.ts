// The one entry to storage for the app: opens the database once, reports problems as StorageProblem,
// and stops writing when another tab upgrades the schema (Dexie would otherwise reopen with old code).
import { AppDB } from './db';
import { classifyStorageError, type StorageProblem } from './errors';

export { AppDB } from './db';
export type { StorageProblem } from './errors';
export { classifyStorageError } from './errors';
export * from './settingsRepository';
export * from './storage';
export * from './callsRepository';
export * from './flowCatalogue';
export type * from './callsTables';

export type OpenResult = { ok: true; db: AppDB } | { ok: false; problem: StorageProblem };

type ProblemListener = (problem: StorageProblem) => void;
const listeners = new Set<ProblemListener>();

/** Components hear about storage problems that happen after start (another tab upgraded, disk full). */
export function onStorageProblem(listener: ProblemListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportStorageProblem(error: unknown): StorageProblem {
  const problem = classifyStorageError(error);
  for (const l of listeners) l(problem);
  return problem;
}

export async function openAppDb(name?: string): Promise<OpenResult> {
  if (typeof indexedDB === 'undefined') return { ok: false, problem: 'unavailable' };
  const db = new AppDB(name);
  db.on('versionchange', () => {
    db.close();
    for (const l of listeners) l('upgraded');
    return false;
  });
  try {
    await db.open();
    return { ok: true, db };
  } catch (error) {
    return { ok: false, problem: classifyStorageError(error) };
  }
}
