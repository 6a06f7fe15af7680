// The organisation's directory on the workstation: fetched when the centre's stream connects and kept in
// IndexedDB, so after a reload without network the transfer directory still names the colleagues; a
// failed fetch keeps what was known.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../src/db';
import type { Colleague } from '../../../src/protocol';
import type { CentreLink } from '../../../src/services/centre/hub';
import { startDirectory } from '../../../src/services/directory/directorySync';
import { knownColleagues } from '../../../src/services/directory/known';

const ORG_ID = 'sverdlovsk-digital';
const BORIS: Colleague = {
  personId: '0b7f4a5e-1111-4222-8333-944455556666',
  name: 'Петров Борис Иванович',
  position: 'консультант',
  department: 'приёмная',
  roles: ['operator'],
};

const opened: AppDB[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

function link() {
  const listeners = new Set<(l: CentreLink) => void>();
  return {
    onLink: (l: (l: CentreLink) => void) => (listeners.add(l), l('disconnected'), () => listeners.delete(l)),
    set: (l: CentreLink) => listeners.forEach((x) => x(l)),
  };
}

describe('the directory on the workstation', () => {
  it('is fetched on connect and kept: a reload without network still knows the colleagues', async () => {
    const db = new AppDB('directory-1');
    opened.push(db);
    const stream = link();
    let people: Colleague[] | null = [BORIS];
    const fetchPeople = () => (people ? Promise.resolve(people) : Promise.reject(new TypeError('offline')));
    const first = startDirectory({ db, organisationId: ORG_ID, fetchPeople, onLink: stream.onLink });
    await first.settled();
    expect(knownColleagues()).toEqual([]);
    stream.set('connected');
    await first.settled();
    expect(knownColleagues()).toMatchObject([{ personId: BORIS.personId, name: 'Петров Борис Иванович' }]);
    first.stop();
    expect(knownColleagues()).toEqual([]);

    // Reloaded, the server away: what was kept is known at once; a failed fetch changes nothing.
    people = null;
    const offline = link();
    const second = startDirectory({ db, organisationId: ORG_ID, fetchPeople, onLink: offline.onLink });
    await second.settled();
    expect(knownColleagues()).toMatchObject([{ name: 'Петров Борис Иванович' }]);
    offline.set('connected');
    await second.settled();
    expect(knownColleagues()).toHaveLength(1);

    // Someone left the organisation: the next fetch forgets them here too.
    people = [];
    offline.set('connected');
    await second.settled();
    expect(knownColleagues()).toEqual([]);
    second.stop();
  });
});
