import type { StorageProblem } from '../db';
import { t } from '../i18n';

interface Props {
  problem: StorageProblem;
}

export function StorageBanner({ problem }: Props) {
  const needsReload = problem === 'upgraded' || problem === 'unknown';
  return (
    <div className="banner banner-warning" role="alert" data-testid="storage-banner">
      <span>{t.shell.storage[problem]}</span>
      {needsReload && (
        <button type="button" onClick={() => window.location.reload()}>
          {t.shell.storage.reload}
        </button>
      )}
    </div>
  );
}
