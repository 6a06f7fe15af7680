// Call records: each log event is appended in its own transaction that checks the writer's fencing epoch,
// so a tab that lost the call cannot write; the [callId+seq] key makes a repeated append a no-op.
import { liveQuery } from 'dexie';
import type { CallbackTask, CallRecordEvent } from '../calls';
import type { FlowDefinition } from '../flows/types';
import { packEvents, unpackEvents } from './callEventCodec';
import type { AppDB } from './db';
import {
  WRAP_UP_SEQ,
  type CallbackRow,
  type CallEventRow,
  type CallLeaseRow,
  type CallRow,
  type OutboxRow,
  type UploadOwner,
} from './callsTables';

const LEASE = 'owner';

/** Another tab took the call over after this writer's epoch: it must stop writing and go read-only. */
export class CallFencedError extends Error {
  override name = 'CallFencedError';
}

/** A call is already active on this workstation: one at a time. */
export class CallBusyError extends Error {
  override name = 'CallBusyError';
}

export type CallSummaryPatch = Partial<
  Pick<CallRow, 'callerName' | 'callerPhone' | 'outcome' | 'endedAt' | 'endReason'>
>;

export function callerNameKey(name: string | null | undefined): string | null {
  const key = name?.trim().toLowerCase().replace(/\s+/g, ' ') ?? '';
  return key === '' ? null : key;
}

/** What a call's summary row says when it begins; the rest is filled as the call goes and at wrap-up. */
export type NewCallRow = Pick<
  CallRow,
  'id' | 'flowId' | 'flowVersion' | 'direction' | 'startedAt' | 'operatorName' | 'transfersBefore'
> &
  Partial<CallRow>;

/** The summary row of a call just begun: one shape for the call owner, the bench and the tests. */
export function newCallRow(start: NewCallRow): CallRow {
  return {
    endedAt: null,
    finishedAt: null,
    status: 'active',
    outcome: null,
    callerName: null,
    callerNameKey: null,
    callerPhone: null,
    topic: null,
    summary: '',
    articlesUsed: [],
    satisfaction: null,
    surveyOffered: false,
    afterCallMs: null,
    callbackId: null,
    endReason: null,
    lastSeq: 0,
    ...start,
  };
}

export function newCallbackRow(task: CallbackTask): CallbackRow {
  return { ...task, status: 'open', attempts: [], dueAt: task.deadline, doneAt: null, doneByCallId: null };
}

export async function getCallback(db: AppDB, id: string): Promise<CallbackRow | undefined> {
  return db.callbacks.get(id);
}

/** Throwing inside a write transaction aborts it: nothing it already sent is kept. */
function assertEpoch(lease: CallLeaseRow | undefined, epoch: number): void {
  if ((lease?.epoch ?? 0) !== epoch) throw new CallFencedError('call taken over by another tab');
}

/** For callsFinish.ts: the writes it makes need the caller's epoch to be current. */
export async function checkEpoch(db: AppDB, epoch: number): Promise<void> {
  assertEpoch(await db.callLease.get(LEASE), epoch);
}

/**
 * Marks calls whose summary row the current transaction writes (it must include `callChanges`): the
 * supervisor's month packs take the new rows in when next read (src/db/supervisorRepository.ts). An
 * active call's own events need none: active calls are read afresh at every reading.
 */
export function markCallsChanged(db: AppDB, ids: readonly string[]): Promise<unknown> {
  return db.callChanges.bulkPut(ids.map((id) => ({ id, stamp: Math.random() })));
}

/** Makes the caller the only writer of calls: returns the new epoch every later write must present. */
export async function claimCallOwnership(db: AppDB): Promise<number> {
  return db.transaction('rw', db.callLease, async () => {
    const epoch = ((await db.callLease.get(LEASE))?.epoch ?? 0) + 1;
    await db.callLease.put({ key: LEASE, epoch });
    return epoch;
  });
}

/**
 * Stores a new call and its first event together; refuses while another call is active. The greeting
 * waits for this, so the checks and the writes go out at once (requests run in order, so the check for
 * an active call sees the store before these writes); a refusal aborts it all.
 */
export async function beginCall(
  db: AppDB,
  call: { row: CallRow; first: CallRecordEvent; epoch: number; flow: FlowDefinition },
): Promise<void> {
  const first = packEvents([call.first]);
  const { flow } = call;
  const queued = outboxRows(db, [call.first]);
  const tables = [
    ...[db.calls, db.callEvents, db.callLease, db.organisations, db.callChanges, db.callFlows],
    ...(queued.length > 0 ? [db.outbox] : []),
  ];
  await db.transaction('rw', tables, async () => {
    const [lease, other] = await Promise.all([
      db.callLease.get(LEASE),
      db.calls.where('status').equals('active').first(),
      db.calls.put({ ...call.row, callerNameKey: callerNameKey(call.row.callerName) }),
      markCallsChanged(db, [call.row.id]),
      db.callEvents.bulkPut(first.rows),
      db.organisations.bulkPut(first.organisations),
      // The version it runs joins the flow catalogue (src/db/flowCatalogue.ts); a stored one stays.
      addIfMissing(db.callFlows.add({ flowId: flow.id, version: flow.version, flow })),
      // Queued for the server with the event itself (src/db/outbox.ts).
      queued.length > 0 ? db.outbox.bulkPut(queued) : null,
    ]);
    assertEpoch(lease, call.epoch);
    if (other && other.id !== call.row.id) throw new CallBusyError('another call is active');
  });
}

/** Connects the workstation to a server as this person (null: a single workstation, nothing queued). */
export function setUploadOwner(db: AppDB, owner: UploadOwner | null): void {
  db.uploadAs = owner && { personId: owner.personId, organisationId: owner.organisationId };
}

/** The outbox rows for these events when connected to a server; none on a single workstation. */
export function outboxRows(db: AppDB, events: readonly CallRecordEvent[]): OutboxRow[] {
  const owner = db.uploadAs;
  if (!owner) return [];
  return events.map((e) => ({ callId: e.callId, seq: e.seq, at: e.at, ...owner }));
}

/** The outbox row for a call's wrap-up saved at `savedAt`, when connected to a server; null otherwise. */
export function wrapUpOutboxRow(db: AppDB, callId: string, savedAt: number): OutboxRow | null {
  const owner = db.uploadAs;
  return owner ? { callId, seq: WRAP_UP_SEQ, at: savedAt, ...owner } : null;
}

/** Resolves false when the key is taken: caught here, the failed add does not abort the transaction. */
function addIfMissing(add: Promise<unknown>): Promise<boolean> {
  return add.then(
    () => true,
    (error: unknown) => {
      if (error instanceof Error && error.name === 'ConstraintError') return false;
      throw error;
    },
  );
}

/** Thrown inside the append to roll it back when the event is stored already. */
class AlreadyStored extends Error {}

/**
 * Appends one event of an active call, stores its summary row as `row` (the row after this event, kept
 * by the one writer of an active call), and files a callback task the event created (pass it only
 * then), in one transaction. Returns 'duplicate', writing nothing, when that [callId+seq] is stored.
 *
 * The screen waits for this commit, so every request goes out at once, none waiting for another: one
 * round trip, then the commit. The row is put without reading it first because, while the call is
 * active, nobody but the owner holding `epoch` writes it. A stale epoch throws before the transaction
 * ends, which aborts it and rolls back everything already sent, so a fenced tab still never writes.
 * Durability is the browser's default (relaxed in Chromium): the commit is done by the browser process,
 * so it survives a crash or kill of the tab; only an OS crash or power loss right after could lose it.
 */
export async function appendCallEvent(
  db: AppDB,
  entry: { record: CallRecordEvent; row: CallRow; callback: CallbackTask | null; epoch: number },
): Promise<'stored' | 'duplicate'> {
  const { record, row, callback, epoch } = entry;
  // No change marker: the supervisor reads an active call afresh at every reading, so the operator's
  // every event does not write (and leave for compaction) one more row.
  // Connected to a server, the event is queued for it in the same transaction: both or neither.
  const [queued] = outboxRows(db, [record]);
  const tables = [
    db.calls,
    db.callEvents,
    db.callLease,
    ...(callback ? [db.callbacks] : []),
    ...(queued ? [db.outbox] : []),
  ];
  try {
    return await db.transaction('rw', tables, async () => {
      const [lease, added] = await Promise.all([
        db.callLease.get(LEASE),
        addIfMissing(db.callEvents.add(record)),
        db.calls.put({ ...row, callerNameKey: callerNameKey(row.callerName), lastSeq: record.seq }),
        callback ? addIfMissing(db.callbacks.add(newCallbackRow(callback))) : null,
        // Put, not add: a duplicate event rolls the whole transaction back, this row with it.
        queued ? db.outbox.put(queued) : null,
      ]);
      assertEpoch(lease, epoch);
      if (!added) throw new AlreadyStored();
      return 'stored' as const;
    });
  } catch (error) {
    if (error instanceof AlreadyStored) return 'duplicate';
    throw error;
  }
}

export interface StoredCall {
  row: CallRow;
  log: CallEventRow[];
}

/** A call's log entries in seq order, as stored (see readLog for them whole). */
export function eventsOf(db: AppDB, callId: string) {
  return db.callEvents.where('[callId+seq]').between([callId, 0], [callId, Infinity]);
}

/** A call's log as the engine wrote it. Inside a transaction, that must include `organisations`. */
export async function readLog(db: AppDB, callId: string): Promise<CallEventRow[]> {
  return unpackEvents(db, await eventsOf(db, callId).toArray());
}

export async function loadCall(db: AppDB, callId: string): Promise<StoredCall | null> {
  return db.transaction('r', [db.calls, db.callEvents, db.organisations], async () => {
    const row = await db.calls.get(callId);
    return row ? { row, log: await readLog(db, callId) } : null;
  });
}

/** The call left active on this workstation (by a reload, a crash or another tab), with its log. */
export async function findActiveCall(db: AppDB): Promise<StoredCall | null> {
  const row = await db.calls.where('status').equals('active').first();
  return row ? loadCall(db, row.id) : null;
}

/** Calls a listener with the active call's id and its last stored seq whenever either changes. */
export function watchActiveCall(
  db: AppDB,
  listener: (active: { id: string; lastSeq: number } | null) => void,
  onError: (error: unknown) => void = () => {},
): () => void {
  const sub = liveQuery(async () => {
    const row = await db.calls.where('status').equals('active').first();
    return row ? { id: row.id, lastSeq: row.lastSeq } : null;
  }).subscribe({ next: listener, error: onError });
  return () => sub.unsubscribe();
}
