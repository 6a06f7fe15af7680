import { useEffect, useState } from 'react';
import { isStoragePersisted, requestPersistentStorage, storageUsage, type StorageUsage } from '../../db';
import { t } from '../../i18n';
import { formatBytes } from './formatBytes';

export function StorageInfo() {
  const [usage, setUsage] = useState<StorageUsage | null>(null);
  const [persisted, setPersisted] = useState<boolean | null>(null);

  useEffect(() => {
    void storageUsage().then(setUsage);
    void isStoragePersisted().then(setPersisted);
  }, []);

  const labels = t.setup.storageInfo;
  return (
    <section aria-labelledby="storage-info">
      <h2 id="storage-info">{labels.legend}</h2>
      <p data-testid="storage-usage">
        {usage ? labels.used(formatBytes(usage.usedBytes), formatBytes(usage.quotaBytes)) : labels.unknown}
      </p>
      {persisted !== null && <p>{persisted ? labels.persisted : labels.notPersisted}</p>}
      {persisted === false && (
        <button
          type="button"
          className="secondary"
          onClick={() => void requestPersistentStorage().then(setPersisted)}
        >
          {labels.askPersist}
        </button>
      )}
    </section>
  );
}
