import { lazy, Suspense, useEffect } from 'react';
import { AppContext } from '../services/AppContext';
import { useAppState } from './useAppState';
import { Shell } from './Shell';
import { StorageBanner } from './StorageBanner';
import { startServiceWorker } from '../services/pwa';
import { t } from '../i18n';
import { isSetupComplete } from '../db';
import { useServerSession } from './useServerSession';
import { useCallSync } from './useCallSync';
import { useCentre } from './useCentre';

// Both lazy parts here fail (a chunk not loaded) into the whole app's boundary (main.tsx): nothing
// else is on the screen with them.
// Asked once per workstation, with the sample organisations: not part of the operator's usual first load.
const FirstRun = lazy(() => import('./FirstRun').then((m) => ({ default: m.FirstRun })));
// Only with the server and nobody signed in (issue 16).
const SignInPage = lazy(() => import('./SignInPage').then((m) => ({ default: m.SignInPage })));

export function App() {
  const state = useAppState();
  const server = useServerSession();
  const sync = useCallSync(state.db, server.state);
  const flows = useCentre(state.db, server.state, server.recheck);
  const { theme, fontSize } = state.settings.appearance;

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.fontSize = fontSize;
  }, [theme, fontSize]);

  useEffect(() => startServiceWorker(), []);

  const loading = (
    <p className="boot" role="status">
      {t.shell.loading}
    </p>
  );
  if (!state.ready || !server.state) return loading;
  if (server.state.mode === 'signedOut') {
    return (
      <Suspense fallback={loading}>
        <SignInPage notice={server.state.notice} onSignedIn={server.signedIn} />
      </Suspense>
    );
  }
  const account =
    server.state.mode === 'signedIn'
      ? { session: server.state.session, signOut: server.signOut, sync, flows }
      : null;

  return (
    <AppContext.Provider value={state}>
      {state.problem && <StorageBanner problem={state.problem} />}
      {server.endedNotice !== null && (
        <p className="banner banner-neutral" role="status">
          {t.shell.account.endedDuringCall}
        </p>
      )}
      {isSetupComplete(state.settings) ? (
        <Shell account={account} />
      ) : (
        <Suspense fallback={loading}>
          <FirstRun
            onDone={state.finishFirstRun}
            signedIn={
              account && { person: account.session.person, organisationId: account.session.organisation.id }
            }
          />
        </Suspense>
      )}
    </AppContext.Provider>
  );
}
