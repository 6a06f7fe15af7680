import { lazy, Suspense, useState } from 'react';
import { useApp } from '../../services/AppContext';
import { t } from '../../i18n';
import type { Clock } from '../../calls/clock';
import { systemClock } from '../../services/clock';
import { listOpenCallbacksOfCaller, listCallsOfCaller } from '../../db/records';
import { formatDeadline } from '../../flows/dates';
import type { FlowDefinition } from '../../flows/types';
import { CallList } from './CallList';
import { useWatched } from './useWatched';

// Opened only when the operator asks for one earlier call: a lazy chunk (precached, so offline too).
const CallRecordView = lazy(() => import('./CallRecordView').then((m) => ({ default: m.CallRecordView })));

type Props = {
  /** Normalised +7XXXXXXXXXX; matched first. */
  phone?: string | null;
  /** Name and patronymic as captured; matched when there is no phone. */
  name?: string | null;
  /** The call on screen now, left out of "earlier calls". */
  excludeCallId?: string;
  flows?: readonly FlowDefinition[];
  clock?: Clock;
};

/**
 * Earlier calls of the same caller on this workstation, with outcomes and open callbacks, so the caller
 * never has to repeat themselves. Renders nothing when there is nothing earlier.
 */
export function CallerHistory({ phone, name, excludeCallId, flows = [], clock = systemClock }: Props) {
  const { db, settings } = useApp();
  const text = t.callbacks.caller;
  const tz = settings.organisation?.timeZone ?? 'Europe/Moscow';
  const [openId, setOpenId] = useState<string | null>(null);
  const key = `${phone ?? ''}|${name ?? ''}|${excludeCallId ?? ''}`;
  const found = useWatched(
    db && (phone || name?.trim())
      ? async () => ({
          calls: (await listCallsOfCaller(db, { phone, name })).filter((c) => c.id !== excludeCallId),
          callbacks: await listOpenCallbacksOfCaller(db, { phone, name }),
        })
      : null,
    key,
  );
  if (found.status !== 'ready') return null;
  const { calls, callbacks } = found.value;
  if (calls.length === 0 && callbacks.length === 0) return null;
  if (db && openId)
    return (
      <Suspense fallback={<p role="status">{t.shell.loading}</p>}>
        <CallRecordView db={db} callId={openId} flows={flows} timeZone={tz} onBack={() => setOpenId(null)} />
      </Suspense>
    );
  const now = clock.now();
  return (
    <section aria-label={text.title} className="caller-history" data-testid="caller-history">
      <h3>{text.title}</h3>
      {callbacks.length > 0 && (
        <>
          <h4>{text.openCallbacks}</h4>
          <ul>
            {callbacks.map((c) => (
              <li key={c.id}>
                {c.question} — {text.callbackDue(formatDeadline(c.dueAt, now, tz))}
              </li>
            ))}
          </ul>
        </>
      )}
      {calls.length > 0 && (
        <>
          <h4>{text.calls}</h4>
          <CallList calls={calls} flows={flows} timeZone={tz} onOpen={setOpenId} />
        </>
      )}
    </section>
  );
}
