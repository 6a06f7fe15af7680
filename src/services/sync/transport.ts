// The sync client's link to POST /api/v1/calls/events, through the session client (its cookie and CSRF
// token): the server's refusals mapped to what the sync client does about them; and the outbox's report
// (PUT /api/v1/calls/outbox); the calls a supervisor imported from files go the same way to
// POST /api/v1/calls/imports.
import type { CallEventAcks } from '../../protocol';
import { api, ApiRefusal, checkSession } from '../account/session';
import { UploadError, type Transport, type UploadBatch, type UploadFailure } from './syncClient';

function failureOf(error: unknown): UploadFailure {
  if (!(error instanceof ApiRefusal)) return 'unreachable';
  if (error.status === 401) return 'signedOut';
  if (error.code === 'csrf_failed') return 'csrf';
  if (error.status === 413) return 'tooLarge';
  if (error.status === 400 || error.status === 403) return 'refused';
  // 5xx, a proxy's error page, a server without this route yet (404): later.
  return 'unreachable';
}

async function refreshSession() {
  const state = await checkSession();
  if (state === null) throw new Error('the server did not answer');
  return state.mode === 'signedIn';
}

/** POSTs each batch to `path`; the server's words and codes are the same for every upload route. */
function sendTo(path: string): Transport['send'] {
  return async (batch: UploadBatch) => {
    try {
      return await api<CallEventAcks>('POST', path, batch);
    } catch (error) {
      throw new UploadError(failureOf(error));
    }
  };
}

/** An operator's calls (and the outbox's report of how it stands). */
export const serverTransport: Transport = {
  send: sendTo('/calls/events'),
  async report(report) {
    await api<undefined>('PUT', '/calls/outbox', report);
  },
  refreshSession,
};

/** The calls a supervisor imported from files (issue 19). */
export const importsTransport: Transport = { send: sendTo('/calls/imports'), refreshSession };
