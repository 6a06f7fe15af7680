import { createContext, useContext } from 'react';
import type { AppDB, Settings, StorageProblem } from '../db';

export interface AppContextValue {
  /** Null when the browser's storage could not be opened: the app then runs in memory. */
  db: AppDB | null;
  settings: Settings;
  problem: StorageProblem | null;
  saveSettings: <K extends keyof Settings>(key: K, value: Settings[K]) => Promise<boolean>;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
