// Who is signed in and the sign-out button, in the shell's header (issue 16, only with the server).
import { lazy, Suspense } from 'react';
import { t } from '../i18n';
import type { KnownSession } from '../services/account/serverProbe';
import type { FlowUpdatesStatus } from '../services/centreFlows';
import type { CallSync } from './useCallSync';
import { Boundary } from '../ui/Boundary';

// Only with the server, and only after the sync client reported: not part of the first load.
const SyncStatusLine = lazy(() => import('./SyncStatusLine').then((m) => ({ default: m.SyncStatusLine })));
const FlowsAgeLine = lazy(() => import('./FlowsAgeLine').then((m) => ({ default: m.FlowsAgeLine })));
const EarlierCallsOffer = lazy(() =>
  import('./EarlierCallsOffer').then((m) => ({ default: m.EarlierCallsOffer })),
);

export interface Account {
  session: KnownSession;
  signOut: () => Promise<void>;
  /** Whether the calls reached the server; null until the sync client started. */
  sync: CallSync | null;
  /** Whether the flows came from the server, and when; null until the flow client started. */
  flows?: FlowUpdatesStatus | null;
}

export function AccountBar({ account }: { account: Account }) {
  const { person } = account.session;
  const name = [person.surname, person.firstName].filter(Boolean).join(' ') || person.login;
  return (
    <div className="account-bar">
      <span data-testid="signed-in-as">{t.account.bar.signedInAs(name)}</span>
      {/* Status lines come as chunks of their own: one that cannot load is left out, the bar stays. */}
      <Boundary fallback={null}>
        {account.sync?.status.outbox && (
          <Suspense fallback={null}>
            <SyncStatusLine status={account.sync.status} signInAgain={() => void account.signOut()} />
          </Suspense>
        )}
      </Boundary>
      <Boundary fallback={null}>
        {account.sync?.status.earlier && (
          <Suspense fallback={null}>
            <EarlierCallsOffer earlier={account.sync.status.earlier} answer={account.sync.answerEarlier} />
          </Suspense>
        )}
      </Boundary>
      <Boundary fallback={null}>
        {account.flows?.reachable === false && (
          <Suspense fallback={null}>
            <FlowsAgeLine status={account.flows} />
          </Suspense>
        )}
      </Boundary>
      <button type="button" onClick={() => void account.signOut()}>
        {t.account.bar.signOut}
      </button>
    </div>
  );
}
