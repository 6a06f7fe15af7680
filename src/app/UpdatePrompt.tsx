import { useEffect, useState } from 'react';
import { t } from '../i18n';
import { applyUpdate } from '../services/pwa';
import { isCallActive, subscribeCallActive } from '../services/callOwner/activity';

/**
 * The operator decides when a new version loads; during a call it waits until the call ends. A lazy
 * chunk, shown by the shell once a new version is waiting.
 */
export function UpdatePrompt() {
  const [dismissed, setDismissed] = useState(false);
  const [deferred, setDeferred] = useState(false);

  useEffect(
    () =>
      subscribeCallActive((active) => {
        if (!active && deferred) void applyUpdate();
      }),
    [deferred],
  );

  if (dismissed) return null;

  function accept() {
    if (isCallActive()) setDeferred(true);
    else void applyUpdate();
  }

  return (
    <div className="banner banner-info" role="status" data-testid="update-prompt">
      <span>{deferred ? t.update.afterCall : t.update.available}</span>
      {!deferred && (
        <>
          <button type="button" onClick={accept}>
            {t.update.apply}
          </button>
          <button type="button" className="secondary" onClick={() => setDismissed(true)}>
            {t.update.later}
          </button>
        </>
      )}
    </div>
  );
}
