import { t } from '../i18n';

/** A warning across the app, with a button to reload the page when that is what mends it. */
export function ReloadBanner({
  text,
  reload = true,
  testId,
}: {
  text: string;
  reload?: boolean;
  testId?: string;
}) {
  return (
    <div className="banner banner-warning" role="alert" data-testid={testId}>
      <span>{text}</span>
      {reload && (
        <button type="button" onClick={() => window.location.reload()}>
          {t.shell.storage.reload}
        </button>
      )}
    </div>
  );
}
