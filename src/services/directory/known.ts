// The organisation's directory as last known on this page, small enough for the first load: the
// directory client (directorySync.ts, a lazy chunk started only with a server) fills it; the call
// wiring reads it when a call starts. A single workstation never fills it.
import type { DirectoryPerson } from '../../calls/colleagues';

let known: readonly DirectoryPerson[] = [];

export function knownColleagues(): readonly DirectoryPerson[] {
  return known;
}

export function setKnownColleagues(people: readonly DirectoryPerson[]): void {
  known = people;
}
