// One call per operator across devices (issue 17), as the call controller and the operator's screen see
// it: whether this device may make calls now. Small enough for the first load; the lease client
// (leaseClient.ts, a lazy chunk started only with a server) links itself here. A single workstation never
// links anything, and its standing stays 'free'.

export type LeaseStanding =
  /** This device holds the lease, or nobody said otherwise (offline, no server): calls go on. */
  | 'free'
  /** Another device of the same person held the lease when this one asked: read-only for calls. */
  | 'elsewhere'
  /** Another device took the lease over from this one: it stops making calls. */
  | 'lost';

/** What the lease client offers the first-load code. */
export interface LeaseLink {
  /** Asks the server for the lease in the background; never awaited by a call. */
  ask(): void;
  /** Takes the lease from the other device; false when the server could not be reached. */
  takeOver(): Promise<boolean>;
}

let standing: LeaseStanding = 'free';
let link: LeaseLink | null = null;
// A call started or resumed before the client's chunk arrived: it asks as soon as it is linked.
let askPending = false;
const listeners = new Set<() => void>();

export function leaseStanding(): LeaseStanding {
  return standing;
}

export function onLeaseStanding(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** For the lease client: its standing changed. */
export function setLeaseStanding(next: LeaseStanding): void {
  if (next === standing) return;
  standing = next;
  for (const listener of [...listeners]) listener();
}

/** For the wiring: the client is running (or stopped, null: the person signed out). */
export function linkLease(next: LeaseLink | null): void {
  link = next;
  if (!next) {
    askPending = false;
    setLeaseStanding('free');
  } else if (askPending) {
    askPending = false;
    next.ask();
  }
}

/** A call starts or resumes here: ask for the lease when a server is linked. Returns at once. */
export function askLease(): void {
  if (link) link.ask();
  else askPending = true;
}

export function takeLeaseOver(): Promise<boolean> {
  return link ? link.takeOver() : Promise.resolve(false);
}
