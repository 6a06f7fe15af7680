import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { applyUpdate, isUpdateWaiting, onUpdateWaiting } from '../services/pwa';
import { isCallActive, subscribeCallActive } from '../services/callOwner/activity';

/** The operator decides when a new version loads; during a call it waits until the call ends. */
export function UpdatePrompt() {
  const [waiting, setWaiting] = useState(isUpdateWaiting);
  const [dismissed, setDismissed] = useState(false);
  const [deferred, setDeferred] = useState(false);

  useEffect(() => onUpdateWaiting(() => setWaiting(true)), []);

  useEffect(
    () =>
      subscribeCallActive((active) => {
        if (!active && deferred) void applyUpdate();
      }),
    [deferred],
  );

  if (!waiting || dismissed) return null;

  function accept() {
    if (isCallActive()) setDeferred(true);
    else void applyUpdate();
  }

  return (
    <div className="banner banner-info" role="status" data-testid="update-prompt">
      <span>{deferred ? t.shell.update.afterCall : t.shell.update.available}</span>
      {!deferred && (
        <>
          <button type="button" onClick={accept}>
            {t.shell.update.apply}
          </button>
          <button type="button" className="secondary" onClick={() => setDismissed(true)}>
            {t.shell.update.later}
          </button>
        </>
      )}
    </div>
  );
}
