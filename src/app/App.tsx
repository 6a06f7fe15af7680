import { lazy, Suspense, useEffect } from 'react';
import { AppContext } from '../services/AppContext';
import { useAppState } from './useAppState';
import { Shell } from './Shell';
import { StorageBanner } from './StorageBanner';
import { startServiceWorker } from '../services/pwa';
import { t } from '../i18n';
import { isSetupComplete } from '../db';

// Asked once per workstation, with the sample organisations: not part of the operator's usual first load.
const FirstRun = lazy(() => import('./FirstRun').then((m) => ({ default: m.FirstRun })));

export function App() {
  const state = useAppState();
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
  if (!state.ready) return loading;

  return (
    <AppContext.Provider value={state}>
      {state.problem && <StorageBanner problem={state.problem} />}
      {isSetupComplete(state.settings) ? (
        <Shell />
      ) : (
        <Suspense fallback={loading}>
          <FirstRun onDone={state.finishFirstRun} />
        </Suspense>
      )}
    </AppContext.Provider>
  );
}
