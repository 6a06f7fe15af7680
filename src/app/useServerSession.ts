// The shell's view of the server (issue 16): standalone, signed out or signed in, decided once at start
// (at once when a session is remembered) and changed by sign-in and sign-out. When the server says the
// session is over mid-run, the sign-in page waits until no call is in progress: a call is never cut off,
// and everything stored here stays (sign-in only asks who the person is again).
import { useCallback, useEffect, useRef, useState } from 'react';
import { startSession, type KnownSession, type ServerState } from '../services/account/serverProbe';
import { isCallActive, subscribeCallActive } from '../services/callOwner/activity';

// The server's client is a lazy chunk (precached): a single workstation's start does not load it.
const client = () => import('../services/account/session');

/** How many more times a session check that got no answer is tried again. */
const RECHECK_RETRIES = 4;

export interface ServerSession {
  /** null while the start asks the server (only when no session is remembered). */
  state: ServerState | null;
  /** The session ended while a call was in progress: the sign-in page comes once the call is over. */
  endedNotice: string | null;
  signedIn: (session: KnownSession) => void;
  signOut: () => Promise<void>;
  /** Asks the server again who is signed in (the events stream heard the session end). */
  recheck: () => void;
}

export function useServerSession(): ServerSession {
  const [state, setState] = useState<ServerState | null>(null);
  // The sign-out the server asked for, held back while a call is in progress.
  const [ended, setEnded] = useState<string | null>(null);
  const [callActive, setCallActive] = useState(isCallActive);
  const askAgain = useRef(() => {});

  useEffect(() => subscribeCallActive(setCallActive), []);

  useEffect(() => {
    let live = true;
    let unsubscribe = () => {};
    // Once the API answered, its client is loaded to hear of a session ended mid-run (a 401 to any call).
    let served = false;
    const listen = () => {
      if (served) return;
      served = true;
      void client().then(({ onSessionEnded }) => {
        if (live) unsubscribe = onSessionEnded((notice) => update({ mode: 'signedOut', notice }));
      });
    };
    const update = (s: ServerState) => {
      if (!live) return;
      if (s.mode !== 'standalone') listen();
      if (s.mode === 'signedOut') {
        // A reason heard once (the session ended) is kept when a later check has none to give.
        setEnded((held) => s.notice ?? held ?? '');
        // Nothing to protect before the app has shown anyone: go to the sign-in page now.
        setState((current) => (current?.mode === 'signedIn' ? current : s));
      } else {
        setEnded(null);
        setState(s);
      }
    };
    let rechecking = false;
    const recheck = () => {
      if (!served || rechecking) return; // a single workstation has no server to ask
      rechecking = true;
      void client()
        .then(async ({ checkSession }) => {
          // The browser says «online» a moment before connections go through: a failed answer is asked
          // again a few times (0.5, 1, 2, 4 s) before the next «online» or the events stream asks.
          for (let attempt = 0; live; attempt++) {
            const s = await checkSession();
            if (s) {
              if (s.mode !== 'standalone') update(s);
              return;
            }
            if (attempt >= RECHECK_RETRIES) return;
            await new Promise((resolve) => setTimeout(resolve, 500 * 2 ** attempt));
          }
        })
        .finally(() => {
          rechecking = false;
        });
    };
    askAgain.current = recheck;
    void Promise.resolve(startSession(update)).then(update);
    // The network is back (after an offline start, say): a fresh CSRF token, and news of an ended session.
    window.addEventListener('online', recheck);
    return () => {
      live = false;
      unsubscribe();
      window.removeEventListener('online', recheck);
    };
  }, []);

  // The held-back sign-in page comes as soon as no call is in progress.
  useEffect(() => {
    if (ended !== null && !callActive && state?.mode === 'signedIn') {
      setState({ mode: 'signedOut', notice: ended || undefined });
    }
  }, [ended, callActive, state]);

  const signedIn = useCallback((session: KnownSession) => {
    setEnded(null);
    setState({ mode: 'signedIn', session, offline: false });
  }, []);

  const leave = useCallback(async () => {
    await (await client()).signOut();
    // The next person starts at their own first workspace, not at the page the last one left open.
    window.history.replaceState(null, '', '/');
    setEnded(null);
    setState({ mode: 'signedOut' });
  }, []);

  const recheck = useCallback(() => askAgain.current(), []);

  return {
    state,
    endedNotice: ended !== null && state?.mode === 'signedIn' ? ended : null,
    signedIn,
    signOut: leave,
    recheck,
  };
}
