// The filtered calls as CSV for Russian Excel, written as they are read: pages of calls one after another
// (keyset, newest first), each turned into lines, so 100,000 calls never sit in memory at once. Each row
// is the workspace's export row (analytics/callRow.ts) with the catalogue's words.
import type { Kysely } from 'kysely';
import { callRow } from '../../analytics/callRow';
import { CSV_BOM, csvLine } from '../../analytics/csv';
import { server as messages } from '../../i18n/ru/server';
import type { Database } from '../storage/schema';
import { listCalls, type PageCursor, type Scope } from '../storage/supervision';
import type { CallFilter } from '../../analytics/listing';

type Db = Kysely<Database>;

const PAGE = 1000;
const words = messages.callsExport;

export function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('ru-RU', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function organisationTimeZone(db: Db, organisationId: string): Promise<string> {
  const row = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', organisationId)
    .executeTakeFirst();
  return row && validTimeZone(row.time_zone) ? row.time_zone : 'Europe/Moscow';
}

/** The file's text in pieces: the header, then a piece per page of calls. */
export async function* csvRows(
  db: Db,
  q: Scope & { from: number; to: number; now: number; filter: CallFilter; timeZone: string },
): AsyncGenerator<string> {
  const date = new Intl.DateTimeFormat('ru-RU', {
    timeZone: q.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  yield CSV_BOM + csvLine(words.header);
  let after: PageCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listCalls>> = await listCalls(db, q, {
      limit: PAGE,
      ...(after ? { after } : {}),
    });
    yield page.calls.map((c) => csvLine(callRow(c, words, q.now, (ms) => date.format(ms)))).join('');
    after = page.next;
  } while (after);
}
