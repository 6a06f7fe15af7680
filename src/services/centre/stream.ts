// The workstation's end of /api/v1/events (a lazy chunk, loaded once someone signs in): one EventSource,
// reconnected by the browser after a drop (the server sends `retry:`), each message checked against the
// protocol before the hub passes it on. An event that does not parse is ignored: the next refetch
// (on reconnect) brings the truth anyway.
import { API } from '../account/serverProbe';
import { centreEventSchema, SERVER_EVENT_NAMES } from '../../protocol';
import { deliverCentreEvent, setCentreLink } from './hub';

export interface CentreStreamHandlers {
  /** The server ended the stream because the session is over: the shell asks who is signed in. */
  onSignedOut: () => void;
}

export function openCentreStream({ onSignedOut }: CentreStreamHandlers): () => void {
  const source = new EventSource(`${API}/events`, { withCredentials: true });
  const heard = (message: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(message.data);
    } catch {
      return;
    }
    const parsed = centreEventSchema.safeParse(data);
    if (parsed.success) deliverCentreEvent(parsed.data);
  };
  const names = Object.entries(SERVER_EVENT_NAMES)
    .filter(([kind]) => kind !== 'signedOut')
    .map(([, name]) => name);
  for (const name of names) source.addEventListener(name, heard);
  const signedOut = () => {
    source.close();
    setCentreLink('disconnected');
    onSignedOut();
  };
  source.addEventListener(SERVER_EVENT_NAMES.signedOut, signedOut);
  source.onopen = () => setCentreLink('connected');
  // The browser retries by itself while readyState is CONNECTING; CLOSED (a 401 answer) does not retry.
  source.onerror = () => {
    setCentreLink('disconnected');
    if (source.readyState === EventSource.CLOSED) onSignedOut();
  };
  return () => {
    source.close();
    setCentreLink('disconnected');
  };
}
