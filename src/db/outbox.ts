// The outbox of calls going up to the server (schema 5): what waits to be sent, in order per call, and
// the acknowledgement that removes it. Rows are queued by the call repository in the transaction that
// stores each event (callsRepository.ts); only the sync client (a lazy chunk) reads them, directly.
import Dexie, { liveQuery } from 'dexie';
import type { CallWrapUp } from '../analytics/fromLog';
import type { CallRecordEvent } from '../calls';
import { OUTCOMES } from '../flows/types';
import { unpackEvents } from './callEventCodec';
import type { AppDB } from './db';
import { WRAP_UP_SEQ, type CallRow, type OutboxRow, type UploadOwner } from './callsTables';

export interface UploadCall {
  callId: string;
  /** Consecutive events of the call, in order, as the engine wrote them (none: the wrap-up alone). */
  events: CallRecordEvent[];
  /** The call's wrap-up, sent once every event queued before it goes in the same batch or went up. */
  wrapUp?: CallWrapUp;
}

/**
 * The server's limits on a wrap-up (src/protocol/calls.ts callWrapUpSchema): what is sent fits them, or
 * the whole batch would be refused; the workstation keeps its own whole text.
 */
const LIMITS = { summary: 10_000, articles: 100, text: 200 };

const time = (ms: number) => Math.max(0, Math.round(ms));

/** The wrap-up as the call's row holds it now; null for a row without one (never finished). */
function wrapUpOfRow(row: CallRow | undefined): CallWrapUp | null {
  if (!row || row.finishedAt === null) return null;
  const score = row.satisfaction;
  return {
    savedAt: time(row.finishedAt),
    outcome: OUTCOMES.find((o) => o === row.outcome) ?? null,
    summary: row.summary.slice(0, LIMITS.summary),
    topic: row.topic ? row.topic.slice(0, LIMITS.text) : null,
    articlesUsed: row.articlesUsed
      .filter((id) => id !== '')
      .slice(0, LIMITS.articles)
      .map((id) => id.slice(0, LIMITS.text)),
    satisfaction: score !== null && Number.isInteger(score) && score >= 1 && score <= 5 ? score : null,
    surveyOffered: row.surveyOffered,
    afterCallMs: row.afterCallMs === null ? null : time(row.afterCallMs),
  };
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

/** Rows by call in seq order (a wrap-up's first), the call with the oldest waiting row first. */
function byCall(rows: readonly OutboxRow[]): OutboxRow[][] {
  const calls = new Map<string, OutboxRow[]>();
  for (const r of rows) {
    const group = calls.get(r.callId);
    if (group) group.push(r);
    else calls.set(r.callId, [r]);
  }
  const groups = [...calls.values()].map((g) => g.sort((a, b) => a.seq - b.seq));
  // The wrap-up's row (seq -1) sorts first but was saved last: a call's place is its oldest row's.
  const oldest = (g: readonly OutboxRow[]) => g.reduce((min, r) => Math.min(min, r.at), Infinity);
  return groups.sort((a, b) => oldest(a) - oldest(b));
}

/**
 * The next batch to send as this person: per call, the run of consecutive queued events from its first
 * one (a later event waits for the ones before it), oldest calls first, within the limits.
 */
export async function nextUpload(db: AppDB, owner: UploadOwner, limits: UploadLimits): Promise<UploadCall[]> {
  return db.transaction('r', [db.outbox, db.callEvents, db.organisations, db.calls], async () => {
    const batch: UploadCall[] = [];
    let count = 0;
    let bytes = 0;
    for (const queued of byCall(await ownRows(db, owner).toArray())) {
      if (count >= limits.maxEvents) break;
      const callId = queued[0]?.callId;
      if (callId === undefined || limits.skip?.has(callId)) continue;
      const wrapped = queued.some((r) => r.seq === WRAP_UP_SEQ);
      const rows = queued.filter((r) => r.seq !== WRAP_UP_SEQ);
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
      // The wrap-up follows the call's last queued event: it goes with it, or alone once that went up.
      const wrapUp =
        wrapped && events.length === rows.length ? wrapUpOfRow(await db.calls.get(callId)) : null;
      const wrapSize = wrapUp ? JSON.stringify(wrapUp).length : 0;
      const withWrapUp = wrapUp !== null && (count === 0 || bytes + wrapSize <= limits.maxBytes);
      if (withWrapUp) {
        count += events.length === 0 ? 1 : 0;
        bytes += wrapSize;
      }
      if (events.length > 0 || withWrapUp) batch.push({ callId, events, ...(withWrapUp ? { wrapUp } : {}) });
      if (events.length < found.length || (wrapUp !== null && !withWrapUp)) break;
    }
    return batch;
  });
}

/**
 * The server holds these events and wrap-ups now: they leave the outbox (the events themselves stay
 * stored). A wrap-up saved again while the earlier one was on its way stays queued.
 */
export async function acknowledgeUpload(db: AppDB, calls: readonly UploadCall[]): Promise<void> {
  const keys = calls.flatMap((c) => c.events.map((e): [string, number] => [c.callId, e.seq]));
  const wrapUps = calls.flatMap((c) => (c.wrapUp ? [{ callId: c.callId, savedAt: c.wrapUp.savedAt }] : []));
  await db.transaction('rw', db.outbox, async () => {
    await db.outbox.bulkDelete(keys);
    for (const w of wrapUps) {
      const queued = await db.outbox.get([w.callId, WRAP_UP_SEQ]);
      if (queued?.at === w.savedAt) await db.outbox.delete([w.callId, WRAP_UP_SEQ]);
    }
  });
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
 * calls and their wrap-ups in the outbox (one transaction), as if each had been written while connected.
 */
export async function answerEarlierCalls(
  db: AppDB,
  owner: UploadOwner,
  answer: EarlierAnswer,
  callIds: readonly string[],
): Promise<void> {
  await db.transaction('rw', [db.settings, db.callEvents, db.calls, db.outbox], async () => {
    if (answer === 'sent') await queueCalls(db, owner, callIds);
    await db.settings.put({ key: answerKey(owner), value: answer });
  });
}

/**
 * Queues every stored event of these calls, and the wrap-up of each finished one after them, to go up as
 * `owner` (inside the caller's transaction, which holds the calls, their events and the outbox).
 */
async function queueCalls(db: AppDB, owner: UploadOwner, callIds: readonly string[]): Promise<void> {
  const { personId, organisationId } = owner;
  for (const callId of callIds) {
    const events = await db.callEvents
      .where('[callId+seq]')
      .between([callId, Dexie.minKey], [callId, Dexie.maxKey])
      .toArray();
    await db.outbox.bulkPut(events.map((e) => ({ callId, seq: e.seq, at: e.at, personId, organisationId })));
    const savedAt = (await db.calls.get(callId))?.finishedAt ?? null;
    if (savedAt !== null)
      await db.outbox.put({ callId, seq: WRAP_UP_SEQ, at: savedAt, personId, organisationId });
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
  return db.transaction('rw', [db.callEvents, db.organisations, db.calls, db.outbox], async () => {
    const ours = await callsOf(db, supervisor.organisationId, callIds);
    await queueCalls(
      db,
      importsOwner(supervisor),
      callIds.filter((id) => ours.has(id)),
    );
    return ours.size;
  });
}
