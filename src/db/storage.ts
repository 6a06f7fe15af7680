// Persistent storage and usage figures; both may be missing or refused (headless Chromium answers false).
export interface StorageUsage {
  usedBytes: number;
  quotaBytes: number;
}

export async function requestPersistentStorage(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}

export async function isStoragePersisted(): Promise<boolean> {
  try {
    return (await navigator.storage?.persisted?.()) ?? false;
  } catch {
    return false;
  }
}

export async function storageUsage(): Promise<StorageUsage | null> {
  try {
    const e = await navigator.storage?.estimate?.();
    if (!e) return null;
    return { usedBytes: e.usage ?? 0, quotaBytes: e.quota ?? 0 };
  } catch {
    return null;
  }
}
