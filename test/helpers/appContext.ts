// The app's context as the workspace tests give it: the sample operator of the Sverdlovsk ministry, the
// default appearance, saving always succeeding, over the given storage (null: none).
import type { AppDB } from '../../src/db';
import { DEFAULT_APPEARANCE } from '../../src/db';
import type { AppContextValue } from '../../src/services/AppContext';
import { OPERATOR, ORG } from '../calls/helpers';

export function appContextOf(db: AppDB | null): AppContextValue {
  return {
    db,
    settings: { operator: OPERATOR, organisation: ORG, appearance: DEFAULT_APPEARANCE, persistent: null },
    problem: null,
    saveSettings: () => Promise.resolve(true),
  };
}
