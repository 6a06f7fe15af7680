// The Russian sign-in page (issue 16), a lazy chunk: shown only when the app is served by the server and
// nobody is signed in. A refusal shows the server's own Russian message.
import { useState, type FormEvent } from 'react';
import { t } from '../i18n';
import { ApiRefusal, signIn } from '../services/account/session';
import type { KnownSession } from '../services/account/serverProbe';
import { LabelledInput } from '../ui/LabelledInput';

export function SignInPage({
  notice,
  onSignedIn,
}: {
  notice?: string;
  onSignedIn: (s: KnownSession) => void;
}) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const words = t.account.signIn;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!login.trim() || !password) {
      setError(words.empty);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(login.trim(), password));
    } catch (err) {
      setError(err instanceof ApiRefusal && err.message ? err.message : words.unreachable);
      setBusy(false);
    }
  }

  return (
    <main id="main" className="first-run">
      <h1>{words.title}</h1>
      <p>{words.intro}</p>
      {notice && <p role="status">{notice}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={words.title}>
        <LabelledInput
          label={words.login}
          name="username"
          autoComplete="username"
          value={login}
          onChange={setLogin}
        />
        <LabelledInput
          label={words.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
        />
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? words.busy : words.submit}
        </button>
      </form>
    </main>
  );
}
