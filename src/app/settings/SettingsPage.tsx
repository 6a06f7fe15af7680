import { useState } from 'react';
import { useApp } from '../../services/AppContext';
import { t } from '../../i18n';
import { OperatorProfileFields, EMPTY_OPERATOR, isOperatorComplete } from './OperatorProfileFields';
import { OrganisationFields, isOrganisationValid } from './OrganisationFields';
import { AppearanceFields } from './AppearanceFields';
import { StorageInfo } from './StorageInfo';
import { SettingsForm } from './SettingsForm';
import type { Settings } from '../../db';

type Part = 'operator' | 'organisation';

const WORDS: Record<Part, { label: string; saveLabel: string }> = {
  operator: { label: t.setup.operatorProfile.legend, saveLabel: t.setup.settings.saveProfile },
  organisation: { label: t.setup.organisation.legend, saveLabel: t.setup.settings.saveOrganisation },
};

export function SettingsPage() {
  const { settings, saveSettings } = useApp();
  const [operator, setOperator] = useState(settings.operator ?? EMPTY_OPERATOR);
  const [organisation, setOrganisation] = useState(settings.organisation);
  const [saved, setSaved] = useState<Part | null>(null);

  /** Saves one part of the settings and says so until its fields change. */
  async function save<K extends Part>(key: K, value: Settings[K]) {
    if (await saveSettings(key, value)) setSaved(key);
  }
  /** One part's form, saved on its own. */
  const formOf = <K extends Part>(key: K, value: Settings[K], valid: boolean) => ({
    ...WORDS[key],
    valid,
    saved: saved === key,
    onSave: () => void save(key, value),
  });

  return (
    <div className="settings">
      <h1>{t.setup.settings.title}</h1>
      <SettingsForm {...formOf('operator', operator, isOperatorComplete(operator))}>
        <OperatorProfileFields value={operator} onChange={(v) => (setOperator(v), setSaved(null))} />
      </SettingsForm>
      {organisation && (
        <SettingsForm {...formOf('organisation', organisation, isOrganisationValid(organisation))}>
          <OrganisationFields value={organisation} onChange={(v) => (setOrganisation(v), setSaved(null))} />
        </SettingsForm>
      )}
      <AppearanceFields value={settings.appearance} onChange={(v) => void saveSettings('appearance', v)} />
      <StorageInfo />
    </div>
  );
}
