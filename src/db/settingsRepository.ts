// Settings: the operator's profile, the organisation and the appearance, one row each.
import {
  restoreOperator,
  restoreOrganisation,
  type Organisation,
  type OperatorProfile,
} from '../calls/organisation';
import type { AppDB } from './db';

export type Theme = 'light' | 'dark' | 'contrast';
export type FontSize = 'normal' | 'large' | 'larger';

export interface Appearance {
  theme: Theme;
  fontSize: FontSize;
}

export interface Settings {
  operator: OperatorProfile | null;
  organisation: Organisation | null;
  appearance: Appearance;
  /** Whether the browser granted persistent storage when asked at first run. */
  persistent: boolean | null;
}

export const DEFAULT_APPEARANCE: Appearance = { theme: 'light', fontSize: 'normal' };

type SettingKey = keyof Settings;

const THEMES: readonly Theme[] = ['light', 'dark', 'contrast'];
const FONT_SIZES: readonly FontSize[] = ['normal', 'large', 'larger'];

function restoreAppearance(raw: unknown): Appearance {
  const r =
    raw !== null && typeof raw === 'object' ? (raw as Partial<Record<keyof Appearance, unknown>>) : {};
  return {
    theme: THEMES.find((t) => t === r.theme) ?? DEFAULT_APPEARANCE.theme,
    fontSize: FONT_SIZES.find((f) => f === r.fontSize) ?? DEFAULT_APPEARANCE.fontSize,
  };
}

export async function loadSettings(db: AppDB): Promise<Settings> {
  const rows = await db.settings.toArray();
  const byKey = new Map(rows.map((r) => [r.key, r.value]));
  return {
    operator: restoreOperator(byKey.get('operator')),
    organisation: restoreOrganisation(byKey.get('organisation')),
    appearance: restoreAppearance(byKey.get('appearance')),
    persistent: typeof byKey.get('persistent') === 'boolean' ? Boolean(byKey.get('persistent')) : null,
  };
}

export async function saveSetting<K extends SettingKey>(
  db: AppDB,
  key: K,
  value: Settings[K],
): Promise<void> {
  await db.transaction('rw', db.settings, () => db.settings.put({ key, value }));
}

/** First run: both profiles land together, so a half-finished setup never looks finished. */
export async function completeSetup(
  db: AppDB,
  operator: OperatorProfile,
  organisation: Organisation,
): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    await db.settings.put({ key: 'operator', value: operator });
    await db.settings.put({ key: 'organisation', value: organisation });
  });
}

export function isSetupComplete(s: Settings): boolean {
  return s.operator !== null && s.organisation !== null;
}
