import { t } from '../i18n';
import type { ActiveCall } from '../services/callOwner/types';

type Props = { call: ActiveCall; sendFailed: boolean };

/** The call's standing: owned by another tab, kept only in memory, or an action that did not save. */
export function CallBars({ call, sendFailed }: Props) {
  const text = t.operator.bars;
  return (
    <>
      {call.readOnly && (
        <div className="call-bar" role="status" data-testid="read-only-bar">
          <p>{text.readOnly}</p>
          <button type="button" onClick={() => void call.takeOver()}>
            {text.takeOver}
          </button>
        </div>
      )}
      {call.storage === 'memory' && (
        <div className="call-bar call-bar-warning" role="alert" data-testid="memory-bar">
          <p>{text.memory}</p>
          <button type="button" onClick={() => call.downloadRecord()}>
            {text.download}
          </button>
        </div>
      )}
      {sendFailed && (
        <p className="call-bar call-bar-warning" role="alert">
          {text.sendFailed}
        </p>
      )}
    </>
  );
}
