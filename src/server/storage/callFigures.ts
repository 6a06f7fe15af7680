// A completed call's figures (migration 0006): reduced once, in the transaction that stored its end, by
// the same src/analytics functions the workstation runs, and kept as columns the supervisor's queries
// filter and sum. Only the open callback's lateness depends on the time, so it is worked out at reading.
import { sql, type Kysely, type Transaction } from 'kysely';
import { callFromLog, type CallWrapUp, type LoggedCall } from '../../analytics/fromLog';
import { workOutShare } from '../../analytics/dashboard';
import type { CallRecordEvent } from '../../calls/record';
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

/** What a call's replay needs, read in one round trip: its flow version, its log in order, its wrap-up. */
export async function callForReplay(
  db: Db,
  call: { callId: string; organisationId: string; flowId: string; flowVersion: number },
): Promise<{ flow: FlowDefinition | null; log: CallRecordEvent[]; wrapUp: CallWrapUp | null }> {
  const row = await sql<{ digest: string | null; log: CallRecordEvent[]; wrap_up: CallWrapUp | null }>`select
      (select md5(definition::text) ${definitionOf(call.organisationId, call.flowId, call.flowVersion)}) as digest,
      coalesce((select jsonb_agg(payload order by seq) from call_events where call_id = ${call.callId}),
        '[]'::jsonb) as log,
      (select payload from call_wrapups where call_id = ${call.callId}) as wrap_up`.execute(db);
  const r = row.rows[0];
  const flow =
    r?.digest != null
      ? await restoredFlow(db, call.organisationId, call.flowId, call.flowVersion, r.digest)
      : null;
  // The payloads are stored from the checked upload schema.
  return { flow, log: r?.log ?? [], wrapUp: r?.wrap_up ?? null };
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
 * What `read` finds in a call's stored log and wrap-up, replayed through the flow version the call ran on
 * (as the workstation's engine did): the figures' and both filers' reading. Null when the organisation
 * holds no such version, or when the engine cannot take the log (a forged start, say): its events stay
 * stored all the same.
 */
export async function readReplayed<T>(
  db: Db,
  call: { callId: string; organisationId: string; flowId: string; flowVersion: number },
  read: (flow: FlowDefinition, log: CallRecordEvent[], wrapUp: CallWrapUp | null) => T | null,
): Promise<T | null> {
  const { flow, log, wrapUp } = await callForReplay(db, call);
  if (!flow) return null;
  try {
    return read(flow, log, wrapUp);
  } catch {
    return null;
  }
}

/** The call as its stored log and wrap-up tell it (null: no such flow version, or a log it cannot replay). */
const loggedCall = (db: Db, call: CallRef): Promise<LoggedCall | null> =>
  readReplayed(db, call, (flow, log, wrapUp) => callFromLog(log, flow, wrapUp));

/**
 * Keeps the figures of a call whose end was just stored; a call reduced already is left as it is. A log
 * the flow version cannot replay keeps no figures (the call stays in the raw events). A wrap-up stored
 * before the end is reduced with it. True when the figures are new: the call is then pending for the
 * rollups (settleRollups adds it), in the same statement.
 */
export async function keepCallFigures(db: Db, call: CallRef): Promise<boolean> {
  const logged = await loggedCall(db, call);
  if (!logged) return false;
  const row = figuresRow(logged, call.organisationId, call.personId);
  const columns = Object.keys(row) as (keyof typeof row)[];
  const kept = await sql<{ call_id: string }>`with kept as (
      insert into call_figures (${sql.join(columns.map((c) => sql.ref(c)))})
      values (${sql.join(columns.map((c) => row[c]))})
      on conflict (call_id) do nothing
      returning call_id, organisation_id
    )
    insert into call_rollups_pending (call_id, organisation_id) select call_id, organisation_id from kept
    returning call_id`.execute(db);
  return kept.rows.length > 0;
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
  const logged = await loggedCall(db, call);
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
