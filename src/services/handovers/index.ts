// The handover inbox wired to this page's server: the API through the session client, news through the
// centre hub. One inbox per signed-in person while the app runs.
import type { HandoverOffer } from '../../protocol';
import { api } from '../account/session';
import { onCentreEvent, onCentreLink } from '../centre/hub';
import { createHandoverInbox, type HandoverInbox } from './handoverInbox';

let current: { personId: string; inbox: HandoverInbox } | null = null;

export function handoverInboxFor(personId: string): HandoverInbox {
  if (current?.personId === personId) return current.inbox;
  current?.inbox.stop();
  const inbox = createHandoverInbox(
    {
      list: () => api<{ handovers: HandoverOffer[] }>('GET', '/handovers').then((r) => r.handovers),
      accept: (id, callId) => api('POST', `/handovers/${encodeURIComponent(id)}/accept`, { callId }),
      onOffered: (listener) => onCentreEvent('handover', (e) => listener(e.recipientPersonId)),
      onLink: onCentreLink,
    },
    personId,
  );
  current = { personId, inbox };
  return inbox;
}
