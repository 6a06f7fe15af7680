import { lazy, Suspense, useCallback, useEffect, useSyncExternalStore } from 'react';
import { useApp } from '../services/AppContext';
import { setCallActive } from '../services/callOwner/activity';
import { t } from '../i18n';
import { operatorFullName } from '../calls/organisation';
import { CallScreen } from './CallScreen';
import { useCallWiring } from '../services/callOwner/CallControllerContext';
import { StartCallPanel } from './StartCallPanel';
import { rememberedSession } from '../services/account/serverProbe';
import { takeLeaseOver } from '../services/lease/standing';
import { LeaseNoticeSlot } from './LeaseNoticeSlot';
import { useLeaseStanding } from './useLeaseStanding';

// Calls handed over by colleagues come only with a server: a single workstation never loads this chunk.
const IncomingHandoversSlot = lazy(() =>
  import('./IncomingHandoversSlot').then((m) => ({ default: m.IncomingHandoversSlot })),
);

/** The operator's workspace: the call in progress on this workstation, or the way to start one. */
export function OperatorWorkspace() {
  const { settings } = useApp();
  const wiring = useCallWiring();
  const controller = wiring?.controller ?? null;
  const subscribe = useCallback(
    (listener: () => void) => controller?.subscribe(listener) ?? (() => undefined),
    [controller],
  );
  const getActive = useCallback(() => controller?.getActive() ?? null, [controller]);
  const active = useSyncExternalStore(subscribe, getActive);
  // Another device of the operator holds their calls: this one starts none until it takes them over.
  const standing = useLeaseStanding();

  // While a call (or its wrap-up) is open, the update prompt must not reload the page.
  useEffect(() => {
    setCallActive(active !== null);
  }, [active]);
  useEffect(() => () => setCallActive(false), []);

  const ready = settings.operator !== null && settings.organisation !== null;
  return (
    <section aria-labelledby="operator-title" className="workspace operator-workspace">
      <h1 id="operator-title" className={active ? 'visually-hidden' : undefined}>
        {t.operator.title}
      </h1>
      <p data-testid="operator-identity" className="muted">
        {settings.operator && operatorFullName(settings.operator)}
        {settings.organisation && ` — ${settings.organisation.shortName}`}
      </p>
      {!wiring || !controller ? (
        <p role="status">{t.operator.noWiring}</p>
      ) : active ? (
        <CallScreen key={active.callId} call={active} controller={controller} wiring={wiring} />
      ) : ready ? (
        <>
          <LeaseNoticeSlot standing={standing} takeOver={takeLeaseOver} />
          {rememberedSession() && (
            <Suspense fallback={null}>
              <IncomingHandoversSlot controller={controller} flows={wiring.catalog.flows} />
            </Suspense>
          )}
          <StartCallPanel controller={controller} catalog={wiring.catalog} blocked={standing !== 'free'} />
        </>
      ) : (
        <p role="status">{t.operator.noProfile}</p>
      )}
    </section>
  );
}
