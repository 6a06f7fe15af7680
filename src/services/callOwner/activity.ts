// Whether a call is in progress right now. The update prompt reads it so the app never reloads mid-call.
type Listener = (active: boolean) => void;
let active = false;
const listeners = new Set<Listener>();

export function setCallActive(value: boolean): void {
  if (active === value) return;
  active = value;
  for (const l of listeners) l(active);
}

export function isCallActive(): boolean {
  return active;
}

export function subscribeCallActive(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
