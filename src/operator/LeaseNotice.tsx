import { useState } from 'react';
import { t } from '../i18n';
import type { LeaseStanding } from '../services/lease/standing';

type Props = {
  standing: Exclude<LeaseStanding, 'free'>;
  /** Takes the operator's calls to this device; resolves true once it holds them. */
  takeOver: () => Promise<boolean>;
};

/** Another device of the operator holds their calls: why this one is read-only, and the way to take them. */
export function LeaseNotice({ standing, takeOver }: Props) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const text = t.lease;
  const onTakeOver = async () => {
    setState('busy');
    setState((await takeOver().catch(() => false)) ? 'idle' : 'failed');
  };
  return (
    <div className="call-bar call-bar-warning" role="alert" data-testid="lease-notice">
      <p>{text[standing]}</p>
      <button
        type="button"
        aria-label={text.takeOverLabel}
        disabled={state === 'busy'}
        onClick={() => void onTakeOver()}
      >
        {text.takeOver}
      </button>
      {state === 'busy' && <p role="status">{text.takingOver}</p>}
      {state === 'failed' && <p role="alert">{text.failed}</p>}
    </div>
  );
}
