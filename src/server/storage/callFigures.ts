// A completed call's figures (migration 0006): reduced once, in the transaction that stored its end, by
// the same src/analytics functions the workstation runs, and kept as columns the supervisor's queries
// filter and sum. Only the open callback's lateness depends on the time, so it is worked out at reading.
import { sql, type Kysely, type Transaction } from 'kysely';
import { callFromLog, type CallWrapUp, type LoggedCall } from '../../analytics/fromLog';
import { workOutShare } from '../../analytics/dashboard';
import type { CallRecordEvent } from '../../calls/record';
import { replayCall, type ReplayResult } from '../../calls/replay';
import { restoreFlow } from '../../flows/restore';
import type { FlowDefinition } from '../../flows/types';
import { recountCall } from './callRollups';
import type { Database } from './schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The state the engine records once a call is over: the entry that completes it. */
export const ENDED_STATE = 'ended';

// Restored once per definition (a version never changes, but test databases reuse ids): keyed by the
// digest of its text, so a call's replay reads 32 characters instead of the whole definition.
const restored = new Map<string, FlowDefinition | null>();

const definitionOf = (organisationId: string, flowId: string, version: number) =>
  sql`from flow_versions
    where organisation_id = ${organisationId} and flow_id = ${flowId} and version = ${version}`;

/** The flow version whose definition has this digest, restored once (null: none, or not restorable). */
async function restoredFlow(
  db: Db,
  organisationId: string,
  flowId: string,
  version: number,
  digest: string,
): Promise<FlowDefinition | null> {
  if (!restored.has(digest)) {
    const row = await sql<{ text: string }>`select definition::text as text
      ${definitionOf(organisationId, flowId, version)}`.execute(db);
    const text = row.rows[0]?.text;
    if (text === undefined) return null;
    const r = restoreFlow(JSON.parse(text));
    restored.set(digest, r.ok ? r.flow : null);
  }
  return restored.get(digest) ?? null;
}

/** The flow version a call ran, restored (null when the organisation has no such version). */
export async function flowOf(db: Db, organisationId: string, flowId: string, version: number) {
  const row = await sql<{ digest: string }>`select md5(definition::text) as digest
    ${definitionOf(organisationId, flowId, version)}`.execute(db);
  const digest = row.rows[0]?.digest;
  return digest === undefined ? null : restoredFlow(db, organisationId, flowId, version, digest);
}

/**
 * A call as stored: the flow version it ran (null when the organisation holds no such version), its log in
 * order and its wrap-up, and its replay through that version, made once whoever reads it (the figures and
 * both filers read the same call in one upload).
 */
export interface StoredCall {
  flow: FlowDefinition | null;
  log: CallRecordEvent[];
  wrapUp: CallWrapUp | null;
  replayed: () => ReplayResult;
}

function storedCall(flow: FlowDefinition | null, log: CallRecordEvent[], wrapUp: CallWrapUp | null) {
  let replayed: ReplayResult | null = null;
  return {
    flow,
    log,
    wrapUp,
    replayed: () => (replayed ??= flow ? replayCall(flow, log) : { ok: false, error: 'flowMismatch' }),
  } satisfies StoredCall;
}

/**
 * What the calls' replays need, read in one round trip whatever their number: each call's flow version (as
 * its row names it), its log in order, its wrap-up. A call the database does not hold is absent.
 */
export async function callsForReplay(db: Db, callIds: readonly string[]): Promise<Map<string, StoredCall>> {
  const found = new Map<string, StoredCall>();
  if (callIds.length === 0) return found;
  const rows = await sql<{
    call_id: string;
    organisation_id: string;
    flow_id: string;
    flow_version: number;
    digest: string | null;
    log: CallRecordEvent[];
    wrap_up: CallWrapUp | null;
  }>`select c.id as call_id, c.organisation_id, c.flow_id, c.flow_version,
      (select md5(definition::text) from flow_versions v where v.organisation_id = c.organisation_id
        and v.flow_id = c.flow_id and v.version = c.flow_version) as digest,
      coalesce((select jsonb_agg(payload order by seq) from call_events e where e.call_id = c.id),
        '[]'::jsonb) as log,
      (select payload from call_wrapups w where w.call_id = c.id) as wrap_up
    from calls c where c.id in (${sql.join(callIds)})`.execute(db);
  for (const r of rows.rows) {
    const flow =
      r.digest !== null
        ? await restoredFlow(db, r.organisation_id, r.flow_id, r.flow_version, r.digest)
        : null;
    // The payloads are stored from the checked upload schema.
    found.set(r.call_id, storedCall(flow, r.log, r.wrap_up));
  }
  return found;
}

/** What a call's replay needs, read in one round trip: its flow version, its log in order, its wrap-up. */
export async function callForReplay(db: Db, callId: string): Promise<StoredCall> {
  return (await callsForReplay(db, [callId])).get(callId) ?? storedCall(null, [], null);
}

/** A call's stored log, in order, as the workstation recorded it. */
export async function callLog(db: Db, callId: string): Promise<CallRecordEvent[]> {
  const rows = await db
    .selectFrom('call_events')
    .select('payload')
    .where('call_id', '=', callId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.payload as CallRecordEvent); // stored from the checked upload schema
}

/** Lower-cased as JavaScript does it: the database's own lower() may not know Cyrillic (C locale). */
const nameKey = (name: string | null): string | null => name?.toLowerCase() ?? null;

const date = (ms: number | null) => (ms === null ? null : new Date(ms));

/** The row kept for a call: the columns the queries read, and the whole facts for the record view. */
export function figuresRow(call: LoggedCall, organisationId: string, personId: string) {
  const f = call.facts;
  // At time 0 no callback is overdue yet: `broken` keeps the rules broken whatever the time.
  const share = workOutShare(f, 0);
  return {
    call_id: f.callId,
    organisation_id: organisationId,
    person_id: personId,
    operator_name: f.operatorName,
    flow_id: f.flowId,
    flow_version: f.flowVersion,
    direction: f.direction,
    started_at: new Date(f.startedAt),
    ended_at: date(f.endedAt),
    handle_ms: f.handleMs,
    after_call_ms: f.afterCallMs,
    outcome: f.outcome,
    result: share.result,
    resolved_first: share.resolvedFirst,
    transfers_counted: share.bucket,
    own_transfers: share.own,
    refused_transfers: f.refusedTransfers.length,
    holds: share.holds,
    holds_over: share.overPromise,
    overtime_ms: share.overtimeMs,
    callback_deadline: date(f.callback?.deadline ?? null),
    callback_done_at: date(f.callback?.doneAt ?? null),
    satisfaction: f.satisfaction,
    broken: share.broken,
    stage_ms: JSON.stringify(Object.fromEntries(share.stages)),
    topic: f.topic,
    need: f.need,
    articles: f.articlesUsed,
    caller_name: call.callerName,
    caller_name_key: nameKey(call.callerName),
    caller_phone: call.callerPhone,
    facts: JSON.stringify(f),
  };
}

export interface CallRef {
  callId: string;
  organisationId: string;
  personId: string;
  flowId: string;
  flowVersion: number;
}

/**
 * What `read` finds in a stored call replayed through the flow version it ran on (as the workstation's
 * engine did): the figures' and both filers' reading. Null when the organisation holds no such version, or
 * when the engine cannot take the log (a forged start, say): its events stay stored all the same.
 */
export function readReplayed<T>(
  { flow, log, wrapUp, replayed }: StoredCall,
  read: (
    flow: FlowDefinition,
    log: CallRecordEvent[],
    wrapUp: CallWrapUp | null,
    replay: ReplayResult,
  ) => T | null,
): T | null {
  if (!flow) return null;
  try {
    return read(flow, log, wrapUp, replayed());
  } catch {
    return null;
  }
}

/** The call as its stored log and wrap-up tell it (null: no such flow version, or a log it cannot replay). */
const loggedCall = (stored: StoredCall): LoggedCall | null =>
  readReplayed(stored, (flow, log, wrapUp, replay) => callFromLog(log, flow, wrapUp, replay));

/**
 * Keeps the figures of calls whose end is stored, from their replays as read in this transaction (`stored`),
 * with their place in the rollups' queue (settleRollups adds them), in one statement. A call reduced
 * already is left as it is; a log the flow version cannot replay keeps no figures (the call stays in the
 * raw events); a wrap-up stored before the end is reduced with it. Returns the ids whose figures are new.
 */
export async function keepFigures(
  db: Db,
  calls: readonly CallRef[],
  stored: ReadonlyMap<string, StoredCall>,
): Promise<string[]> {
  const rows = calls.flatMap((call) => {
    const read = stored.get(call.callId);
    const logged = read && loggedCall(read);
    return logged ? [figuresRow(logged, call.organisationId, call.personId)] : [];
  });
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0] as object) as (keyof ReturnType<typeof figuresRow>)[];
  const kept = await sql<{ call_id: string }>`with kept as (
      insert into call_figures (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(rows.map((row) => sql`(${sql.join(columns.map((c) => row[c]))})`))}
      on conflict (call_id) do nothing
      returning call_id, organisation_id
    ), queued as (
      insert into call_rollups_pending (call_id, organisation_id) select call_id, organisation_id from kept
    )
    select call_id from kept`.execute(db);
  return kept.rows.map((r) => r.call_id);
}

/**
 * Reduces a kept call again after its wrap-up changed, in the caller's transaction: the rollups lose the
 * call as it was counted and gain it as it is now, so a period's sums never count it twice. A call whose
 * end is not stored yet keeps nothing to redo (its end's reduction reads the wrap-up); an erased call
 * keeps its names and phone erased.
 */
export async function reduceCallAgain(db: Db, call: CallRef): Promise<void> {
  const held = await db
    .selectFrom('call_figures')
    .select('erased_at')
    .where('call_id', '=', call.callId)
    .forUpdate()
    .executeTakeFirst();
  if (!held) return;
  const logged = loggedCall(await callForReplay(db, call.callId));
  if (!logged) return;
  const row = figuresRow(logged, call.organisationId, call.personId);
  const erased =
    held.erased_at !== null ? { caller_name: null, caller_name_key: null, caller_phone: null } : {};
  await recountCall(db, call.organisationId, call.callId, async () => {
    await db
      .updateTable('call_figures')
      .set({ ...row, ...erased })
      .where('call_id', '=', call.callId)
      .execute();
  });
}
