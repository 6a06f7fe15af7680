// Storage failures the user must hear about, classified once so every caller reacts the same way.
export type StorageProblem = 'unavailable' | 'full' | 'blocked' | 'upgraded' | 'unknown';

/** Dexie wraps the browser's errors; the cause we care about may be the error itself or its `inner`. */
export function classifyStorageError(error: unknown): StorageProblem {
  const names = errorNames(error);
  if (names.includes('QuotaExceededError')) return 'full';
  if (
    names.includes('MissingAPIError') ||
    names.includes('InvalidStateError') ||
    names.includes('SecurityError')
  )
    return 'unavailable';
  if (names.includes('VersionError') || names.includes('DatabaseClosedError')) return 'upgraded';
  if (names.includes('BlockedError')) return 'blocked';
  if (names.includes('OpenFailedError')) return 'unavailable';
  return 'unknown';
}

function errorNames(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 4) return [];
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown };
  const own = typeof e.name === 'string' ? [e.name] : [];
  return [...own, ...errorNames(e.inner, depth + 1), ...errorNames(e.cause, depth + 1)];
}
