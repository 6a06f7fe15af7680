// Boot: open storage, load settings, keep them in React state, and save through the repository.
import { useCallback, useEffect, useState } from 'react';
import {
  completeSetup,
  DEFAULT_APPEARANCE,
  loadSettings,
  onStorageProblem,
  openAppDb,
  reportStorageProblem,
  requestPersistentStorage,
  saveSetting,
  type AppDB,
  type Settings,
  type StorageProblem,
} from '../db';
import type { Organisation, OperatorProfile } from '../calls/organisation';

const EMPTY: Settings = {
  operator: null,
  organisation: null,
  appearance: DEFAULT_APPEARANCE,
  persistent: null,
};

export interface AppState {
  ready: boolean;
  db: AppDB | null;
  settings: Settings;
  problem: StorageProblem | null;
  saveSettings: <K extends keyof Settings>(key: K, value: Settings[K]) => Promise<boolean>;
  finishFirstRun: (operator: OperatorProfile, organisation: Organisation) => Promise<void>;
}

export function useAppState(): AppState {
  const [ready, setReady] = useState(false);
  const [db, setDb] = useState<AppDB | null>(null);
  const [settings, setSettings] = useState<Settings>(EMPTY);
  const [problem, setProblem] = useState<StorageProblem | null>(null);

  useEffect(() => onStorageProblem(setProblem), []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const opened = await openAppDb();
      if (cancelled) return;
      if (!opened.ok) {
        setProblem(opened.problem);
        setReady(true);
        return;
      }
      try {
        const loaded = await loadSettings(opened.db);
        if (cancelled) return;
        setSettings(loaded);
      } catch (error) {
        setProblem(reportStorageProblem(error));
      }
      setDb(opened.db);
      setReady(true);
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const saveSettings = useCallback(
    async <K extends keyof Settings>(key: K, value: Settings[K]): Promise<boolean> => {
      setSettings((s) => ({ ...s, [key]: value }));
      if (!db) return false;
      try {
        await saveSetting(db, key, value);
        return true;
      } catch (error) {
        reportStorageProblem(error);
        return false;
      }
    },
    [db],
  );

  const finishFirstRun = useCallback(
    async (operator: OperatorProfile, organisation: Organisation) => {
      setSettings((s) => ({ ...s, operator, organisation }));
      if (!db) return;
      try {
        await completeSetup(db, operator, organisation);
        const persistent = await requestPersistentStorage();
        await saveSetting(db, 'persistent', persistent);
        setSettings((s) => ({ ...s, persistent }));
      } catch (error) {
        reportStorageProblem(error);
      }
    },
    [db],
  );

  return { ready, db, settings, problem, saveSettings, finishFirstRun };
}
