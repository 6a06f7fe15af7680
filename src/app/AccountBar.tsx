// Who is signed in and the sign-out button, in the shell's header (issue 16, only with the server).
import { t } from '../i18n';
import type { KnownSession } from '../services/account/serverProbe';

export interface Account {
  session: KnownSession;
  signOut: () => Promise<void>;
}

export function AccountBar({ account }: { account: Account }) {
  const { person } = account.session;
  const name = [person.surname, person.firstName].filter(Boolean).join(' ') || person.login;
  return (
    <div className="account-bar">
      <span data-testid="signed-in-as">{t.shell.account.signedInAs(name)}</span>
      <button type="button" onClick={() => void account.signOut()}>
        {t.shell.account.signOut}
      </button>
    </div>
  );
}
