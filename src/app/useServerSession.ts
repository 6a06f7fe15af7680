// The shell's view of the server (issue 16): standalone, signed out or signed in, decided once at start
// (at once when a session is remembered) and changed by sign-in and sign-out.
import { useCallback, useEffect, useState } from 'react';
import { startSession, type KnownSession, type ServerState } from '../services/account/serverProbe';

// The server's client is a lazy chunk (precached): a single workstation's start does not load it.
const client = () => import('../services/account/session');

export interface ServerSession {
  /** null while the start asks the server (only when no session is remembered). */
  state: ServerState | null;
  signedIn: (session: KnownSession) => void;
  signOut: () => Promise<void>;
}

export function useServerSession(): ServerSession {
  const [state, setState] = useState<ServerState | null>(null);

  useEffect(() => {
    let live = true;
    const update = (s: ServerState) => {
      if (live) setState(s);
    };
    void Promise.resolve(startSession(update)).then(update);
    return () => {
      live = false;
    };
  }, []);

  const signedIn = useCallback((session: KnownSession) => {
    setState({ mode: 'signedIn', session, offline: false });
  }, []);

  const leave = useCallback(async () => {
    await (await client()).signOut();
    // The next person starts at their own first workspace, not at the page the last one left open.
    window.history.replaceState(null, '', '/');
    setState({ mode: 'signedOut' });
  }, []);

  return { state, signedIn, signOut: leave };
}
