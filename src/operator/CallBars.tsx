import { t } from '../i18n';
import type { ActiveCall } from '../services/callOwner/types';
import { leaseStanding } from '../services/lease/standing';
import { LeaseNoticeSlot } from './LeaseNoticeSlot';
import { useLeaseStanding } from './useLeaseStanding';

type Props = { call: ActiveCall; sendFailed: boolean };

/**
 * The call's standing: held by another device of the operator, owned by another tab, kept only in memory,
 * or an action that did not save.
 */
export function CallBars({ call, sendFailed }: Props) {
  const text = t.operator.bars;
  const standing = useLeaseStanding();
  const takeOver = async () => {
    await call.takeOver();
    return leaseStanding() === 'free';
  };
  return (
    <>
      {call.heldElsewhere ? (
        <LeaseNoticeSlot standing={standing} takeOver={takeOver} />
      ) : (
        call.readOnly && (
          <div className="call-bar" role="status" data-testid="read-only-bar">
            <p>{text.readOnly}</p>
            <button type="button" onClick={() => void call.takeOver()}>
              {text.takeOver}
            </button>
          </div>
        )
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
