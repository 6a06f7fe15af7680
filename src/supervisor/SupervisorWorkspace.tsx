import { t } from '../app/i18n';

export function SupervisorWorkspace() {
  return (
    <section aria-labelledby="supervisor-title" className="workspace">
      <h1 id="supervisor-title">{t.shell.placeholder.supervisorTitle}</h1>
      <p>{t.shell.placeholder.supervisorEmpty}</p>
    </section>
  );
}
