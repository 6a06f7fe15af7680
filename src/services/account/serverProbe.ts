// The start's question to the server (issue 16), small enough for the operator's first load: served as
// static files, the app learns it is a single workstation without loading the server's client
// (session.ts, a lazy chunk), which loads only when the API answered. The signed-in person is remembered
// in localStorage, so a start without network goes on at once with the last known roles.
// Only types come from src/protocol: its zod schemas stay out of the operator's first load.
import type { SessionInfo } from '../../protocol';

export const API = '/api/v1';
export const KNOWN_KEY = 'sufler.session';
/** How long the start waits for the server when no session is known; a known one never waits. */
const PROBE_MS = 5000;

/** Who is signed in, as remembered on this workstation. */
export interface KnownSession {
  person: SessionInfo['person'];
  organisation: SessionInfo['organisation'];
}

export type ServerState =
  /** No server: today's single workstation, every workspace, no sign-in. */
  | { mode: 'standalone' }
  | { mode: 'signedOut'; notice?: string }
  | { mode: 'signedIn'; session: KnownSession; offline: boolean };

/** The API's answer to GET /session, for the server's client to read. */
export interface ProbeAnswer {
  ok: boolean;
  status: number;
  body: unknown;
}

export function rememberedSession(): KnownSession | null {
  try {
    const raw = localStorage.getItem(KNOWN_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    return isKnown(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function isKnown(value: unknown): value is KnownSession {
  if (typeof value !== 'object' || value === null || !('person' in value) || !('organisation' in value)) {
    return false;
  }
  const person: unknown = value.person;
  return typeof person === 'object' && person !== null && 'roles' in person && Array.isArray(person.roles);
}

export function isJson(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').includes('application/json');
}

/**
 * Where the app stands at start. With a remembered session it answers at once and checks the server
 * behind (onChecked); without one it asks the server, at most PROBE_MS.
 */
export function startSession(onChecked: (state: ServerState) => void): ServerState | Promise<ServerState> {
  const known = rememberedSession();
  const probe = probeServer();
  if (known) {
    void probe.then((state) => {
      // No answer (offline, the server stopped): keep working with the last known roles.
      if (state === null || state.mode === 'standalone')
        onChecked({ mode: 'signedIn', session: known, offline: true });
      else onChecked(state);
    });
    return { mode: 'signedIn', session: known, offline: !navigator.onLine };
  }
  return probe.then((state) => state ?? { mode: 'standalone' });
}

/** null: no answer at all (network down); standalone: something answered that is not the API. */
async function probeServer(): Promise<ServerState | null> {
  const answer = await askServer();
  if (answer === null) return null;
  if (answer === 'static') return { mode: 'standalone' };
  // The API answered: its client reads the answer (and keeps the CSRF token). A client that cannot be
  // loaded counts as no answer.
  return import('./session').then(
    ({ stateOf }) => stateOf(answer),
    () => null,
  );
}

export async function askServer(): Promise<ProbeAnswer | 'static' | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), PROBE_MS);
  try {
    const response = await fetch(`${API}/session`, {
      headers: { accept: 'application/json' },
      credentials: 'same-origin',
      signal: controller.signal,
    });
    if (!isJson(response)) return 'static';
    return { ok: response.ok, status: response.status, body: await response.json() };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
