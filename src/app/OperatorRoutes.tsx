// The operator's three views — the call, the promised callbacks, the history — each on its own route,
// all fed by the one call controller the shell wires.
import { Link, useLocation } from 'wouter';
import { useApp } from './AppContext';
import { t } from './i18n';
import { useCallWiring } from '../operator/CallControllerContext';
import { CallbacksQueue } from '../operator/callbacks/CallbacksQueue';
import { CallHistory } from '../operator/history/CallHistory';

export const OPERATOR_VIEWS = [
  { path: '/operator', label: () => t.shell.operatorViews.call },
  { path: '/operator/callbacks', label: () => t.callbacks.queue.title },
  { path: '/operator/history', label: () => t.callbacks.history.title },
] as const;

export function OperatorNav() {
  const [location] = useLocation();
  return (
    <nav aria-label={t.shell.operatorViews.nav} className="sub-nav">
      <ul>
        {OPERATOR_VIEWS.map((v) => (
          <li key={v.path}>
            <Link href={v.path} aria-current={location === v.path ? 'page' : undefined}>
              {v.label()}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function CallbacksRoute() {
  const { db, settings } = useApp();
  const wiring = useCallWiring();
  const [, navigate] = useLocation();
  if (!wiring || !settings.organisation) return <p role="status">{t.operator.noWiring}</p>;
  return (
    <CallbacksQueue
      db={db}
      controller={wiring.controller}
      flows={wiring.catalog.flows}
      organisation={settings.organisation}
      clock={wiring.clock}
      onCallStarted={() => navigate('/operator')}
    />
  );
}

export function HistoryRoute() {
  const { db, settings } = useApp();
  const wiring = useCallWiring();
  if (!wiring || !settings.organisation) return <p role="status">{t.operator.noWiring}</p>;
  return (
    <CallHistory
      db={db}
      flows={wiring.catalog.versions ?? wiring.catalog.flows}
      timeZone={settings.organisation.timeZone}
      clock={wiring.clock}
    />
  );
}
