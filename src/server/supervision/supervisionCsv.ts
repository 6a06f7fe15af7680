// The filtered calls as CSV for Russian Excel, written as they are read: pages of calls one after another
// (keyset, newest first), each turned into lines, so 100,000 calls never sit in memory at once. The
// columns and their words are the workspace's export (src/supervisor/callsExport.ts).
import type { Kysely } from 'kysely';
import { complianceIssues } from '../../analytics/compliance';
import { CSV_BOM, csvLine, type CsvCell } from '../../analytics/csv';
import { resultOf, transferredTo } from '../../analytics/result';
import { server as messages } from '../../i18n/ru/server';
import type { Database } from '../storage/schema';
import { listCalls, type ListedServerCall, type PageCursor, type Scope } from '../storage/supervision';
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

const seconds = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 1000));

function resultText(c: ListedServerCall): string {
  const result = resultOf(c.facts);
  if (result === 'transferred') {
    const target = transferredTo(c.facts);
    return target ? words.transferredTo(target.targetName) : words.results.transferred;
  }
  return result === 'none' ? words.results.none : words.outcomes[result];
}

function callerText(c: ListedServerCall): string {
  if (c.callerName !== null) return c.callerName;
  return c.facts.erased ? words.erased : words.noName;
}

function row(c: ListedServerCall, now: number, date: Intl.DateTimeFormat): CsvCell[] {
  const f = c.facts;
  return [
    f.callId,
    date.format(f.startedAt),
    f.operatorName,
    words.directions[f.direction],
    f.flowId,
    f.flowVersion,
    callerText(c),
    c.callerPhone === null ? null : { text: c.callerPhone },
    seconds(f.handleMs),
    seconds(f.afterCallMs),
    resultText(c),
    f.topic,
    f.transfersBefore + f.transfers.filter((x) => x.status !== 'failed').length,
    f.holds.filter((h) => h.overtimeMs > 0).length,
    f.satisfaction,
    complianceIssues(f, now)
      .map((i) => words.rules[i.rule])
      .join(', '),
  ];
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
    yield page.calls.map((c) => csvLine(row(c, q.now, date))).join('');
    after = page.next;
  } while (after);
}
