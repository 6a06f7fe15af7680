import { useCallback, useState, useSyncExternalStore } from 'react';
import { t } from '../i18n';
import { formatRuPhone } from '../flows/phone';
import type { FlowDefinition } from '../flows/types';
import type { HandoverOffer } from '../protocol';
import type { CallController } from '../services/callOwner/types';
import type { HandoverInbox } from '../services/handovers/handoverInbox';

type Props = {
  inbox: HandoverInbox;
  controller: CallController;
  /** The inbound flow the colleague's call runs on. */
  flow: FlowDefinition | null;
};

/** Calls a colleague handed over to this operator: what the caller already said, and the way to take it. */
export function IncomingHandovers({ inbox, controller, flow }: Props) {
  const text = t.handovers;
  const offers = useSyncExternalStore(
    useCallback((l: () => void) => inbox.subscribe(l), [inbox]),
    () => inbox.getOffers(),
  );
  const [error, setError] = useState<string | null>(null);
  if (offers.length === 0 && !error) return null;

  const accept = (offer: HandoverOffer) => {
    if (!flow) return setError(text.noFlow);
    if (controller.getActive()) return setError(text.busy);
    setError(null);
    inbox.accept(offer, controller, flow).then(setError, () => setError(text.startFailed));
  };

  return (
    <section aria-labelledby="handovers-title" className="handovers">
      <h2 id="handovers-title">{text.title}</h2>
      {error && <p role="alert">{error}</p>}
      <ul>
        {offers.map((offer) => {
          const phone = offer.caller.phone ? formatRuPhone(offer.caller.phone) : '';
          const who = [offer.caller.name ?? text.unknownCaller, phone].filter(Boolean).join(', ');
          return (
            <li key={offer.id} data-testid="handover-offer">
              <p>{text.from(offer.fromOperator)}</p>
              <p>
                {text.caller}: {who}
              </p>
              <p>
                {text.need}: {offer.need}
              </p>
              <p>
                {text.notes}: {offer.notes}
              </p>
              <p>{text.count(offer.transfers)}</p>
              {offer.transfers >= 2 && <p className="muted">{text.atCap}</p>}
              <button type="button" aria-label={text.acceptLabel(who)} onClick={() => accept(offer)}>
                {text.accept}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
