import type { StorageProblem } from '../db';
import { t } from '../i18n';
import { ReloadBanner } from '../ui/ReloadBanner';

export const StorageBanner = ({ problem }: { problem: StorageProblem }) => (
  <ReloadBanner
    text={t.shell.storage[problem]}
    reload={problem === 'upgraded' || problem === 'unknown'}
    testId="storage-banner"
  />
);
