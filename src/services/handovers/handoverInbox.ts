// Calls handed over to this operator (issue 17): fetched when signed in, again on every `handover` centre
// event naming this person and on every reconnect. Accepting starts the call here from the handover (the
// count continued, past the greeting) and then tells the server which call took it on.
import { handoverStart } from '../../calls/handover';
import type { FlowDefinition } from '../../flows/types';
import type { HandoverOffer } from '../../protocol';
import type { CallController } from '../callOwner/types';

export interface HandoverLink {
  list(): Promise<HandoverOffer[]>;
  accept(id: string, callId: string): Promise<unknown>;
  /** A handover was offered to someone (a `handover` centre event): its recipient's id. */
  onOffered(listener: (recipientPersonId: string) => void): () => void;
  onLink(listener: (link: 'connected' | 'disconnected') => void): () => void;
}

export interface HandoverInbox {
  getOffers(): readonly HandoverOffer[];
  subscribe(listener: () => void): () => void;
  /** Starts the call here from the offer; the server's refusal (taken on elsewhere) comes back as words. */
  accept(offer: HandoverOffer, controller: CallController, flow: FlowDefinition): Promise<string | null>;
  stop(): void;
}

function messageOf(error: unknown): string | null {
  return error instanceof Error && error.message ? error.message : null;
}

export function createHandoverInbox(link: HandoverLink, personId: string): HandoverInbox {
  let offers: readonly HandoverOffer[] = [];
  const listeners = new Set<() => void>();
  const set = (next: readonly HandoverOffer[]) => {
    offers = next;
    for (const l of listeners) l();
  };
  const refresh = () =>
    void link.list().then(set, () => undefined /* unreachable: the offers shown stay until reconnect */);
  const unsubscribeOffered = link.onOffered((recipient) => {
    if (recipient === personId) refresh();
  });
  const unsubscribeLink = link.onLink((state) => {
    if (state === 'connected') refresh();
  });

  return {
    getOffers: () => offers,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async accept(offer, controller, flow) {
      const start = handoverStart(offer);
      const call = await controller.start({
        flowId: flow.id,
        direction: 'inbound',
        transfersBefore: start.transfersBefore,
        ...(start.callerPhone ? { callerPhone: start.callerPhone } : {}),
        handover: { ...start.handover, prefills: start.prefills },
      });
      set(offers.filter((o) => o.id !== offer.id));
      try {
        await link.accept(offer.id, call.callId);
        return null;
      } catch (error) {
        refresh();
        return messageOf(error);
      }
    },
    stop() {
      unsubscribeOffered();
      unsubscribeLink();
      listeners.clear();
    },
  };
}
