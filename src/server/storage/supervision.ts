// The supervisor's reads over the whole centre (issue 19): period figures summed in SQL over call_figures
// on exactly the bases src/analytics/dashboard.ts counts (sums and counts here, the same divisions in
// finishFigures), the filtered list a page at a time, and the rows of an export read in batches.
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { CallFacts, StageBucket } from '../../analytics/callFacts';
import type { Dashboard, Figures, SeriesFigures } from '../../analytics/dashboard';
import { emptySeries, finishSeries, rank } from '../../analytics/dashboard';
import { previousPeriod, type PeriodFigures } from '../../analytics/trends';
import { CALL_RESULTS, type CallResult } from '../../analytics/result';
import { COMPLIANCE_RULES, type ComplianceRule } from '../../analytics/standardRules';
import type { CallFilter } from '../../analytics/listing';
import type { FlowDefinition } from '../../flows/types';
import { lineOrder, liveCallOf } from '../../analytics/line';
import type { CallRecordEvent } from '../../calls/record';
import type { UploadedWrapUp } from '../../protocol';
import { flowOf } from './callFigures';
import {
  coverOf,
  inEdgeHours,
  inWholeDays,
  inWholeHours,
  NO_COVER,
  outsideWholeHours,
  rollupsIn,
  type Cover,
} from './callRollups';
import {
  addSums,
  brokeRule,
  names,
  overdue,
  pending,
  PENDING_SUMS,
  selectSums,
  SERIES_SUMS,
  STAGE_BUCKETS,
  stillPending,
  TIMELESS_SUMS,
} from './figureSums';
import { fullNameOf, NAME_COLUMNS } from './accounts';
import { madeByGroup } from './operatorGroups';
import type { Database } from './schema';

type Db = Kysely<Database>;

/** Whose calls a reader sees: the organisation's, or one operator's own. */
export interface Scope {
  organisationId: string;
  /** Set for an operator: only the calls they made. */
  personId?: string;
}

export interface PeriodQuery extends Scope {
  from: number;
  to: number;
  now: number;
  filter: CallFilter;
}

/** The calls a headline tile opens (trends.ts isBehind), as a condition on the kept figures. */
function behind(key: NonNullable<CallFilter['behind']>, now: number): RawBuilder<SqlBool> {
  switch (key) {
    case 'calls':
      return sql<SqlBool>`true`;
    case 'firstContact':
      return sql<SqlBool>`(result <> 'none' and resolved_first)`;
    case 'holdsOverPromise':
      return sql<SqlBool>`holds_over > 0`;
    case 'callbacksPending':
      return pending(now);
    case 'callbacksOverdue':
      return overdue(now);
    case 'transfersPerCall':
      return sql<SqlBool>`own_transfers > 0`;
    case 'avgHandleMs':
      return sql<SqlBool>`handle_ms is not null`;
    case 'satisfaction':
      return sql<SqlBool>`satisfaction between 1 and 5`;
  }
}

/** listing.ts filterCalls as conditions: the scope, the period, and every filter the list offers. */
function conditions(q: Scope & { from?: number; to?: number; now: number; filter: CallFilter }) {
  const f = q.filter;
  const out: Expression<SqlBool>[] = [sql<SqlBool>`organisation_id = ${q.organisationId}`];
  if (q.personId !== undefined) out.push(sql<SqlBool>`person_id = ${q.personId}`);
  if (q.from !== undefined) out.push(sql<SqlBool>`started_at >= ${new Date(q.from)}`);
  if (q.to !== undefined) out.push(sql<SqlBool>`started_at < ${new Date(q.to)}`);
  if (f.operator) out.push(sql<SqlBool>`operator_name = ${f.operator}`);
  if (f.flow)
    out.push(sql<SqlBool>`(flow_id = ${f.flow} or flow_id || '@' || flow_version::text = ${f.flow})`);
  if (f.direction) out.push(sql<SqlBool>`direction = ${f.direction}`);
  if (f.outcome) out.push(sql<SqlBool>`result = ${f.outcome}`);
  if (f.topic) out.push(sql<SqlBool>`topic = ${f.topic}`);
  if (f.rule) out.push(brokeRule(f.rule, q.now));
  if (f.behind) out.push(behind(f.behind, q.now));
  if (f.group) out.push(madeByGroup(q.organisationId, f.group));
  const query = f.search?.trim().toLowerCase() ?? '';
  if (query !== '') {
    const digits = query.replace(/\D/g, '');
    const byName = sql<SqlBool>`strpos(caller_name_key, ${query}) > 0`;
    out.push(
      digits.length >= 3
        ? sql<SqlBool>`(strpos(regexp_replace(coalesce(caller_phone, ''), '\\D', '', 'g'), ${digits}) > 0 or ${byName})`
        : byName,
    );
  }
  return out;
}

const where = (conds: readonly Expression<SqlBool>[]) => sql.join(conds, sql` and `);

type FigureRow = Record<string, number | string | null>;

const num = (row: FigureRow, key: string): number => Number(row[key] ?? 0);

/** dashboard.ts finish(), from the sums: the same divisions over the same integers. */
function finishFigures(row: FigureRow): Figures {
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  const calls = num(row, 'calls');
  const ended = num(row, 'ended');
  const avgStageMs: Partial<Record<StageBucket, number>> = {};
  for (const b of STAGE_BUCKETS)
    if (num(row, `stage_n_${b}`) > 0) avgStageMs[b] = num(row, `stage_${b}`) / ended;
  const fcOf = num(row, 'fc_of');
  const fcResolved = num(row, 'fc_resolved');
  const holds = num(row, 'holds');
  const holdsOver = num(row, 'holds_over');
  const satN = num(row, 'sat_n');
  return {
    calls,
    ended,
    avgHandleMs: ratio(num(row, 'handle'), ended),
    avgStageMs,
    avgAfterCallMs: ratio(num(row, 'after_sum'), num(row, 'after_n')),
    outcomes: Object.fromEntries(CALL_RESULTS.map((r) => [r, num(row, `result_${r}`)])) as Record<
      CallResult,
      number
    >, // every result is a column
    firstContact: { resolved: fcResolved, of: fcOf, share: ratio(fcResolved, fcOf) },
    transfers: {
      zero: num(row, 't_zero'),
      one: num(row, 't_one'),
      two: num(row, 't_two'),
      refusedAttempts: num(row, 'refused'),
      perCall: ratio(num(row, 'own_total'), calls),
      calls: num(row, 't_calls'),
    },
    holds: {
      count: holds,
      overPromise: holdsOver,
      share: ratio(holdsOver, holds),
      overtimeMs: num(row, 'overtime'),
      calls: num(row, 'holds_calls'),
    },
    callbacks: {
      promised: num(row, 'cb_promised'),
      keptOnTime: num(row, 'cb_kept'),
      late: num(row, 'cb_late'),
      overdue: num(row, 'cb_open') - num(row, 'cb_pending'),
      pending: num(row, 'cb_pending'),
    },
    satisfaction: {
      count: satN,
      average: ratio(num(row, 'sat_sum'), satN),
      byScore: [1, 2, 3, 4, 5].map((s) => num(row, `sat_${s}`)) as Figures['satisfaction']['byScore'], // five scores
    },
    // An open callback past its deadline is an issue of a call that broke no rule otherwise too.
    callsWithIssues: num(row, 'issues_broken') + num(row, 'cb_open_clean') - num(row, 'pending_clean'),
    byRule: Object.fromEntries(
      COMPLIANCE_RULES.map((r) => [
        r,
        r === 'callbackOverdue' ? num(row, 'cb_open') - num(row, 'cb_pending') : num(row, `rule_${r}`),
      ]),
    ) as Record<ComplianceRule, number>, // every rule is a column
  };
}

/**
 * The figures of the calls `q` selects, overall and (if asked) per operator: the whole days' and hours' sums
 * from the rollups (NO_COVER reads every call) with the rest of the period's calls summed here, and apart the
 * few sums that depend on the time of reading, from the open callbacks whose deadline is still ahead.
 */
async function wholeFigures(
  db: Db,
  q: PeriodQuery,
  cover: Cover,
  byOperator: boolean,
): Promise<{ operatorName: string | null; figures: Figures }[]> {
  const conds = where(conditions(q));
  const [head, groups] = byOperator
    ? [
        sql`grouping(operator_name)::int as g_op, operator_name`,
        sql`group by grouping sets ((), (operator_name))`,
      ]
    : [sql`1 as g_op, null as operator_name`, sql``];
  const [sums, pending] = await Promise.all([
    sql<FigureRow>`select ${head}, ${addSums(TIMELESS_SUMS)}
      from (
        select operator_name, ${names(TIMELESS_SUMS)} from call_rollups_daily
          where organisation_id = ${q.organisationId} and ${inWholeDays(cover)}
        union all
        select operator_name, ${names(TIMELESS_SUMS)} from call_rollups_hourly
          where organisation_id = ${q.organisationId} and ${inEdgeHours(cover)}
        union all
        select operator_name, ${selectSums(TIMELESS_SUMS)} from call_figures
          where ${conds} and ${outsideWholeHours(cover)} group by operator_name
      ) u ${groups}`.execute(db),
    sql<FigureRow>`select ${head}, ${selectSums(PENDING_SUMS)}
      from call_figures where ${conds} and ${stillPending(q.now)} ${groups}`.execute(db),
  ]);
  const key = (r: FigureRow) => (r.g_op === 0 ? String(r.operator_name) : null);
  const pendingOf = new Map(pending.rows.map((r) => [key(r), r]));
  return sums.rows.map((r) => ({
    operatorName: key(r),
    figures: finishFigures({ ...r, ...pendingOf.get(key(r)) }),
  }));
}

async function ranked(db: Db, q: PeriodQuery, cover: Cover, kind: 'topic' | 'need' | 'article', top: number) {
  const conds = where([...conditions(q), outsideWholeHours(cover)]);
  // A call counts once per article however often it opened it.
  const calls =
    kind === 'article'
      ? sql`select k, count(*)::float8 as n from
          (select distinct call_id, unnest(articles) as k from call_figures where ${conds}) a group by k`
      : sql`select ${sql.ref(kind)} as k, count(*)::float8 as n from call_figures where ${conds} group by k`;
  const rows = await sql<{ k: string; n: number }>`select k, sum(n)::int as n from (
      select key as k, calls as n from call_rollups_ranked
        where organisation_id = ${q.organisationId} and kind = ${kind} and ${inWholeHours(cover)}
      union all ${calls}
    ) a where k is not null group by k having sum(n) > 0`.execute(db);
  return rank(new Map(rows.rows.map((r) => [r.k, r.n])), top);
}

/** buildDashboard over the server's calls: overall, per operator, and the most frequent topics and needs. */
interface Sets {
  overall: Figures;
  operators: { operatorName: string; figures: Figures }[];
  /** With a time zone: by local hour, by local day (YYYY-MM-DD), and calls per operator and day. */
  hours: Map<number, Figures>;
  days: Map<string, Figures>;
  operatorDays: { operatorName: string; day: string; calls: number }[];
}

/** By local hour, by local day and per operator and day: the rollups' whole days and hours, the other calls. */
async function seriesRows(db: Db, q: PeriodQuery, tz: string, cover: Cover) {
  const conds = where([...conditions(q), outsideWholeHours(cover)]);
  const days = sql`organisation_id = ${q.organisationId} and ${inWholeDays(cover)}`;
  // Daily rows have no hour and day-hour rows no operator or day: the groups they cannot fill are left out.
  return sql<FigureRow>`select grouping(operator_name)::int as g_op, grouping(hour)::int as g_hour,
      grouping(day)::int as g_day, operator_name, hour, to_char(day, 'YYYY-MM-DD') as day_key,
      ${addSums(SERIES_SUMS)}
    from (
      select operator_name, null::int as hour, day, ${names(SERIES_SUMS)} from call_rollups_daily where ${days}
      union all
      select null::text, hour::int, null::date, ${names(SERIES_SUMS)} from call_rollups_day_hours where ${days}
      union all
      select operator_name, hour::int, day, ${names(SERIES_SUMS)} from call_rollups_hourly
        where organisation_id = ${q.organisationId} and ${inEdgeHours(cover)}
      union all
      select operator_name, hour, day, ${selectSums(SERIES_SUMS)}
        from (select *, extract(hour from started_at at time zone ${tz})::int as hour,
            (started_at at time zone ${tz})::date as day
          from call_figures where ${conds}) f
        group by operator_name, hour, day
    ) u
    group by grouping sets ((hour), (day), (operator_name, day))
    having (grouping(hour) = 1 or hour is not null) and (grouping(day) = 1 or day is not null)`.execute(db);
}

/**
 * The figures of the calls `q` selects overall and per operator, and with a time zone by hour, by day and
 * per operator and day too.
 */
async function figureSets(db: Db, q: PeriodQuery, tz: string | null, cover: Cover): Promise<Sets> {
  const [whole, series] = await Promise.all([
    wholeFigures(db, q, cover, true),
    tz === null ? Promise.resolve({ rows: [] as FigureRow[] }) : seriesRows(db, q, tz, cover),
  ]);
  const sets: Sets = {
    overall: finishFigures({}),
    operators: [],
    hours: new Map(),
    days: new Map(),
    operatorDays: [],
  };
  for (const { operatorName, figures } of whole)
    if (operatorName === null) sets.overall = figures;
    else sets.operators.push({ operatorName, figures });
  for (const r of series.rows) {
    const byOperator = r.g_op === 0;
    const byHour = r.g_hour === 0;
    if (byOperator)
      sets.operatorDays.push({
        operatorName: String(r.operator_name),
        day: String(r.day_key),
        calls: num(r, 'calls'),
      });
    else if (byHour) sets.hours.set(num(r, 'hour'), finishFigures(r));
    else sets.days.set(String(r.day_key), finishFigures(r));
  }
  sets.operators.sort((a, b) => a.operatorName.localeCompare(b.operatorName));
  return sets;
}

async function dashboardOf(
  db: Db,
  q: PeriodQuery,
  cover: Cover,
  sets: Sets,
  top: number,
): Promise<Dashboard> {
  const [topTopics, topNeeds, topArticles] = await Promise.all([
    ranked(db, q, cover, 'topic', top),
    ranked(db, q, cover, 'need', top),
    ranked(db, q, cover, 'article', top),
  ]);
  return {
    overall: sets.overall,
    operators: sets.operators,
    topTopics,
    topNeeds,
    topArticles,
    // Review dates of articles live on the workstations: the server cannot tell a stale one.
    staleArticles: [],
  };
}

/** buildDashboard over the server's calls: overall, per operator, and the most frequent topics and needs. */
export async function periodDashboard(db: Db, q: PeriodQuery, top = 10): Promise<Dashboard> {
  return dashboardOf(db, q, NO_COVER, await figureSets(db, q, null, NO_COVER), top);
}

export interface ListedServerCall {
  facts: CallFacts;
  callerName: string | null;
  callerPhone: string | null;
  personId: string;
  /** The client call it is part of, when it was handed between desks. */
  chainId: string | null;
}

/** Where a page ended: the next page starts after this call (newest first). */
export interface PageCursor {
  startedAt: number;
  callId: string;
}

export async function listCalls(
  db: Db,
  q: Scope & { from?: number; to?: number; now: number; filter: CallFilter },
  page: { limit: number; after?: PageCursor },
): Promise<{ calls: ListedServerCall[]; next: PageCursor | null }> {
  const conds = conditions(q);
  if (page.after)
    conds.push(
      sql<SqlBool>`(started_at, call_id) < (${new Date(page.after.startedAt)}, ${page.after.callId})`,
    );
  const rows = await sql<{
    facts: CallFacts;
    caller_name: string | null;
    caller_phone: string | null;
    person_id: string;
    chain_id: string | null;
  }>`
    select facts, caller_name, caller_phone, person_id,
      (select chain_id from calls where calls.id = call_figures.call_id) as chain_id
    from call_figures where ${where(conds)}
    order by started_at desc, call_id desc limit ${page.limit + 1}`.execute(db);
  const calls = rows.rows.slice(0, page.limit).map((r) => ({
    facts: r.facts,
    callerName: r.caller_name,
    callerPhone: r.caller_phone,
    personId: r.person_id,
    chainId: r.chain_id,
  }));
  const last = calls.at(-1);
  return {
    calls,
    next:
      rows.rows.length > page.limit && last
        ? { startedAt: last.facts.startedAt, callId: last.facts.callId }
        : null,
  };
}

const seriesOf = ({ calls, firstContact, holds }: Figures): SeriesFigures => ({ calls, firstContact, holds });

/**
 * The local days of [from, to) with where each starts, the first one at `from` itself (format.ts
 * localDayStarts), and a day's index by its date (YYYY-MM-DD).
 */
async function localDaysOf(db: Db, from: number, to: number, tz: string) {
  const rows = await sql<{ date: string; at: number }>`select to_char(d, 'YYYY-MM-DD') as date,
      (extract(epoch from (d at time zone ${tz})) * 1000)::float8 as at
    from generate_series(date_trunc('day', ${new Date(from)}::timestamptz at time zone ${tz}),
      ${new Date(to)}::timestamptz at time zone ${tz}, interval '1 day') d`.execute(db);
  const starts: number[] = [];
  const index = new Map<string, number>();
  for (const r of rows.rows) {
    const at = Math.max(r.at, from);
    if (at >= to) continue;
    if (starts.at(-1) !== at) starts.push(at);
    index.set(r.date, starts.length - 1);
  }
  return { starts, index };
}

/** periodFigures (trends.ts) over the server's calls, the series in the reader's time zone. */
export async function periodFiguresOf(db: Db, q: PeriodQuery, tz: string): Promise<PeriodFigures> {
  const { starts: dayStarts, index } = await localDaysOf(db, q.from, q.to, tz);
  const dayIndex = (date: string) => index.get(date) ?? -1;
  const before = { ...q, ...previousPeriod(q) };
  // The organisation's whole calls in its own zone add up from the rollups; anything narrower reads calls.
  const rolled =
    q.personId === undefined &&
    Object.values(q.filter).every((v) => v === undefined) &&
    (await rollupsIn(db, q.organisationId, tz));
  const [cover, coverBefore] = rolled
    ? await Promise.all([coverOf(db, q.from, q.to, tz), coverOf(db, before.from, before.to, tz)])
    : [NO_COVER, NO_COVER];
  const [sets, previous] = await Promise.all([
    figureSets(db, q, tz, cover),
    wholeFigures(db, before, coverBefore, false),
  ]);
  const dashboard = await dashboardOf(db, q, cover, sets, 10);
  const byHour = Array.from({ length: 24 }, (_, at) => {
    const found = sets.hours.get(at);
    return { at, figures: found ? seriesOf(found) : finishSeries(emptySeries()) };
  });
  const byDay = dayStarts.map((at) => ({ at, figures: finishSeries(emptySeries()) }));
  for (const [day, figures] of sets.days) {
    const point = byDay[dayIndex(day)];
    if (point) point.figures = seriesOf(figures);
  }
  const operatorDays = new Map<string, number[]>();
  for (const r of sets.operatorDays) {
    let counts = operatorDays.get(r.operatorName);
    if (!counts) operatorDays.set(r.operatorName, (counts = dayStarts.map(() => 0)));
    const i = dayIndex(r.day);
    if (i >= 0) counts[i] = (counts[i] ?? 0) + r.calls;
  }
  const overallBefore = previous[0];
  if (!overallBefore) throw new Error('an aggregate without groups gives one row');
  return {
    dashboard,
    previous: overallBefore.figures,
    byHour,
    byDay,
    operatorDays: dashboard.operators.map(({ operatorName }) => ({
      operatorName,
      calls: operatorDays.get(operatorName) ?? dayStarts.map(() => 0),
    })),
  };
}

/** The call if the reader may see it: the organisation's, and for an operator their own (else null). */
export async function callInScope(db: Db, scope: Scope, callId: string) {
  let q = db
    .selectFrom('calls')
    .select(['id', 'person_id', 'organisation_id'])
    .where('id', '=', callId)
    .where('organisation_id', '=', scope.organisationId);
  if (scope.personId !== undefined) q = q.where('person_id', '=', scope.personId);
  return (await q.executeTakeFirst()) ?? null;
}

/** A kept call's figures, names and the note of its wrap-up (null before one arrived), in one reading. */
export async function callFiguresOf(db: Db, callId: string) {
  const row = await db
    .selectFrom('call_figures as f')
    .leftJoin('call_wrapups as w', 'w.call_id', 'f.call_id')
    .select(['f.facts', 'f.caller_name', 'f.caller_phone', 'w.payload as wrap_up'])
    .where('f.call_id', '=', callId)
    .executeTakeFirst();
  if (!row) return null;
  // Stored from analyzeCall, and from the checked upload schema.
  const wrapUp = row.wrap_up as UploadedWrapUp | null;
  return {
    facts: row.facts as CallFacts,
    callerName: row.caller_name,
    callerPhone: row.caller_phone,
    wrapUp: wrapUp && { summary: wrapUp.summary, surveyOffered: wrapUp.surveyOffered },
  };
}

export interface StoredComment {
  id: string;
  author: string;
  body: string;
  at: number;
}

export async function commentsOn(db: Db, callId: string): Promise<StoredComment[]> {
  const rows = await db
    .selectFrom('call_comments')
    .innerJoin('people', 'people.id', 'call_comments.author_person_id')
    .select(['call_comments.id', 'call_comments.body', 'call_comments.created_at', ...NAME_COLUMNS])
    .where('call_comments.call_id', '=', callId)
    .orderBy('call_comments.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    author: fullNameOf(r),
    body: r.body,
    at: r.created_at.getTime(),
  }));
}

export async function addComment(
  db: Db,
  c: { id: string; callId: string; organisationId: string; authorId: string; body: string; at: Date },
): Promise<void> {
  await db
    .insertInto('call_comments')
    .values({
      id: c.id,
      call_id: c.callId,
      organisation_id: c.organisationId,
      author_person_id: c.authorId,
      body: c.body,
      created_at: c.at,
    })
    .execute();
}

/** Calls without an end for longer than this are left off the board (a workstation lost mid-call). */
const STALE_MS = 12 * 3_600_000;

/** The line now: who is signed in (operators), and the calls going on with where they stand. */
export async function lineNow(db: Db, organisationId: string, now: number) {
  const people = await db
    .selectFrom('sessions')
    .innerJoin('people', 'people.id', 'sessions.person_id')
    .innerJoin('person_roles', 'person_roles.person_id', 'people.id')
    .select(['people.id', ...NAME_COLUMNS])
    .distinct()
    .where('sessions.organisation_id', '=', organisationId)
    .where('sessions.expires_at', '>', new Date(now))
    .where('person_roles.role', '=', 'operator')
    .where('people.disabled_at', 'is', null)
    .execute();
  const active = await db
    .selectFrom('calls')
    .leftJoin('call_figures', 'call_figures.call_id', 'calls.id')
    .select(['calls.id', 'calls.person_id', 'calls.flow_id', 'calls.flow_version'])
    .where('calls.organisation_id', '=', organisationId)
    .where('call_figures.call_id', 'is', null)
    .where('calls.updated_at', '>', new Date(now - STALE_MS))
    .execute();
  // Every log in one reading, every flow version once: the board is asked at each move of the line.
  const logs = new Map<string, CallRecordEvent[]>();
  if (active.length > 0) {
    const rows = await db
      .selectFrom('call_events')
      .select(['call_id', 'payload'])
      .where(
        'call_id',
        'in',
        active.map((c) => c.id),
      )
      .orderBy('call_id')
      .orderBy('seq')
      .execute();
    for (const r of rows) {
      let log = logs.get(r.call_id);
      if (!log) logs.set(r.call_id, (log = []));
      log.push(r.payload as CallRecordEvent); // stored from the checked upload schema
    }
  }
  const flows = new Map<string, Promise<FlowDefinition | null>>();
  const calls = [];
  for (const c of active) {
    const key = `${c.flow_id}@${c.flow_version}`;
    let flow = flows.get(key);
    if (!flow) flows.set(key, (flow = flowOf(db, organisationId, c.flow_id, c.flow_version)));
    const log = logs.get(c.id) ?? [];
    const version = await flow;
    // The upload schema checks the envelope, not everything the engine would have written: a log that
    // cannot be read (a start without its operator, say) leaves that call off the board, not the board
    // off for the whole organisation.
    let live: ReturnType<typeof liveCallOf>;
    try {
      live = liveCallOf(log, version);
    } catch {
      continue;
    }
    if (live) calls.push({ ...live, personId: c.person_id });
  }
  return {
    signedIn: people
      .map((p) => ({
        personId: p.id,
        name: fullNameOf(p),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    // Holds that run over their promise soonest come first, then the other calls, longest first.
    calls: lineOrder(calls),
  };
}

/** When today began in the time zone (ms): the board's figures are today's so far. */
export async function startOfDay(db: Db, now: number, tz: string): Promise<number> {
  const row = await sql<{ at: number }>`select (extract(epoch from
    (date_trunc('day', ${new Date(now)}::timestamptz at time zone ${tz}) at time zone ${tz})) * 1000)::float8 as at`.execute(
    db,
  );
  return row.rows[0]?.at ?? now;
}

/** The overall figures of the calls `q` selects. */
export async function overallFigures(db: Db, q: PeriodQuery): Promise<Figures> {
  const [all] = await wholeFigures(db, q, NO_COVER, false);
  if (!all) throw new Error('an aggregate without groups gives one row');
  return all.figures;
}

/** How many calls of each coached rule are named, newest first. */
const COACHING_CALLS = 10;

/**
 * Per operator over a period: the rules they broke most often, with the calls that broke them (newest
 * first) to open from the coaching page. An open callback past its deadline counts at `now`.
 */
export async function coaching(db: Db, q: PeriodQuery) {
  const conds = conditions(q);
  const [totals, rows] = await Promise.all([
    sql<{ operator_name: string; n: number }>`select operator_name, count(*)::int as n
      from call_figures where ${where(conds)} group by operator_name`.execute(db),
    sql<{ operator_name: string; rule: string; n: number; calls: string[]; calls_at: number[] }>`
    select operator_name, rule, count(*)::int as n,
      (array_agg(call_id order by started_at desc, call_id desc))[1:${sql.lit(COACHING_CALLS)}] as calls,
      (array_agg((extract(epoch from started_at) * 1000)::float8 order by started_at desc, call_id desc))
        [1:${sql.lit(COACHING_CALLS)}] as calls_at
    from (
      select operator_name, call_id, started_at, unnest(broken) as rule from call_figures where ${where(conds)}
      union all
      select operator_name, call_id, started_at, 'callbackOverdue' from call_figures
        where ${where([...conds, overdue(q.now)])}
    ) b
    group by operator_name, rule`.execute(db),
  ]);
  const byOperator = new Map<
    string,
    { rule: ComplianceRule; calls: number; callIds: string[]; callsAt: number[] }[]
  >();
  // Every operator with calls is named, the ones who broke no rule too.
  for (const r of totals.rows) byOperator.set(r.operator_name, []);
  const callsOf = new Map(totals.rows.map((r) => [r.operator_name, r.n]));
  for (const r of rows.rows) {
    let list = byOperator.get(r.operator_name);
    if (!list) byOperator.set(r.operator_name, (list = []));
    // A rule code kept by figuresRow; pg may hand float8 back as text.
    list.push({
      rule: r.rule as ComplianceRule,
      calls: r.n,
      callIds: r.calls,
      callsAt: r.calls_at.map(Number),
    });
  }
  return [...byOperator]
    .map(([operatorName, rules]) => ({
      operatorName,
      calls: callsOf.get(operatorName) ?? 0,
      rules: rules.sort((a, b) => b.calls - a.calls || a.rule.localeCompare(b.rule)),
    }))
    .sort((a, b) => a.operatorName.localeCompare(b.operatorName));
}

export interface ChainPart {
  callId: string;
  operatorName: string;
  startedAt: number;
  /** Its figures once it ended (the summary the list shows); null while it goes on. */
  call: { facts: CallFacts; callerName: string | null; callerPhone: string | null } | null;
  /** Transfers of the client call before this desk took it: 0 for the first desk. */
  transfersBefore: number;
}

/**
 * The client call a call belongs to, across desks, in order: null when it was never handed over. A
 * reader sees the parts they may open (an operator: their own desks' only), never another
 * organisation's.
 */
export async function chainOf(
  db: Db,
  scope: Scope,
  callId: string,
): Promise<{ chainId: string; calls: ChainPart[] } | null> {
  const own = await db
    .selectFrom('calls')
    .select('chain_id')
    .where('id', '=', callId)
    .where('organisation_id', '=', scope.organisationId)
    .executeTakeFirst();
  const chainId = own?.chain_id;
  if (!chainId) return null;
  let q = db
    .selectFrom('calls')
    .innerJoin('people', 'people.id', 'calls.person_id')
    .leftJoin('call_figures', 'call_figures.call_id', 'calls.id')
    .leftJoin('handovers', (j) =>
      j
        .onRef('handovers.accepted_call_id', '=', 'calls.id')
        .onRef('handovers.organisation_id', '=', 'calls.organisation_id'),
    )
    .select([
      'calls.id',
      'calls.started_at',
      ...NAME_COLUMNS,
      'call_figures.facts',
      'call_figures.caller_name',
      'call_figures.caller_phone',
      'handovers.transfers',
    ])
    .where('calls.organisation_id', '=', scope.organisationId)
    .where('calls.chain_id', '=', chainId);
  if (scope.personId !== undefined) q = q.where('calls.person_id', '=', scope.personId);
  const rows = await q.orderBy('calls.started_at').orderBy('calls.id').execute();
  return {
    chainId,
    calls: rows.map((r) => {
      // Stored from analyzeCall when the call ended.
      const facts = (r.facts ?? null) as CallFacts | null;
      return {
        callId: r.id,
        // The account that uploaded it: the centre's name for the desk, whatever the workstation's profile says.
        operatorName: fullNameOf(r),
        startedAt: r.started_at.getTime(),
        call: facts ? { facts, callerName: r.caller_name, callerPhone: r.caller_phone } : null,
        transfersBefore: facts?.transfersBefore ?? r.transfers ?? 0,
      };
    }),
  };
}
