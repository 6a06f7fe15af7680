// Service worker registration in "prompt" mode: a new version waits until the operator accepts it.
// Plain navigator.serviceWorker, not workbox-window (2.7 KB gzip of the operator's first load, issue 8):
// the generated sw.js already skips waiting on a { type: 'SKIP_WAITING' } message, which is all we need.

type Listener = () => void;
let waiting: ServiceWorker | null = null;
const listeners = new Set<Listener>();

/** Where vite-plugin-pwa writes the generated worker (its `filename` and `scope` defaults). */
const SW_URL = `${import.meta.env.BASE_URL}sw.js`;

/** A worker installed while another one controls the page is a new version; the first one is not. */
function offer(worker: ServiceWorker): void {
  if (!navigator.serviceWorker.controller) return;
  waiting = worker;
  for (const l of listeners) l();
}

function watchInstalling(registration: ServiceWorkerRegistration): void {
  const worker = registration.installing;
  if (!worker) return;
  worker.addEventListener('statechange', () => {
    if (worker.state === 'installed') offer(worker);
  });
}

export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return;
  // After the page has loaded, as workbox-window did: the worker's precache then does not compete with the
  // first load, and (measured, bench first-load) a page that registered during its load was sometimes left
  // uncontrolled by the worker's claim, so the next page was not served offline until a reload.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}

function register(): void {
  navigator.serviceWorker.register(SW_URL, { scope: import.meta.env.BASE_URL }).then(
    (registration) => {
      // A version found by another tab, or before this page loaded, is already waiting.
      if (registration.waiting) offer(registration.waiting);
      // Any update of this registration, whoever looked for it (this tab, another one, the browser).
      registration.addEventListener('updatefound', () => watchInstalling(registration));
      watchInstalling(registration);
      // Look for a new version now and then; an operator may keep the app open for days.
      setInterval(() => void registration.update().catch(() => undefined), 30 * 60 * 1000);
    },
    // No service worker (private mode, blocked by policy): the app still runs, only not offline.
    () => undefined,
  );
}

export function isUpdateWaiting(): boolean {
  return waiting !== null;
}

export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function applyUpdate(): Promise<void> {
  const worker = waiting;
  // Another tab may have applied it already: the new worker controls this page, only the reload is left.
  if (!worker || navigator.serviceWorker.controller === worker || worker.state === 'activated') {
    window.location.reload();
    return Promise.resolve();
  }
  // The new worker takes over once it skips waiting; the page then reloads onto the new build.
  navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
    once: true,
  });
  worker.postMessage({ type: 'SKIP_WAITING' });
  return Promise.resolve();
}
