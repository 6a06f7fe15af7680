import { useState, type FormEvent } from 'react';
import { useApp } from '../../services/AppContext';
import { t } from '../../i18n';
import { OperatorProfileFields, EMPTY_OPERATOR, isOperatorComplete } from './OperatorProfileFields';
import { OrganisationFields, isOrganisationValid } from './OrganisationFields';
import { AppearanceFields } from './AppearanceFields';
import { StorageInfo } from './StorageInfo';
import { SaveStatus } from './SaveStatus';

export function SettingsPage() {
  const { settings, saveSettings } = useApp();
  const [operator, setOperator] = useState(settings.operator ?? EMPTY_OPERATOR);
  const [organisation, setOrganisation] = useState(settings.organisation);
  const [saved, setSaved] = useState<'operator' | 'organisation' | null>(null);

  async function submitOperator(e: FormEvent) {
    e.preventDefault();
    if (!isOperatorComplete(operator)) return;
    if (await saveSettings('operator', operator)) setSaved('operator');
  }

  async function submitOrganisation(e: FormEvent) {
    e.preventDefault();
    if (!organisation || !isOrganisationValid(organisation)) return;
    if (await saveSettings('organisation', organisation)) setSaved('organisation');
  }

  return (
    <div className="settings">
      <h1>{t.setup.settings.title}</h1>
      <form onSubmit={(e) => void submitOperator(e)} aria-label={t.setup.operatorProfile.legend}>
        <OperatorProfileFields value={operator} onChange={(v) => (setOperator(v), setSaved(null))} />
        <button type="submit" disabled={!isOperatorComplete(operator)}>
          {t.setup.settings.saveProfile}
        </button>
        <SaveStatus shown={saved === 'operator'} />
      </form>
      {organisation && (
        <form onSubmit={(e) => void submitOrganisation(e)} aria-label={t.setup.organisation.legend}>
          <OrganisationFields value={organisation} onChange={(v) => (setOrganisation(v), setSaved(null))} />
          <button type="submit" disabled={!isOrganisationValid(organisation)}>
            {t.setup.settings.saveOrganisation}
          </button>
          <SaveStatus shown={saved === 'organisation'} />
        </form>
      )}
      <AppearanceFields value={settings.appearance} onChange={(v) => void saveSettings('appearance', v)} />
      <StorageInfo />
    </div>
  );
}
