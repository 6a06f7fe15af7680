// Calls uploaded by workstations: each event stored once, keyed by (call, seq), in one transaction per
// batch that locks each call's row, so two uploads of the same call (a retry racing its original, two
// tabs) wait for each other and the second finds the events already held. The operator's lease is
// checked, kept aside events put back and the lease released in that same transaction.
import { isDeepStrictEqual } from 'node:util';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CALL_REFUSALS, CallEventBatch } from '../../protocol';
import { fileCallbackOfCall } from './callbacks';
import { callForReplay, ENDED_STATE, keepFigures } from './callFigures';
import { batching, type Batcher } from './batching';
import { PREPARED, retryingConflicts } from './database';
import { chainOfStart, fileHandoverOfCall } from './handovers';
import { keepPendingReplays, type Replayed } from './pendingReplays';
import { fencedFilling, keepFencedEvents, leaseStanding, markRestored, settleLease } from './leases';
import type { Database } from './schema';

type CallRefusal = (typeof CALL_REFUSALS)[number];
type Upload = CallEventBatch['calls'][number];
type UploadedEvent = Upload['events'][number];

export interface Uploader {
  organisationId: string;
  personId: string;
}

export type StoreResult =
  /**
   * `reduced`: the call's figures were kept (and wait for the rollups: settleRollups); `filedCallback`: a
   * callback the new events promised; `handover`: a transfer they handed over.
   */
  | {
      callId: string;
      status: 'stored';
      added: number;
      reduced?: boolean;
      filedCallback?: string;
      handover?: { id: string; recipientPersonId: string };
    }
  | { callId: string; status: 'refused'; code: CallRefusal };

/** The event as it was sent, and as the database gives it back: plain JSON. */
const asJson = (e: UploadedEvent): unknown => JSON.parse(JSON.stringify(e));

/** Rows per INSERT, well under PostgreSQL's 65,535 parameters a statement. */
const INSERT_CHUNK = 2_000;

/**
 * Stores a batch's calls and answers per call; a refused call writes nothing and leaves the others of the
 * batch stored. Each call goes first to the grouped append (appendGoingOn) with the calls of every upload
 * waiting at that moment; the calls it leaves (a replay, a gap, a lost lease, another operator's call, and
 * every call of a batch inside a caller's transaction) are stored in one transaction that costs a fixed
 * number of statements whatever their number: the flow versions asked for, the new calls, the calls' rows
 * locked (in id order, so two batches never deadlock, and a retry racing its original waits and then
 * finds its events held), the held events a replay must match, the new events, the calls' next numbers.
 */
export async function storeCallEvents(
  db: Kysely<Database>,
  who: Uploader,
  calls: readonly Upload[],
  now: Date,
  /** The lease the uploading device holds, checked in the same transaction; absent: no check. */
  lease?: CallEventBatch['lease'],
  /** `fileCallbacks: false`: the calls' callbacks and transfers are not filed (calls imported from files). */
  options: { fileCallbacks: boolean } = { fileCallbacks: true },
): Promise<StoreResult[]> {
  // Each call on its own in the grouped append, unless the caller's transaction must hold the batch whole.
  const appended =
    db.isTransaction && calls.length > 1
      ? []
      : await Promise.all(calls.map((c) => appendGoingOn(db, who, c, now, lease, options)));
  const grouped = new Map(appended.flatMap((r) => (r ? [[r.callId, r] as const] : [])));
  const rest = calls.filter((c) => !grouped.has(c.callId));
  // A call of the batch going on keeps the lease held, whichever way it was stored.
  const goingOn = calls.some(
    (c) => grouped.get(c.callId)?.status === 'stored' && !c.events.some((e) => e.after.state === ENDED_STATE),
  );
  if (rest.length === 0) return calls.map((c) => grouped.get(c.callId) as StoreResult);
  const order = [...rest].sort(byCallId);
  const results = await retryingConflicts(() =>
    db.transaction().execute(async (trx) => {
      // A device that lost the operator's lease adds nothing to any call; its events are kept aside.
      const standing = lease ? await leaseStanding(trx, who.personId, lease) : { released: false };
      if (lease && !standing) {
        await keepFencedEvents(trx, who, lease, rest);
        return new Map(order.map((c) => [c.callId, refusal(c.callId, 'lease_lost')]));
      }
      const first = await storeIn(trx, who, order, now, options);
      // A call whose events leave a gap that events kept aside from this person fill (their device lost the
      // lease, took it back and the call went on): stored again with them in front; nothing else changed.
      const filling = await fencedFilling(trx, who.personId, first.gaps);
      const byCall = first.byCall;
      if (filling.size > 0) {
        const again = order
          .filter((c) => filling.has(c.callId))
          .map((c) => ({ callId: c.callId, events: [...(filling.get(c.callId) ?? []), ...c.events] }));
        const second = await storeIn(trx, who, again, now, options);
        for (const [id, r] of second.byCall) byCall.set(id, r);
        const restored = [...second.byCall.values()]
          .filter((r) => r.status === 'stored')
          .map((r) => r.callId);
        await markRestored(trx, who.personId, restored, now);
        first.ended ||= second.ended;
        first.open ||= second.open;
      }
      if (lease && standing)
        await settleLease(trx, who.personId, lease, standing, { ...first, open: first.open || goingOn }, now);
      return byCall;
    }),
  );
  return calls.map(
    (c) => grouped.get(c.callId) ?? results.get(c.callId) ?? refusal(c.callId, 'sequence_gap'),
  );
}

/**
 * The common cases, in one statement for every such upload waiting at the moment: a call's first events
 * (its start, on a flow version the organisation holds), or the next events of a call going on, up to its
 * end, from the device that holds the lease. Each lease row and then the calls' rows are locked, as the
 * full path locks them; a call is created, or its events go in and its next number moves only if the call
 * is this operator's, on these events' flow version, and held up to just before them; a start re-holds a
 * lease its device released at its last call's end, and an end releases it. A call whose events end it,
 * promise a callback or transfer it is filed as pending, and what its replay gives (figures, callback,
 * handover) is kept before the answer with every call filed at that moment (pendingReplays.ts: a second
 * group commit). Anything else (a replay, a gap, another operator's call, a lost lease) writes nothing for
 * that call and answers null, and the full path stores or refuses it with its reasons. An event costs the
 * server a share of one round trip to the database (and a replayed call a share of a short transaction)
 * instead of six to nine statements (batching.ts: a group commit).
 */
async function appendGoingOn(
  db: Kysely<Database>,
  who: Uploader,
  call: Upload,
  now: Date,
  lease: CallEventBatch['lease'],
  options: { fileCallbacks: boolean },
): Promise<StoreResult | null> {
  const [first] = call.events;
  if (!first) return null;
  const plain = call.events.every(
    (e, i) => e.seq === first.seq + i && e.flowId === first.flowId && e.flowVersion === first.flowVersion,
  );
  // What the call's replay must give once its events are stored: its figures, its callback, its handover.
  const replays = {
    figures: call.events.some((e) => e.after.state === ENDED_STATE),
    callback: options.fileCallbacks && call.events.some((e) => e.event.type === 'operator.callback'),
    handover: options.fileCallbacks && call.events.some((e) => e.event.type === 'operator.transfer'),
  };
  const replaying = replays.figures || replays.callback || replays.handover;
  // Inside a caller's transaction the statement is the transaction's own (nothing waits with it), and a
  // replay is kept by the full path, in that transaction.
  if (!plain || (replaying && db.isTransaction)) return null;
  const append: Append = { who, call, now, lease, replays };
  if (db.isTransaction) return (await appendAll(db, [append]))[0] ?? null;
  let batcher = appenders.get(db);
  if (!batcher) {
    batcher = batching((group: readonly Append[]) => appendAll(db, group), {
      max: APPENDS_TOGETHER,
      // A call once a group: two uploads of one call (a retry racing its original) meet in the full path.
      keyOf: (a) => a.call.callId,
    });
    appenders.set(db, batcher);
  }
  const stored = await batcher(append);
  if (stored?.status !== 'stored' || !replaying) return stored;
  // The events are stored and the call filed as pending: what its replay gives is kept before the answer,
  // with every call filed at this moment (a stopped server leaves it pending: pendingReplays.ts).
  let keeper = keepers.get(db);
  if (!keeper) {
    keeper = batching(
      async (ids: readonly string[]) => {
        const { replayed } = await keepPendingReplays(db, { callIds: ids });
        return ids.map((id) => replayed.get(id) ?? null);
      },
      { max: APPENDS_TOGETHER },
    );
    keepers.set(db, keeper);
  }
  const replayed = await keeper(call.callId);
  return {
    ...stored,
    ...(replayed?.reduced ? { reduced: true } : {}),
    ...(replayed?.filedCallback ? { filedCallback: replayed.filedCallback } : {}),
    ...(replayed?.handover
      ? { handover: { id: replayed.handover.id, recipientPersonId: replayed.handover.recipientPersonId } }
      : {}),
  };
}

interface Append {
  who: Uploader;
  call: Upload;
  now: Date;
  lease: CallEventBatch['lease'];
  replays: { figures: boolean; callback: boolean; handover: boolean };
}

/** Uploads appended by one statement at most (their events are one JSON parameter). */
const APPENDS_TOGETHER = 200;
const appenders = new WeakMap<Kysely<Database>, Batcher<Append, StoreResult | null>>();
const keepers = new WeakMap<Kysely<Database>, Batcher<string, Replayed | null>>();

async function appendAll(db: Kysely<Database>, group: readonly Append[]): Promise<(StoreResult | null)[]> {
  // Leases and calls are locked in one order (person, then call id), as every other writer takes them.
  const input = [...group]
    .sort((a, b) => byText(a.who.personId, b.who.personId) || byCallId(a.call, b.call))
    .map((a) => {
      const [first] = a.call.events as [UploadedEvent];
      return {
        call_id: a.call.callId,
        organisation_id: a.who.organisationId,
        person_id: a.who.personId,
        flow_id: first.flowId,
        flow_version: first.flowVersion,
        first_seq: first.seq,
        n: a.call.events.length,
        started_at: new Date(first.at).toISOString(),
        chain_id: chainOfStart(first.event),
        ends: a.replays.figures,
        callback: a.replays.callback,
        handover: a.replays.handover,
        device_id: a.lease?.deviceId ?? null,
        epoch: a.lease?.epoch ?? null,
        received_at: a.now.toISOString(),
        events: a.call.events.map((e) => ({
          seq: e.seq,
          at: new Date(e.at).toISOString(),
          type: e.event.type,
          payload: e,
        })),
      };
    });
  const result = await retryingConflicts(() =>
    sql<{ call_id: string; added: number }>`${sql.raw(PREPARED)}with input as materialized (
        select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as i(
          call_id text, organisation_id text, person_id uuid, flow_id text, flow_version integer,
          first_seq integer, n integer, started_at timestamptz, chain_id text, ends boolean,
          callback boolean, handover boolean, device_id text,
          epoch bigint, received_at timestamptz, events jsonb)
      ), standing as materialized (
        -- released: false while held, true once its device released it, null when it is not this device's.
        select i.*, case when i.device_id is null then false else (
            select l.released_at is not null from operator_leases l
            where l.person_id = i.person_id and l.device_id = i.device_id and l.epoch = i.epoch
            for update) end as released
        from input i
      ), created as (
        insert into calls (id, organisation_id, person_id, flow_id, flow_version, started_at, chain_id,
          next_seq, received_at, updated_at)
        select s.call_id, s.organisation_id, s.person_id, s.flow_id, s.flow_version, s.started_at, s.chain_id,
          s.n, s.received_at, s.received_at
        from standing s
        where s.first_seq = 0 and s.released is not null
          and exists (select 1 from flow_versions v where v.organisation_id = s.organisation_id
            and v.flow_id = s.flow_id and v.version = s.flow_version)
        on conflict (id) do nothing
        returning id
      ), held as materialized (
        select c.id from standing s
        join calls c on c.id = s.call_id
        where s.first_seq > 0 and s.released = false
          and c.organisation_id = s.organisation_id and c.person_id = s.person_id
          and c.flow_id = s.flow_id and c.flow_version = s.flow_version and c.next_seq = s.first_seq
        order by c.id
        for update of c
      ), added as (
        insert into call_events (call_id, seq, organisation_id, at, type, payload, received_at)
        select s.call_id, e.seq, s.organisation_id, e.at, e.type, e.payload, s.received_at
        from standing s
        cross join lateral jsonb_to_recordset(s.events) as e(seq integer, at timestamptz, type text, payload jsonb)
        where s.call_id in (select id from held union all select id from created)
        returning call_id
      ), moved as (
        update calls set next_seq = calls.next_seq + s.n, updated_at = s.received_at
        from standing s where calls.id = s.call_id and calls.id in (select id from held)
      ), leased as (
        -- Each lease once, as the full path settles a batch's: a call going on keeps it held (a start
        -- re-holds one released at the last end), else a call that ended releases it.
        update operator_leases l set released_at = case when t.open then null else t.received_at end
        from (
          select s.person_id, s.device_id, s.epoch, bool_or(not s.ends) as open, bool_or(s.released) as released,
            max(s.received_at) as received_at
          from standing s where s.call_id in (select id from held union all select id from created)
          group by s.person_id, s.device_id, s.epoch
        ) t
        where l.person_id = t.person_id and l.device_id = t.device_id and l.epoch = t.epoch
          and t.open = t.released
      ), pending as (
        insert into call_replays_pending (call_id, organisation_id, figures, callback, handover)
        select s.call_id, s.organisation_id, s.ends, s.callback, s.handover from standing s
        where (s.ends or s.callback or s.handover)
          and s.call_id in (select id from held union all select id from created)
        on conflict (call_id) do update set figures = call_replays_pending.figures or excluded.figures,
          callback = call_replays_pending.callback or excluded.callback,
          handover = call_replays_pending.handover or excluded.handover
      )
      select call_id, count(*)::int as added from added group by call_id`.execute(db),
  );
  const added = new Map(result.rows.map((r) => [r.call_id, r.added]));
  return group.map(({ call }) =>
    added.get(call.callId) === call.events.length
      ? { callId: call.callId, status: 'stored', added: call.events.length }
      : null,
  );
}

/**
 * The calls' rows, locked for update in id order, the order every writer of calls takes them in (so two
 * writers never deadlock): by id, those the database holds.
 */
export async function lockCalls(trx: Transaction<Database>, callIds: readonly string[]) {
  const rows = await trx
    .selectFrom('calls')
    .select(['id', 'organisation_id', 'person_id', 'next_seq', 'flow_id', 'flow_version'])
    .where('id', 'in', callIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  return new Map(rows.map((h) => [h.id, h]));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byCallId = (a: Upload, b: Upload) => byText(a.callId, b.callId);
const refusal = (callId: string, code: CallRefusal): StoreResult => ({ callId, status: 'refused', code });

interface Stored {
  byCall: Map<string, StoreResult>;
  /** Calls refused only because their first event is past the server's next: [from, upTo) is missing. */
  gaps: { callId: string; from: number; upTo: number }[];
  /** Some call's end was stored; some call with events stored goes on. */
  ended: boolean;
  open: boolean;
}

/** The batch's calls (in id order) stored as far as each may be, inside the batch's transaction. */
async function storeIn(
  trx: Transaction<Database>,
  who: Uploader,
  order: readonly Upload[],
  now: Date,
  options: { fileCallbacks: boolean },
): Promise<Stored> {
  const byCall = new Map<string, StoreResult>();
  const gaps: Stored['gaps'] = [];
  const done: Stored = { byCall, gaps, ended: false, open: false };
  const refuse = (callId: string, code: CallRefusal) => void byCall.set(callId, refusal(callId, code));
  const firstOf = (c: Upload): UploadedEvent => c.events[0] as UploadedEvent;
  let live = order.filter((c) => {
    const first = c.events[0];
    const consecutive = first && c.events.every((e, i) => e.seq === first.seq + i);
    if (!consecutive) refuse(c.callId, 'sequence_gap');
    return consecutive;
  });

  // A call begins on a flow version the organisation published (or was given with the build).
  const starting = live.filter((c) => firstOf(c).seq === 0);
  if (starting.length > 0) {
    const known = await trx
      .selectFrom('flow_versions')
      .select(['flow_id', 'version'])
      .where('organisation_id', '=', who.organisationId)
      .where((eb) =>
        eb.or(
          starting.map((c) =>
            eb.and([eb('flow_id', '=', firstOf(c).flowId), eb('version', '=', firstOf(c).flowVersion)]),
          ),
        ),
      )
      .execute();
    const versions = new Set(known.map((k) => `${k.flow_id}\u0000${k.version}`));
    const unknown = new Set(
      starting
        .filter((c) => !versions.has(`${firstOf(c).flowId}\u0000${firstOf(c).flowVersion}`))
        .map((c) => c.callId),
    );
    for (const id of unknown) refuse(id, 'unknown_flow_version');
    live = live.filter((c) => !unknown.has(c.callId));
    const creating = starting.filter((c) => !unknown.has(c.callId));
    if (creating.length > 0) {
      await trx
        .insertInto('calls')
        .values(
          creating.map((c) => ({
            id: c.callId,
            organisation_id: who.organisationId,
            person_id: who.personId,
            flow_id: firstOf(c).flowId,
            flow_version: firstOf(c).flowVersion,
            started_at: new Date(firstOf(c).at),
            // A call taken from a handover continues the client call's chain (its start names it).
            chain_id: chainOfStart(firstOf(c).event),
            received_at: now,
            updated_at: now,
          })),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  }
  if (live.length === 0) return done;

  const held = await lockCalls(
    trx,
    live.map((c) => c.callId),
  );

  const accepted: { call: Upload; nextSeq: number }[] = [];
  for (const call of live) {
    const h = held.get(call.callId);
    const first = firstOf(call);
    if (!h) {
      refuse(call.callId, 'sequence_gap');
      gaps.push({ callId: call.callId, from: 0, upTo: first.seq });
    }
    // Another organisation's call answers like another operator's: nothing about it is revealed.
    else if (h.organisation_id !== who.organisationId || h.person_id !== who.personId)
      refuse(call.callId, 'call_not_yours');
    else if (first.seq > h.next_seq) {
      refuse(call.callId, 'sequence_gap');
      gaps.push({ callId: call.callId, from: h.next_seq, upTo: first.seq });
    }
    // Every event of a call names the version it began on.
    else if (call.events.some((e) => e.flowId !== h.flow_id || e.flowVersion !== h.flow_version))
      refuse(call.callId, 'unknown_flow_version');
    else accepted.push({ call, nextSeq: h.next_seq });
  }

  // A replay must be what is held under the same numbers.
  const replaying = accepted.filter((a) => firstOf(a.call).seq < a.nextSeq);
  const stored =
    replaying.length === 0
      ? []
      : await trx
          .selectFrom('call_events')
          .select(['call_id', 'seq', 'payload'])
          .where(
            'call_id',
            'in',
            replaying.map((a) => a.call.callId),
          )
          .execute();
  const heldPayload = new Map(stored.map((r) => [`${r.call_id}\u0000${r.seq}`, r.payload]));
  const adding: { call: Upload; added: UploadedEvent[] }[] = [];
  for (const { call, nextSeq } of accepted) {
    const conflict = call.events.some(
      (e) =>
        e.seq < nextSeq && !isDeepStrictEqual(heldPayload.get(`${call.callId}\u0000${e.seq}`), asJson(e)),
    );
    if (conflict) refuse(call.callId, 'event_conflict');
    else adding.push({ call, added: call.events.filter((e) => e.seq >= nextSeq) });
  }

  const rows = adding.flatMap(({ added }) =>
    added.map((e) => ({
      call_id: e.callId,
      seq: e.seq,
      organisation_id: who.organisationId,
      at: new Date(e.at),
      type: e.event.type,
      payload: JSON.stringify(e),
      received_at: now,
    })),
  );
  for (let i = 0; i < rows.length; i += INSERT_CHUNK)
    await trx
      .insertInto('call_events')
      .values(rows.slice(i, i + INSERT_CHUNK))
      .execute();
  const moved = adding.filter((a) => a.added.length > 0);
  if (moved.length > 0) {
    const next = sql.join(
      moved.map((a) => sql`(${a.call.callId}::text, ${(a.added.at(-1)?.seq ?? 0) + 1}::int)`),
    );
    await sql`update calls set next_seq = v.next_seq, updated_at = ${now}
        from (values ${next}) as v(id, next_seq) where calls.id = v.id`.execute(trx);
  }
  for (const { call, added } of adding) {
    const h = held.get(call.callId);
    if (!h) continue; // every accepted call was held
    const ref = {
      id: call.callId,
      organisationId: who.organisationId,
      personId: h.person_id,
      flowId: h.flow_id,
      flowVersion: h.flow_version,
    };
    // A callback promised in the call is the centre's, and a transfer to a colleague who uses Sufler
    // hands the call over: both filed with the events that made them.
    const promises = options.fileCallbacks && added.some((e) => e.event.type === 'operator.callback');
    const transfers = options.fileCallbacks && added.some((e) => e.event.type === 'operator.transfer');
    // The entry that ends the call arrived: its figures are reduced now, once (call_figures).
    const ends = added.some((e) => e.after.state === ENDED_STATE);
    if (ends) done.ended = true;
    else if (added.length > 0) done.open = true;
    // The call as stored now, read and replayed once for all three.
    const stored = promises || transfers || ends ? await callForReplay(trx, call.callId) : null;
    const filed = promises && stored ? await fileCallbackOfCall(trx, ref, stored) : null;
    const handover = transfers && stored ? await fileHandoverOfCall(trx, ref, stored) : null;
    const reduced =
      ends &&
      stored !== null &&
      (await keepFigures(trx, [{ ...ref, callId: call.callId }], new Map([[call.callId, stored]]))).length >
        0;
    byCall.set(call.callId, {
      callId: call.callId,
      status: 'stored',
      added: added.length,
      ...(reduced ? { reduced } : {}),
      ...(filed ? { filedCallback: filed } : {}),
      ...(handover ? { handover: { id: handover.id, recipientPersonId: handover.recipientPersonId } } : {}),
    });
  }
  return done;
}

export interface StoredCallEvent {
  seq: number;
  payload: unknown;
}

/** A call's events as held, in order: for tests and tools that check what the server stored. */
export async function listCallEvents(db: Kysely<Database>, callId: string): Promise<StoredCallEvent[]> {
  return db
    .selectFrom('call_events')
    .select(['seq', 'payload'])
    .where('call_id', '=', callId)
    .orderBy('seq')
    .execute();
}

/** How many events the server holds in all (the bench and tests count them). */
export async function countCallEvents(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: number }>`select count(*)::int as n from call_events`.execute(db);
  return row.rows[0]?.n ?? 0;
}
