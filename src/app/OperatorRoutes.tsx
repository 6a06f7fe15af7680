// The operator's two side views — the promised callbacks and the history — each on its own route, fed by
// the one call controller the shell wires. Loaded lazily: the call screen does not need them.
import { useLocation } from 'wouter';
import { useApp } from '../services/AppContext';
import { t } from '../i18n';
import { useCallWiring } from '../services/callOwner/CallControllerContext';
import { CallbacksQueue } from '../operator/callbacks/CallbacksQueue';
import { CallHistory } from '../operator/history/CallHistory';
import { rememberedSession } from '../services/account/serverProbe';
import { centreQueueFor } from '../services/callbacks';

export function CallbacksRoute() {
  const { db, settings } = useApp();
  const wiring = useCallWiring();
  const [, navigate] = useLocation();
  if (!wiring || !settings.organisation) return <p role="status">{t.operator.noWiring}</p>;
  // Signed in to a server: the organisation's queue; a single workstation keeps its own, as before.
  const person = rememberedSession()?.person ?? null;
  return (
    <CallbacksQueue
      centre={person && { queue: centreQueueFor(person.id, db), personId: person.id }}
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
