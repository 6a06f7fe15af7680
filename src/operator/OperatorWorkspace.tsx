import { useApp } from '../app/AppContext';
import { t } from '../app/i18n';
import { operatorFullName } from '../calls/organisation';

export function OperatorWorkspace() {
  const { settings } = useApp();
  return (
    <section aria-labelledby="operator-title" className="workspace">
      <h1 id="operator-title">{t.shell.placeholder.operatorTitle}</h1>
      <p data-testid="operator-identity">
        {settings.operator && operatorFullName(settings.operator)}
        {settings.organisation && ` — ${settings.organisation.shortName}`}
      </p>
    </section>
  );
}
