// Rollups of the call figures (migration 0007): each reduced call adds its sums to its local day and
// operator, its local hour and operator, its day's hour of day, and its hour's topic, need and articles,
// soon after the transaction that kept its figures filed it as pending (settleRollups), and before any
// reading of the rollups. Built once per organisation from call_figures (at start); read
// for the whole days and whole hours of a period (supervision.ts). Local time is the organisation's zone;
// in a zone that turns its clocks back, the repeated hour is one hour of the rollups.
import { sql, type Kysely, type RawBuilder, type SqlBool, type Transaction } from 'kysely';
import { validTimeZone } from '../supervision/supervisionCsv';
import { retryingConflicts } from './database';
import { names, SERIES_SUMS, TIMELESS_SUMS, type SumColumn } from './figureSums';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

const RANKED = [
  { kind: 'topic', key: sql`topic` },
  { kind: 'need', key: sql`need` },
  // A call counts once per article however often it opened it (dashboard.ts counts a set).
  { kind: 'article', key: sql`unnest(articles)` },
] as const;

const ref = (c: SumColumn) => sql.ref(c.name);

/** `col = table.col + sign * excluded.col` for each sum: a call added to (or taken from) a kept row. */
const addExcluded = (table: string, cols: readonly SumColumn[]) =>
  sql.join(cols.map((c) => sql`${ref(c)} = ${sql.ref(`${table}.${c.name}`)} + excluded.${ref(c)}`));

/** `sign * (sum) as name` for each column. */
const signedSums = (cols: readonly SumColumn[], sign: 1 | -1) =>
  sql.join(cols.map((c) => sql`${sql.lit(sign)} * (${c.expr})::float8 as ${ref(c)}`));

const localDate = (tz: string) => sql`(started_at at time zone ${sql.lit(tz)})::date`;
const localHour = (tz: string) => sql`extract(hour from started_at at time zone ${sql.lit(tz)})::int`;
/** The instant the call's local hour began. */
const hourStart = (tz: string) =>
  sql`(date_trunc('hour', started_at at time zone ${sql.lit(tz)}) at time zone ${sql.lit(tz)})`;

/**
 * Adds the rows `which` selects from call_figures to the organisation's rollups (sign -1 takes them away),
 * in one statement: the rollups' rows are shared by all the organisation's operators, and a transaction
 * holds them from this statement to its commit, so the fewer round trips after it the better. The zone is
 * a literal: the same text in every part lets PostgreSQL group by the same expression. Every such
 * statement takes the rows in one order (the same parts in the same order, by key within each), so two
 * settlings, or a settling and a wrap-up's recount, wait for each other instead of deadlocking.
 */
async function addToRollups(
  db: Db,
  organisationId: string,
  tz: string,
  which: RawBuilder<SqlBool>,
  sign: 1 | -1,
): Promise<void> {
  const ranked = RANKED.map(
    ({ kind, key }) => sql`${sql.ref(`ranked_${kind}`)} as (
      insert into call_rollups_ranked (organisation_id, kind, hour_start, key, calls)
      select organisation_id, ${kind}, hour_start, k, ${sql.lit(sign)} * count(*)::float8
      from (select distinct organisation_id, call_id, ${hourStart(tz)} as hour_start, ${key} as k from f) r
      where k is not null
      group by 1, 2, 3, 4 order by 1, 2, 3, 4
      on conflict (organisation_id, kind, hour_start, key) do update set calls = call_rollups_ranked.calls + excluded.calls)`,
  );
  await sql`with f as materialized (
      select * from call_figures where organisation_id = ${organisationId} and ${which}
    ), daily as (
      insert into call_rollups_daily (organisation_id, day, operator_name, ${names(TIMELESS_SUMS)})
      select organisation_id, ${localDate(tz)}, operator_name, ${signedSums(TIMELESS_SUMS, sign)} from f
      group by 1, 2, 3 order by 1, 2, 3
      on conflict (organisation_id, day, operator_name) do update set ${addExcluded('call_rollups_daily', TIMELESS_SUMS)}
    ), hourly as (
      insert into call_rollups_hourly
        (organisation_id, hour_start, operator_name, day, hour, ${names(TIMELESS_SUMS)})
      select organisation_id, ${hourStart(tz)}, operator_name, min(${localDate(tz)}), min(${localHour(tz)}),
        ${signedSums(TIMELESS_SUMS, sign)} from f
      group by 1, 2, 3 order by 1, 2, 3
      on conflict (organisation_id, hour_start, operator_name) do update set ${addExcluded('call_rollups_hourly', TIMELESS_SUMS)}
    ), day_hours as (
      insert into call_rollups_day_hours (organisation_id, day, hour, ${names(SERIES_SUMS)})
      select organisation_id, ${localDate(tz)}, ${localHour(tz)}, ${signedSums(SERIES_SUMS, sign)} from f
      group by 1, 2, 3 order by 1, 2, 3
      on conflict (organisation_id, day, hour) do update set ${addExcluded('call_rollups_day_hours', SERIES_SUMS)}
    ), ${sql.join(ranked)}
    select 1`.execute(db);
}

/**
 * The zone the organisation's rollups are kept in, or null while they are not built. Read with a share
 * lock: a rebuild (which takes the row for update) and a call's reduction never miss each other's rows.
 */
async function rollupZone(db: Db, organisationId: string): Promise<string | null> {
  const row = await sql<{
    tz: string | null;
  }>`select rollups_time_zone as tz from organisations where id = ${organisationId} for share`.execute(db);
  return row.rows[0]?.tz ?? null;
}

/** Adds calls (or, with -1, takes them away) in the caller's transaction, all in one pass. */
async function rollUpCalls(
  db: Db,
  organisationId: string,
  callIds: readonly string[],
  sign: 1 | -1 = 1,
): Promise<void> {
  if (callIds.length === 0) return;
  const tz = await rollupZone(db, organisationId);
  if (tz !== null)
    await addToRollups(db, organisationId, tz, sql<SqlBool>`call_id in (${sql.join(callIds)})`, sign);
}

/** Pending calls added to the rollups in one transaction. */
const SETTLE_CHUNK = 2_000;

/**
 * Adds the organisation's pending calls (kept by uploads since the last time) to its rollups, in short
 * transactions of at most SETTLE_CHUNK calls: each pending row is taken by exactly one of any number of
 * settlers, on any instance, and a crash leaves it pending for the next. Run soon after uploads and
 * before the rollups are read. While an organisation's rollups are not built, its calls stay pending
 * (the build counts them and clears them).
 */
export async function settleRollups(db: Kysely<Database>, organisationId: string): Promise<void> {
  for (;;) {
    const settled = await retryingConflicts(() =>
      db.transaction().execute(async (trx) => {
        const tz = await rollupZone(trx, organisationId);
        if (tz === null) return 0;
        // Its own statement, before the sums: the figures are read after any change that held a row.
        const taken = await sql<{ call_id: string }>`delete from call_rollups_pending
          where call_id in (select call_id from call_rollups_pending where organisation_id = ${organisationId}
            order by call_id limit ${SETTLE_CHUNK} for update)
          returning call_id`.execute(trx);
        const ids = taken.rows.map((r) => r.call_id);
        if (ids.length > 0)
          await addToRollups(trx, organisationId, tz, sql<SqlBool>`call_id in (${sql.join(ids)})`, 1);
        return ids.length;
      }),
    );
    if (settled < SETTLE_CHUNK) return;
  }
}

/**
 * Changes a kept call's figures (`change`, in the caller's transaction) so that the rollups follow: a call
 * already in them is taken away as it was counted and added as it is now, so a period's sums never count
 * it twice; a call still pending is counted as it is when it is settled.
 */
export async function recountCall(
  trx: Db,
  organisationId: string,
  callId: string,
  change: () => Promise<void>,
): Promise<void> {
  const pending = await trx
    .selectFrom('call_rollups_pending')
    .select('call_id')
    .where('call_id', '=', callId)
    .forUpdate()
    .executeTakeFirst();
  if (pending) return change();
  await rollUpCalls(trx, organisationId, [callId], -1);
  await change();
  await rollUpCalls(trx, organisationId, [callId]);
}

/**
 * Builds an organisation's rollups afresh from its kept figures in its time zone (an invalid zone keeps
 * none: its figures come from call_figures alone). Used at start for organisations without them.
 */
export async function rebuildRollups(db: Kysely<Database>, organisationId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const org = await sql<{
      time_zone: string;
    }>`select time_zone from organisations where id = ${organisationId} for update`.execute(trx);
    const tz = org.rows[0]?.time_zone;
    if (tz === undefined || !validTimeZone(tz)) return;
    for (const table of [
      'call_rollups_pending',
      'call_rollups_daily',
      'call_rollups_hourly',
      'call_rollups_day_hours',
      'call_rollups_ranked',
    ])
      await sql`delete from ${sql.table(table)} where organisation_id = ${organisationId}`.execute(trx);
    await addToRollups(trx, organisationId, tz, sql<SqlBool>`true`, 1);
    await sql`update organisations set rollups_time_zone = ${tz} where id = ${organisationId}`.execute(trx);
  });
}

/** Builds the rollups of every organisation that has none yet (a database from before migration 0007). */
export async function buildMissingRollups(db: Kysely<Database>): Promise<void> {
  const rows = await db
    .selectFrom('organisations')
    .select('id')
    .where(sql<boolean>`rollups_time_zone is null`)
    .execute();
  for (const { id } of rows) await rebuildRollups(db, id);
  // Calls a stopped server kept but had not settled.
  const pending = await db.selectFrom('call_rollups_pending').select('organisation_id').distinct().execute();
  for (const { organisation_id } of pending) await settleRollups(db, organisation_id);
}

/**
 * Whether the figures of an organisation read in `tz` may come from its rollups; when they may, its
 * pending calls are settled first, so the rollups hold every kept call.
 */
export async function rollupsIn(db: Kysely<Database>, organisationId: string, tz: string): Promise<boolean> {
  const row = await sql<{
    tz: string | null;
  }>`select rollups_time_zone as tz from organisations where id = ${organisationId}`.execute(db);
  if (row.rows[0]?.tz !== tz) return false;
  await settleRollups(db, organisationId);
  return true;
}

/**
 * How a period [from, to) is read: its whole local days from the daily rollups, the whole local hours
 * around them from the hourly ones, and the rest (under an hour at each end) from the calls.
 */
export interface Cover {
  /** The first and last whole day (YYYY-MM-DD) and the instants they span, [from, to); null: none. */
  days: { first: string; last: string; from: number; to: number } | null;
  /** The whole hours' span [from, to), which holds the whole days; null: no whole hour. */
  hours: { from: number; to: number } | null;
}

export async function coverOf(db: Db, from: number, to: number, tz: string): Promise<Cover> {
  const zone = sql.lit(tz);
  const [from_, to_] = [new Date(from), new Date(to)];
  const [days, hours] = await Promise.all([
    sql<{ first: string | null; last: string | null; from_ms: number; to_ms: number }>`
      select to_char(min(d), 'YYYY-MM-DD') as first, to_char(max(d), 'YYYY-MM-DD') as last,
        (extract(epoch from (min(d) at time zone ${zone})) * 1000)::float8 as from_ms,
        (extract(epoch from ((max(d) + interval '1 day') at time zone ${zone})) * 1000)::float8 as to_ms
      from generate_series(date_trunc('day', ${from_}::timestamptz at time zone ${zone}),
        ${to_}::timestamptz at time zone ${zone}, interval '1 day') d
      where (d at time zone ${zone}) >= ${from_}
        and ((d + interval '1 day') at time zone ${zone}) <= ${to_}`.execute(db),
    sql<{ from_ms: number; to_ms: number }>`
      select (extract(epoch from min(h at time zone ${zone})) * 1000)::float8 as from_ms,
        (extract(epoch from max((h + interval '1 hour') at time zone ${zone})) * 1000)::float8 as to_ms
      from generate_series(date_trunc('hour', ${from_}::timestamptz at time zone ${zone}),
        ${to_}::timestamptz at time zone ${zone}, interval '1 hour') h
      where (h at time zone ${zone}) >= ${from_}
        and ((h + interval '1 hour') at time zone ${zone}) <= ${to_}`.execute(db),
  ]);
  const d = days.rows[0];
  const h = hours.rows[0];
  return {
    days: d?.first && d.last ? { first: d.first, last: d.last, from: d.from_ms, to: d.to_ms } : null,
    hours: h && h.from_ms !== null && h.to_ms !== null ? { from: h.from_ms, to: h.to_ms } : null,
  };
}

/** Reads from the calls alone (no rollups). */
export const NO_COVER: Cover = { days: null, hours: null };

/** Daily rows (and day-hour rows) of the whole days. */
export const inWholeDays = ({ days }: Cover): RawBuilder<SqlBool> =>
  days ? sql<SqlBool>`day between ${days.first}::date and ${days.last}::date` : sql<SqlBool>`false`;

/** Hourly rows of the whole hours outside the whole days. */
export function inEdgeHours({ days, hours }: Cover): RawBuilder<SqlBool> {
  if (!hours) return sql<SqlBool>`false`;
  const inHours = sql<SqlBool>`hour_start >= ${new Date(hours.from)} and hour_start < ${new Date(hours.to)}`;
  return days
    ? sql<SqlBool>`(${inHours} and (hour_start < ${new Date(days.from)} or hour_start >= ${new Date(days.to)}))`
    : sql<SqlBool>`(${inHours})`;
}

/** Hourly rows of all the whole hours. */
export const inWholeHours = ({ hours }: Cover): RawBuilder<SqlBool> =>
  hours
    ? sql<SqlBool>`(hour_start >= ${new Date(hours.from)} and hour_start < ${new Date(hours.to)})`
    : sql<SqlBool>`false`;

/** The calls of the period outside its whole hours (all of them without any). */
export const outsideWholeHours = ({ hours }: Cover): RawBuilder<SqlBool> =>
  hours
    ? sql<SqlBool>`(started_at < ${new Date(hours.from)} or started_at >= ${new Date(hours.to)})`
    : sql<SqlBool>`true`;
