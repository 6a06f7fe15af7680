// Storage of the organisation's directory and of the last-known callbacks queue (schema 6): each replaced
// whole by the latest answer of the server, read back when the server cannot be reached.
import type { AppDB } from './db';
import type { CentreQueueRow, ColleagueRow } from './centreTables';

/** The directory of `organisationId` as the server just gave it: whoever left it is gone here too. */
export async function saveColleagues(
  db: AppDB,
  organisationId: string,
  people: readonly Omit<ColleagueRow, 'organisationId' | 'syncedAt'>[],
  at: number,
): Promise<void> {
  await db.transaction('rw', db.colleagues, async () => {
    await db.colleagues.where('organisationId').equals(organisationId).delete();
    await db.colleagues.bulkPut(people.map((p) => ({ ...p, organisationId, syncedAt: at })));
  });
}

/** The directory of `organisationId`, by name. */
export async function listColleagues(db: AppDB, organisationId: string): Promise<ColleagueRow[]> {
  const rows = await db.colleagues.where('organisationId').equals(organisationId).toArray();
  return rows.sort((a, b) => a.name.localeCompare(b.name, 'ru'));
}

export async function saveCentreQueue(db: AppDB, row: CentreQueueRow): Promise<void> {
  await db.centreQueue.put(row);
}

/** The queue last fetched for this person, or null; a row that is not one (a damaged store) is null. */
export async function loadCentreQueue(db: AppDB, personId: string): Promise<CentreQueueRow | null> {
  const row = await db.centreQueue.get(personId);
  if (!row || !Array.isArray(row.callbacks) || typeof row.at !== 'number') return null;
  return row;
}
