// How old the workstation's flows are, said quietly in the account bar while the server cannot be
// reached (issue 18): never a dialog, never a live region; gone once the catalogue comes again.
import { useEffect, useState } from 'react';
import { t } from '../i18n';
import type { FlowUpdatesStatus } from '../services/centreFlows';

const when = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'short', timeStyle: 'short' });
const MINUTE = 60_000;

export function FlowsAgeLine({ status }: { status: FlowUpdatesStatus }) {
  const [now, setNow] = useState(() => Date.now());
  const shown = status.reachable === false && status.fetchedAt !== null;
  useEffect(() => {
    if (!shown) return;
    const timer = setInterval(() => setNow(Date.now()), MINUTE);
    return () => clearInterval(timer);
  }, [shown]);
  if (!shown || status.fetchedAt === null) return null;
  return (
    <span
      className="sync-status"
      data-testid="flows-age"
      title={t.centreFlows.ageTitle(when.format(status.fetchedAt))}
    >
      {t.centreFlows.age(Math.max(0, now - status.fetchedAt))}
    </span>
  );
}
