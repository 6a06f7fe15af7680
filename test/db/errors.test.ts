import { describe, expect, it } from 'vitest';
import { classifyStorageError } from '../../src/db/errors';

describe('storage problems', () => {
  it('recognises a full disk wrapped by Dexie', () => {
    const error = { name: 'AbortError', inner: { name: 'QuotaExceededError' } };
    expect(classifyStorageError(error)).toBe('full');
    expect(classifyStorageError({ name: 'BulkError', cause: { name: 'QuotaExceededError' } })).toBe('full');
  });

  it('recognises missing or forbidden IndexedDB', () => {
    expect(classifyStorageError({ name: 'MissingAPIError' })).toBe('unavailable');
    expect(classifyStorageError({ name: 'OpenFailedError', inner: { name: 'SecurityError' } })).toBe(
      'unavailable',
    );
  });

  it('recognises an upgrade from another tab and anything else', () => {
    expect(classifyStorageError({ name: 'DatabaseClosedError' })).toBe('upgraded');
    expect(classifyStorageError(new Error('boom'))).toBe('unknown');
    expect(classifyStorageError(null)).toBe('unknown');
  });
});
