import { useState } from 'react';
import { useApp } from '../../services/AppContext';
import { t } from '../../i18n';
import { OperatorProfileFields, EMPTY_OPERATOR, isOperatorComplete } from './OperatorProfileFields';
import { OrganisationFields, isOrganisationValid } from './OrganisationFields';
import { AppearanceFields } from './AppearanceFields';
import { StorageInfo } from './StorageInfo';
import { SettingsForm } from './SettingsForm';
import type { Settings } from '../../db';

export function SettingsPage() {
  const { settings, saveSettings } = useApp();
  const [operator, setOperator] = useState(settings.operator ?? EMPTY_OPERATOR);
  const [organisation, setOrganisation] = useState(settings.organisation);
  const [saved, setSaved] = useState<'operator' | 'organisation' | null>(null);

  /** Saves one part of the settings and says so until its fields change. */
  async function save<K extends 'operator' | 'organisation'>(key: K, value: Settings[K]) {
    if (await saveSettings(key, value)) setSaved(key);
  }

  return (
    <div className="settings">
      <h1>{t.setup.settings.title}</h1>
      <SettingsForm
        label={t.setup.operatorProfile.legend}
        saveLabel={t.setup.settings.saveProfile}
        valid={isOperatorComplete(operator)}
        saved={saved === 'operator'}
        onSave={() => void save('operator', operator)}
      >
        <OperatorProfileFields value={operator} onChange={(v) => (setOperator(v), setSaved(null))} />
      </SettingsForm>
      {organisation && (
        <SettingsForm
          label={t.setup.organisation.legend}
          saveLabel={t.setup.settings.saveOrganisation}
          valid={isOrganisationValid(organisation)}
          saved={saved === 'organisation'}
          onSave={() => void save('organisation', organisation)}
        >
          <OrganisationFields value={organisation} onChange={(v) => (setOrganisation(v), setSaved(null))} />
        </SettingsForm>
      )}
      <AppearanceFields value={settings.appearance} onChange={(v) => void saveSettings('appearance', v)} />
      <StorageInfo />
    </div>
  );
}
