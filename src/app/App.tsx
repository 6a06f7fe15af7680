import { useEffect } from 'react';
import { AppContext } from './AppContext';
import { useAppState } from './useAppState';
import { FirstRun } from './FirstRun';
import { Shell } from './Shell';
import { StorageBanner } from './StorageBanner';
import { startServiceWorker } from './pwa';
import { t } from './i18n';
import { isSetupComplete } from '../db';

export function App() {
  const state = useAppState();
  const { theme, fontSize } = state.settings.appearance;

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.dataset.fontSize = fontSize;
  }, [theme, fontSize]);

  useEffect(() => startServiceWorker(), []);

  if (!state.ready) {
    return (
      <p className="boot" role="status">
        {t.shell.loading}
      </p>
    );
  }

  return (
    <AppContext.Provider value={state}>
      {state.problem && <StorageBanner problem={state.problem} />}
      {isSetupComplete(state.settings) ? <Shell /> : <FirstRun onDone={state.finishFirstRun} />}
    </AppContext.Provider>
  );
}
