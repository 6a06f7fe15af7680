// The filtered calls as CSV for Russian Excel, or as JSON for a program, written as they are read: pages of
// calls one after another (keyset, newest first), each turned into lines, so 100,000 calls never sit in
// memory at once. A CSV row is the workspace's export row (analytics/callRow.ts) with the catalogue's
// words; a JSON object is analytics/callJson.ts's, codes rather than words.
import type { Kysely } from 'kysely';
import { callJson } from '../../analytics/callJson';
import { callRow } from '../../analytics/callRow';
import { CSV_BOM, csvLine } from '../../analytics/csv';
import { server as messages } from '../../i18n/ru/server';
import { organisationRow } from '../storage/accounts';
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
  const row = await organisationRow(db, organisationId).select('time_zone').executeTakeFirst();
  return row && validTimeZone(row.time_zone) ? row.time_zone : 'Europe/Moscow';
}

type ExportQuery = Scope & { from: number; to: number; now: number; filter: CallFilter };

/** The calls `q` selects a page at a time (keyset, newest first): only one page is held at once. */
async function* callPages(
  db: Db,
  q: ExportQuery,
  size = PAGE,
): AsyncGenerator<Awaited<ReturnType<typeof listCalls>>['calls']> {
  let after: PageCursor | null = null;
  do {
    const page: Awaited<ReturnType<typeof listCalls>> = await listCalls(db, q, {
      limit: size,
      ...(after ? { after } : {}),
    });
    yield page.calls;
    after = page.next;
  } while (after);
}

/** The file's text in pieces: the header, then a piece per page of calls. */
export async function* csvRows(db: Db, q: ExportQuery & { timeZone: string }): AsyncGenerator<string> {
  const date = new Intl.DateTimeFormat('ru-RU', {
    timeZone: q.timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  yield CSV_BOM + csvLine(words.header);
  for await (const calls of callPages(db, q))
    yield calls.map((c) => csvLine(callRow(c, words, q.now, (ms) => date.format(ms)))).join('');
}

/**
 * The JSON export in pieces: one JSON document, an array of callJson objects, a line each, written a page
 * at a time like the CSV. An array rather than NDJSON because Excel's Power Query and Power BI ("From
 * JSON") read one document and stop at NDJSON's second line; pandas and jq read both.
 */
export async function* jsonPieces(db: Db, q: ExportQuery, pageSize = PAGE): AsyncGenerator<string> {
  yield '[';
  let first = true;
  for await (const calls of callPages(db, q, pageSize)) {
    if (calls.length === 0) continue;
    yield (first ? '\n' : ',\n') + calls.map((c) => JSON.stringify(callJson(c, q.now))).join(',\n');
    first = false;
  }
  yield first ? ']\n' : '\n]\n';
}
