// The organisation's directory on this workstation (issue 17): read from IndexedDB at once (it may be
// all there is, offline), fetched from the server whenever the centre's stream (re)connects and kept.
// A failed fetch keeps what was known.
import type { AppDB } from '../../db';
import { listColleagues, saveColleagues } from '../../db/centre';
import type { Colleague } from '../../protocol';
import { api } from '../account/session';
import { onCentreLink } from '../centre/hub';
import { setKnownColleagues } from './known';

export interface DirectoryDeps {
  db: AppDB;
  organisationId: string;
  fetchPeople?: () => Promise<Colleague[]>;
  onLink?: typeof onCentreLink;
  now?: () => number;
}

const fromServer = () =>
  api<{ people: Colleague[] }>('GET', '/organisations/current/people').then((r) => r.people);

/** Starts keeping the directory; returns the way to stop. Resolves nothing: it never holds anyone up. */
export function startDirectory(deps: DirectoryDeps): { stop(): void; settled(): Promise<void> } {
  const { db, organisationId } = deps;
  const fetchPeople = deps.fetchPeople ?? fromServer;
  let stopped = false;
  let work: Promise<void> = Promise.resolve();
  const queue = (job: () => Promise<void>) => {
    work = work.then(job).catch(() => undefined);
  };
  const publish = async () => {
    const people = await listColleagues(db, organisationId);
    if (!stopped) setKnownColleagues(people);
  };
  queue(publish);
  const unlink = (deps.onLink ?? onCentreLink)((link) => {
    if (link !== 'connected') return;
    queue(async () => {
      const people = await fetchPeople();
      if (stopped) return;
      await saveColleagues(db, organisationId, people, (deps.now ?? Date.now)());
      await publish();
    });
  });
  return {
    stop() {
      stopped = true;
      unlink();
      setKnownColleagues([]);
    },
    settled: async () => {
      let seen: Promise<void> | null = null;
      while (seen !== work) await (seen = work);
    },
  };
}
