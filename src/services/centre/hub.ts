// What the centre says while this workstation listens (issue 17 onward): the shell's stream (stream.ts, a
// lazy chunk) feeds it; workspaces subscribe by kind and refetch what they show. Pure pub/sub, small
// enough for the first load: a single workstation never connects, and nothing here ever fires.
import type { CentreEvent } from '../../protocol';

export type CentreLink = 'connected' | 'disconnected';
type Kind = CentreEvent['kind'];
type Listener<K extends Kind> = (event: Extract<CentreEvent, { kind: K }>) => void;

const byKind = new Map<Kind, Set<(event: CentreEvent) => void>>();
const linkListeners = new Set<(link: CentreLink) => void>();
let link: CentreLink = 'disconnected';

/** Hears every event of one kind; returns the way to stop. */
export function onCentreEvent<K extends Kind>(kind: K, listener: Listener<K>): () => void {
  const set = byKind.get(kind) ?? new Set();
  byKind.set(kind, set);
  const wrapped = listener as (event: CentreEvent) => void; // only events of `kind` reach this set
  set.add(wrapped);
  return () => set.delete(wrapped);
}

/**
 * Hears the stream open and close, at once with the present state. Events may have been missed while it
 * was closed, so every 'connected' is the moment to fetch again what is shown.
 */
export function onCentreLink(listener: (link: CentreLink) => void): () => void {
  linkListeners.add(listener);
  listener(link);
  return () => linkListeners.delete(listener);
}

export function centreLink(): CentreLink {
  return link;
}

/** For the stream: one event heard. A listener's failure is its own; the others still hear. */
export function deliverCentreEvent(event: CentreEvent): void {
  for (const listener of byKind.get(event.kind) ?? []) {
    try {
      listener(event);
    } catch (e) {
      queueMicrotask(() => {
        throw e;
      });
    }
  }
}

/** For the stream: it opened or closed. */
export function setCentreLink(next: CentreLink): void {
  if (next === link) return;
  link = next;
  for (const listener of linkListeners) listener(next);
}
