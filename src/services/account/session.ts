// The app's client of the Sufler server (issue 16), a lazy chunk: loaded when the start's probe
// (serverProbe.ts) found the API, or to sign in. Served by the server, /api/v1/session answers in JSON (the
// session, or 401 "not signed in"); served as static files, the same address answers the app's HTML or
// 404, and the app stays a single workstation without loading this client.
import type { ApiErrorBody, KbArticleConflict, PublishedFlow, SessionInfo } from '../../protocol';
import {
  API,
  askServer,
  KNOWN_KEY,
  isJson,
  rememberedSession,
  type KnownSession,
  type ProbeAnswer,
  type ServerState,
} from './serverProbe';

/** The header every state-changing request carries (CSRF_HEADER in src/protocol/session.ts). */
export const CSRF_HEADER = 'x-csrf-token';

let csrfToken: string | null = null;

function remember(info: SessionInfo): KnownSession {
  csrfToken = info.csrfToken;
  const known: KnownSession = { person: info.person, organisation: info.organisation };
  try {
    localStorage.setItem(KNOWN_KEY, JSON.stringify(known));
  } catch {
    // Storage refused (private mode): the session still works until the tab closes.
  }
  return known;
}

function forget(): void {
  csrfToken = null;
  try {
    localStorage.removeItem(KNOWN_KEY);
  } catch {
    // Nothing remembered to remove.
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

/** What a refusal may carry beside its code and message (flowRefusalSchema in src/protocol/flows.ts). */
interface RefusalDetails {
  issues?: string[];
  latest?: PublishedFlow;
  /** Articles another editor published since the edit began (kb_article_conflict). */
  conflicts?: KbArticleConflict[];
}

/** A refusal of the API, with the server's Russian message. */
export class ApiRefusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The refusal's other fields: a checker's findings, the newer version to compare with. */
    readonly body: RefusalDetails = {},
  ) {
    super(message);
  }
}

/** The reason to show on the sign-in page: only an expired session has one worth saying. */
type EndedListener = (notice: string | undefined) => void;
const endedListeners = new Set<EndedListener>();

/** Hears when the server says the session is over (it expired, or an administrator ended it). */
export function onSessionEnded(listener: EndedListener): () => void {
  endedListeners.add(listener);
  return () => endedListeners.delete(listener);
}

const noticeOf = (body: ApiErrorBody): string | undefined =>
  body.code === 'session_expired' ? body.message : undefined;

function ended(notice: string | undefined): void {
  forget();
  for (const l of endedListeners) l(notice);
}

const SESSION_OVER = new Set(['not_signed_in', 'session_expired']);

async function send(method: string, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers[CSRF_HEADER] = csrfToken;
  return fetch(API + path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * A call to the API: JSON in and out, the CSRF header on writes; a refusal throws ApiRefusal.
 * The token is fetched when the page has none yet (it started offline with a remembered session) and
 * fetched again once when the server refuses it; a 401 ends the session here too (onSessionEnded).
 */
export async function api<T>(
  method: string,
  path: string,
  body?: unknown,
  // Signing in needs no token (it is where the token comes from).
  { signedIn = true }: { signedIn?: boolean } = {},
): Promise<T> {
  const writes = method !== 'GET' && signedIn;
  if (writes && !csrfToken) await checkSession();
  let response = await send(method, path, body);
  let parsed: unknown = isJson(response) ? await response.json() : null;
  if (writes && response.status === 403 && isErrorBody(parsed) && parsed.code === 'csrf_failed') {
    const state = await checkSession();
    if (state?.mode === 'signedIn') {
      response = await send(method, path, body);
      parsed = isJson(response) ? await response.json() : null;
    }
  }
  if (response.status === 204) return undefined as T; // A 204 has no body; the caller asked for none.
  if (!response.ok) {
    if (isErrorBody(parsed)) {
      // Heard once: later refusals (the cookie is gone by then) add nothing.
      if (response.status === 401 && SESSION_OVER.has(parsed.code) && rememberedSession())
        ended(noticeOf(parsed));
      throw new ApiRefusal(response.status, parsed.code, parsed.message, parsed as RefusalDetails);
    }
    throw new ApiRefusal(response.status, 'unreachable', '');
  }
  return parsed as T; // The server's response schema (src/protocol) shapes it.
}

/** What the API's answer to GET /session says (the start's probe and every later check). */
export function stateOf({ ok, status, body }: ProbeAnswer): ServerState {
  if (ok && typeof body === 'object' && body !== null && 'csrfToken' in body) {
    return { mode: 'signedIn', session: remember(body as SessionInfo), offline: false };
  }
  if (status === 401 && isErrorBody(body)) {
    const notice = noticeOf(body);
    // A session this workstation held is over: whoever listens (the shell) hears it.
    if (rememberedSession()) ended(notice);
    else forget();
    return { mode: 'signedOut', notice };
  }
  return { mode: 'standalone' };
}

/**
 * Asks the server who is signed in, refreshing the CSRF token (the network came back after an offline
 * start). null: no answer at all (network down); standalone: something answered that is not the API.
 */
export async function checkSession(): Promise<ServerState | null> {
  const answer = await askServer();
  if (answer === null) return null;
  return answer === 'static' ? { mode: 'standalone' } : stateOf(answer);
}

export async function signIn(login: string, password: string): Promise<KnownSession> {
  return remember(await api<SessionInfo>('POST', '/session', { login, password }, { signedIn: false }));
}

/** Ends the session on the server when it answers; on this workstation in any case. */
export async function signOut(): Promise<void> {
  try {
    await api('DELETE', '/session');
  } catch {
    // Offline or already ended: the workstation forgets the person all the same.
  }
  forget();
}
