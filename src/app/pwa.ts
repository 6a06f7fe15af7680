// Service worker registration in "prompt" mode: a new version waits until the operator accepts it.
import { registerSW } from 'virtual:pwa-register';

type Listener = () => void;
let needRefresh = false;
const listeners = new Set<Listener>();
let update: ((reload?: boolean) => Promise<void>) | null = null;

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  update = registerSW({
    immediate: true,
    onNeedRefresh() {
      needRefresh = true;
      for (const l of listeners) l();
    },
    onRegisteredSW(_url, registration) {
      // Look for a new version now and then; an operator may keep the app open for days.
      if (registration) setInterval(() => void registration.update(), 30 * 60 * 1000);
    },
  });
}

export function isUpdateWaiting(): boolean {
  return needRefresh;
}

export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export async function applyUpdate(): Promise<void> {
  // workbox-window reloads only for updates it found itself; a periodic or external update check
  // would leave the page on the old build, so reload on the controller change ourselves.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  await update?.(true);
}
