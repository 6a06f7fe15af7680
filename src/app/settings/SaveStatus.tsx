import { t } from '../../i18n';

export function SaveStatus({ shown }: { shown: boolean }) {
  return (
    <span role="status" className="save-status">
      {shown ? t.setup.settings.saved : ''}
    </span>
  );
}
