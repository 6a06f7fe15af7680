// The outbox of calls going up to the server (schema 5): what waits to be sent, in order per call, and
// the acknowledgement that removes it. Rows are queued by the call repository in the transaction that
// stores each event (callsRepository.ts); only the sync client (a lazy chunk) reads them, directly.
import Dexie, { liveQuery } from 'dexie';
import type { CallRecordEvent } from '../calls';
import { unpackEvents } from './callEventCodec';
import type { AppDB } from './db';
import type { OutboxRow, UploadOwner } from './callsTables';

export interface UploadCall {
  callId: string;
  /** Consecutive events of the call, in order, as the engine wrote them. */
  events: CallRecordEvent[];
}

export interface UploadLimits {
  maxEvents: number;
  /** Of the events as JSON; one event is always taken, whatever its size. */
  maxBytes: number;
  /** Calls not to send now (the server refused them): their events stay queued. */
  skip?: ReadonlySet<string>;
}

function ownRows(db: AppDB, owner: UploadOwner) {
  return db.outbox
    .where('personId')
    .equals(owner.personId)
    .filter((r) => r.organisationId === owner.organisationId);
}

/** Rows by call in seq order, the call with the oldest waiting event first. */
function byCall(rows: readonly OutboxRow[]): OutboxRow[][] {
  const calls = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    const group = calls.get(r.callId);
    if (group) group.push(r);
    else calls.set(r.callId, [r]);
  }
  const groups = [...calls.values()].map((g) => g.sort((a, b) => a.seq - b.seq));
  return groups.sort((a, b) => (a[0]?.at ?? 0) - (b[0]?.at ?? 0));
}

/**
 * The next batch to send as this person: per call, the run of consecutive queued events from its first
 * one (a later event waits for the ones before it), oldest calls first, within the limits.
 */
export async function nextUpload(db: AppDB, owner: UploadOwner, limits: UploadLimits): Promise<UploadCall[]> {
  return db.transaction('r', [db.outbox, db.callEvents, db.organisations], async () => {
    const batch: UploadCall[] = [];
    let count = 0;
    let bytes = 0;
    for (const rows of byCall(await ownRows(db, owner).toArray())) {
      if (count >= limits.maxEvents) break;
      const callId = rows[0]?.callId;
      if (callId === undefined || limits.skip?.has(callId)) continue;
      const run = rows.filter((r, i) => r.seq === (rows[0]?.seq ?? 0) + i).slice(0, limits.maxEvents - count);
      const stored = await db.callEvents.bulkGet(run.map((r): [string, number] => [r.callId, r.seq]));
      // An event no longer stored ends the run: nothing after it can go before it.
      const gone = stored.findIndex((e) => e === undefined);
      const found = (gone === -1 ? stored : stored.slice(0, gone)).filter((e) => e !== undefined);
      const events: CallRecordEvent[] = [];
      for (const e of await unpackEvents(db, found)) {
        const size = JSON.stringify(e).length;
        if (count > 0 && bytes + size > limits.maxBytes) break;
        events.push(e);
        count += 1;
        bytes += size;
      }
      if (events.length > 0) batch.push({ callId, events });
      if (events.length < found.length) break;
    }
    return batch;
  });
}

/** The server holds these events now: they leave the outbox (the events themselves stay stored). */
export async function acknowledgeUpload(db: AppDB, calls: readonly UploadCall[]): Promise<void> {
  const keys = calls.flatMap((c) => c.events.map((e): [string, number] => [c.callId, e.seq]));
  await db.transaction('rw', db.outbox, () => db.outbox.bulkDelete(keys));
}

export interface OutboxState {
  /** Calls with at least one event not yet acknowledged. */
  calls: number;
  events: number;
  /** The oldest waiting event's time; null when everything went up. */
  oldestAt: number | null;
}

export async function outboxState(db: AppDB, owner: UploadOwner): Promise<OutboxState> {
  const rows = await ownRows(db, owner).toArray();
  const oldest = rows.reduce<number | null>((min, r) => (min === null || r.at < min ? r.at : min), null);
  return { calls: new Set(rows.map((r) => r.callId)).size, events: rows.length, oldestAt: oldest };
}

/** Calls the listener with the outbox's state whenever it changes (in any tab). */
export function watchOutbox(
  db: AppDB,
  owner: UploadOwner,
  listener: (state: OutboxState) => void,
  onError: (error: unknown) => void,
): () => void {
  const sub = liveQuery(() => outboxState(db, owner)).subscribe({ next: listener, error: onError });
  return () => sub.unsubscribe();
}

/** Calls stored here before the workstation first connected to its organisation's server: offered once. */
export interface EarlierCalls {
  callIds: string[];
  firstAt: number;
  lastAt: number;
}

type EarlierAnswer = 'sent' | 'kept';

// Per organisation, not per person: once one person connected this workstation, every later call went up
// as its maker, and the calls before that moment are offered once, to whoever signs in first.
const sinceKey = (o: UploadOwner) => `uploads.since:${o.organisationId}`;
const answerKey = (o: UploadOwner) => `uploads.earlier:${o.organisationId}`;

/**
 * The finished calls of this organisation stored before anyone first connected this workstation to its
 * server (that moment is recorded on the first ask), none of them queued: null when there are none, or
 * when someone already answered. A call the server already holds may be among them (made while connected
 * by an older build): sending it again adds nothing there.
 */
export async function earlierCalls(db: AppDB, owner: UploadOwner, now: number): Promise<EarlierCalls | null> {
  const tables = [db.settings, db.calls, db.callEvents, db.organisations, db.outbox];
  return db.transaction('rw', tables, async () => {
    if (await db.settings.get(answerKey(owner))) return null;
    const stored = (await db.settings.get(sinceKey(owner)))?.value;
    const since = typeof stored === 'number' ? stored : now;
    if (typeof stored !== 'number') await db.settings.put({ key: sinceKey(owner), value: since });
    // Queued for anyone (another person who signed in here since): theirs, not earlier.
    const queued = new Set((await db.outbox.toArray()).map((r) => r.callId));
    const rows = await db.calls
      .where('startedAt')
      .below(since)
      .filter((r) => r.status !== 'active' && !queued.has(r.id))
      .toArray();
    const ours = await callsOf(
      db,
      owner.organisationId,
      rows.map((r) => r.id),
    );
    const calls = rows.filter((r) => ours.has(r.id)).sort((a, b) => a.startedAt - b.startedAt);
    const first = calls[0];
    const last = calls[calls.length - 1];
    if (!first || !last) return null;
    return { callIds: calls.map((c) => c.id), firstAt: first.startedAt, lastAt: last.startedAt };
  });
}

/**
 * The person's answer to the offer, kept so it is asked once: 'sent' queues every stored event of those
 * calls in the outbox (one transaction), as if each had been written while connected.
 */
export async function answerEarlierCalls(
  db: AppDB,
  owner: UploadOwner,
  answer: EarlierAnswer,
  callIds: readonly string[],
): Promise<void> {
  await db.transaction('rw', [db.settings, db.callEvents, db.outbox], async () => {
    if (answer === 'sent') await queueCalls(db, owner, callIds);
    await db.settings.put({ key: answerKey(owner), value: answer });
  });
}

/** Queues every stored event of these calls to go up as `owner` (inside the caller's transaction). */
async function queueCalls(db: AppDB, owner: UploadOwner, callIds: readonly string[]): Promise<void> {
  const { personId, organisationId } = owner;
  for (const callId of callIds) {
    const events = await db.callEvents
      .where('[callId+seq]')
      .between([callId, Dexie.minKey], [callId, Dexie.maxKey])
      .toArray();
    await db.outbox.bulkPut(events.map((e) => ({ callId, seq: e.seq, at: e.at, personId, organisationId })));
  }
}

/**
 * Calls a supervisor imported from files go up as their own queue (POST /api/v1/calls/imports), apart
 * from any operator's: the outbox rows of `importsOwner(person)`.
 */
export function importsOwner(owner: UploadOwner): UploadOwner {
  return { personId: `imports:${owner.personId}`, organisationId: owner.organisationId };
}

/** The calls of `organisationId` among these stored calls, by their start (a file may mix ministries). */
async function callsOf(db: AppDB, organisationId: string, callIds: readonly string[]): Promise<Set<string>> {
  const firsts = await db.callEvents.bulkGet(callIds.map((id): [string, number] => [id, 0]));
  const starts = await unpackEvents(
    db,
    firsts.filter((e) => e !== undefined),
  );
  return new Set(
    starts
      .filter((e) => e.event.type === 'call.started' && e.event.start.organisation.id === organisationId)
      .map((e) => e.callId),
  );
}

/**
 * Queues the calls just imported from a file for the server, in one transaction: those of the
 * supervisor's organisation only (another ministry's calls stay on this workstation). Returns how many.
 */
export async function queueImportedCalls(
  db: AppDB,
  supervisor: UploadOwner,
  callIds: readonly string[],
): Promise<number> {
  return db.transaction('rw', [db.callEvents, db.organisations, db.outbox], async () => {
    const ours = await callsOf(db, supervisor.organisationId, callIds);
    await queueCalls(
      db,
      importsOwner(supervisor),
      callIds.filter((id) => ours.has(id)),
    );
    return ours.size;
  });
}
