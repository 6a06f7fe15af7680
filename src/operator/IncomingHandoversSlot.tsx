import { useCallback, useEffect, useState } from 'react';
import type { FlowDefinition } from '../flows/types';
import { rememberedSession } from '../services/account/serverProbe';
import type { CallController } from '../services/callOwner/types';
import type { HandoverInbox } from '../services/handovers/handoverInbox';
import { IncomingHandovers } from './IncomingHandovers';

type Props = { controller: CallController; flows: readonly FlowDefinition[] };

/**
 * Handed-over calls, only when signed in to a server: the inbox (and the server's client it needs) is a
 * lazy chunk, so a single workstation's first load carries none of it.
 */
export function IncomingHandoversSlot({ controller, flows }: Props) {
  const [inbox, setInbox] = useState<HandoverInbox | null>(null);
  const personId = rememberedSession()?.person.id ?? null;
  useEffect(() => {
    if (!personId) return;
    let live = true;
    void import('../services/handovers').then(
      (m) => live && setInbox(m.handoverInboxFor(personId)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [personId]);
  const inbound = useCallback(() => flows.find((f) => f.direction === 'inbound') ?? null, [flows]);
  if (!inbox) return null;
  return <IncomingHandovers inbox={inbox} controller={controller} flow={inbound()} />;
}
