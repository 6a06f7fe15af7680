// Calls a supervisor imports from workstation files go to the centre's server too (issue 19): queued in
// the outbox under the supervisor's imports queue in one transaction, and sent by a sync client of their
// own (POST /api/v1/calls/imports) while the workspace is open; what is not sent yet stays queued in the
// browser for the next opening. The panel says how it stands, and why the server refused any call.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppDB } from '../../db';
import { queueImportedCalls } from '../../db/sync';
import { t } from '../../i18n';
import { rememberedSession } from '../../services/account/serverProbe';
import type { SyncStatus } from '../../services/sync';

export interface ImportsUpload {
  status: SyncStatus | null;
  /** Queues the calls of an imported file; false when storage failed (the file itself is imported). */
  queue: (callIds: readonly string[]) => Promise<boolean>;
  retry: () => void;
}

/** The imports queue of the signed-in supervisor; null on a single workstation (`db` null). */
export function useImportsUpload(db: AppDB | null): ImportsUpload | null {
  const session = db ? rememberedSession() : null;
  const personId = session?.person.id ?? null;
  const organisationId = session?.organisation.id ?? null;
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [retry, setRetry] = useState<() => void>(() => () => undefined);

  useEffect(() => {
    if (!db || !personId || !organisationId) return;
    let live = true;
    let stop = () => {};
    void import('../../services/sync').then(
      ({ startImportsSync }) => {
        if (!live) return;
        const handle = startImportsSync(db, { personId, organisationId });
        const unsubscribe = handle.subscribe(setStatus);
        setRetry(() => () => handle.retryNow());
        stop = () => {
          unsubscribe();
          handle.stop();
        };
      },
      // The chunk did not load (an old cache): the calls stay queued for the next opening.
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, [db, personId, organisationId]);

  const queue = useCallback(
    async (callIds: readonly string[]) => {
      if (!db || !personId || !organisationId) return true;
      return queueImportedCalls(db, { personId, organisationId }, callIds).then(
        () => true,
        () => false,
      );
    },
    [db, personId, organisationId],
  );

  return useMemo(
    () => (db && personId && organisationId ? { status, queue, retry } : null),
    [db, personId, organisationId, status, queue, retry],
  );
}

/** How the imported calls stand with the server, in one quiet region; the refusals in the server's words. */
export function ImportsToServer({ upload }: { upload: ImportsUpload }) {
  const text = t.supervisor.exchange.toServer;
  const { status } = upload;
  if (!status?.outbox) return null;
  const { calls } = status.outbox;
  const line =
    status.connection === 'signInAgain'
      ? text.signInAgain
      : calls === 0
        ? text.allSent
        : status.connection === 'unreachable'
          ? `${text.waiting(calls)} ${text.unreachable}`
          : text.waiting(calls);
  return (
    <section aria-label={text.region} className="imports-to-server">
      <p role="status" data-testid="imports-to-server">
        {line}
      </p>
      {status.refused.length > 0 && (
        <div role="alert">
          <p>{text.refused(status.refused.length)}</p>
          <ul>
            {status.refused.map((r) => (
              <li key={r.callId}>{r.message}</li>
            ))}
          </ul>
        </div>
      )}
      {calls > 0 && status.connection !== 'signInAgain' && (
        <button type="button" onClick={upload.retry}>
          {text.retry}
        </button>
      )}
    </section>
  );
}
