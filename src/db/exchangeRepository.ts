// Moves call records between workstations until a server exists: a versioned, checksummed file of every
// finished call, and an import that validates the whole file first and then stores it in one transaction.
import { z } from 'zod';
import { CALL_EVENT_TYPES } from '../calls/events';
import { OUTCOMES } from '../flows/types';
import { packEvents, unpackEvents } from './callEventCodec';
import { markCallsChanged } from './callsRepository';
import type { AppDB } from './db';
import type { CallbackRow, CallEventRow, CallRow } from './callsTables';
import { flowTables, flowVersionsFor, type FlowLookup } from './flowCatalogue';
import { factsRow } from './supervisorRepository';

export const EXCHANGE_FORMAT = 'sufler.calls';
export const EXCHANGE_VERSION = 1;

export interface ExchangePayload {
  calls: CallRow[];
  events: CallEventRow[];
  callbacks: CallbackRow[];
}

export interface ExchangeFile {
  format: typeof EXCHANGE_FORMAT;
  version: number;
  exportedAt: number;
  /** Who exported it, for the supervisor's eyes only. */
  operatorName: string;
  /** "sha256:<hex>" of JSON.stringify(payload). */
  checksum: string;
  payload: ExchangePayload;
}

export type ImportProblem = 'notJson' | 'foreign' | 'newerVersion' | 'checksum' | 'invalid';

export type ImportResult =
  /** `callIds`: every call the file holds, stored here now or already (for the server, which may not have them). */
  | { ok: true; calls: { added: number; updated: number; unchanged: number }; callIds: string[] }
  | { ok: false; problem: ImportProblem; detail?: string };

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return 'sha256:' + [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Calls in one file at most: about 40 MB (a finished call takes ~8 KB in a file), well inside what an
 * import accepts (EXCHANGE_FILE_MAX_BYTES, 64 MB), so a workstation's export always imports.
 */
export const CALLS_PER_FILE = 5000;

async function exchangeFile(payload: ExchangePayload, now: number, operatorName: string): Promise<string> {
  const file: ExchangeFile = {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    exportedAt: now,
    operatorName,
    checksum: await sha256(JSON.stringify(payload)),
    payload,
  };
  return JSON.stringify(file);
}

/**
 * Every finished call of this workstation with its log and callbacks, oldest first, as one file per
 * `perFile` calls; each file stands alone (its calls' whole logs and callbacks) and imports in any order.
 * A call still going on stays out.
 */
export async function exportWorkstation(
  db: AppDB,
  now: number,
  operatorName: string,
  perFile = CALLS_PER_FILE,
): Promise<string[]> {
  const tables = [db.calls, db.callEvents, db.callbacks, db.organisations];
  const parts = await db.transaction('r', tables, async () => {
    const calls = await db.calls.where('status').equals('ended').sortBy('startedAt');
    const count = Math.max(1, Math.ceil(calls.length / perFile));
    const files = Array.from({ length: count }, (_, n): ExchangePayload => ({
      calls: calls.slice(n * perFile, (n + 1) * perFile),
      events: [],
      callbacks: [],
    }));
    // Each call's events and callbacks go to the file of the call; a call still going on is in none.
    const fileOf = new Map(files.flatMap((f) => f.calls.map((c) => [c.id, f] as const)));
    // The file carries each event whole, as the engine wrote it, whatever schema stored it.
    const events = await unpackEvents(
      db,
      (await db.callEvents.toArray()).filter((e) => fileOf.has(e.callId)),
    );
    for (const e of events) fileOf.get(e.callId)?.events.push(e);
    for (const c of await db.callbacks.toArray()) fileOf.get(c.callId)?.callbacks.push(c);
    return files;
  });
  return Promise.all(parts.map((part) => exchangeFile(part, now, operatorName)));
}

const ms = z.number().finite();
const text = z.string();
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

const callSchema = z.looseObject({
  id: text.min(1),
  flowId: text.min(1),
  flowVersion: z.int(),
  direction: z.enum(['inbound', 'outbound']),
  startedAt: ms,
  endedAt: nullable(ms),
  finishedAt: nullable(ms),
  status: z.literal('ended'),
  outcome: nullable(z.enum(OUTCOMES)),
  callerName: nullable(text),
  callerNameKey: nullable(text),
  callerPhone: nullable(text),
  topic: nullable(text),
  summary: text,
  articlesUsed: z.array(text),
  satisfaction: nullable(z.number()),
  surveyOffered: z.boolean(),
  afterCallMs: nullable(ms),
  operatorName: text,
  transfersBefore: z.int().min(0),
  callbackId: nullable(text),
  endReason: nullable(z.enum(['farewell', 'transferred', 'brokenOff', 'restoreFailed'])),
  lastSeq: z.int().min(0),
});

const eventSchema = z.looseObject({
  seq: z.int().min(0),
  at: ms,
  callId: text.min(1),
  flowId: text.min(1),
  flowVersion: z.int(),
  event: z.looseObject({ type: z.enum(['call.started', ...CALL_EVENT_TYPES]), at: ms }),
  after: z.looseObject({ state: text, stepId: text }),
});

const callbackSchema = z.looseObject({
  id: text.min(1),
  callId: text.min(1),
  flowId: text,
  organisationId: text,
  phone: text,
  deadline: ms,
  question: text,
  callerName: nullable(text),
  appealNumber: nullable(text),
  createdAt: ms,
  outsideHours: z.boolean(),
  status: z.enum(['open', 'done']),
  attempts: z.array(z.looseObject({ at: ms, result: z.enum(['noAnswer', 'busy', 'wrongNumber']) })),
  dueAt: ms,
  doneAt: nullable(ms),
  doneByCallId: nullable(text),
});

const fileSchema = z.looseObject({
  format: z.literal(EXCHANGE_FORMAT),
  version: z.int().min(1),
  exportedAt: ms,
  checksum: text,
  payload: z.looseObject({
    calls: z.array(z.unknown()),
    events: z.array(z.unknown()),
    callbacks: z.array(z.unknown()),
  }),
});

type Checked =
  { ok: true; payload: ExchangePayload } | { ok: false; problem: ImportProblem; detail?: string };

/** Everything about the file is checked before anything is stored. */
export async function checkExchangeFile(raw: string): Promise<Checked> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const head = fileSchema.safeParse(json);
  if (!head.success) return { ok: false, problem: 'foreign' };
  if (head.data.version > EXCHANGE_VERSION) return { ok: false, problem: 'newerVersion' };
  if ((await sha256(JSON.stringify(head.data.payload))) !== head.data.checksum)
    return { ok: false, problem: 'checksum' };
  const calls = z.array(callSchema).safeParse(head.data.payload.calls);
  const events = z.array(eventSchema).safeParse(head.data.payload.events);
  const callbacks = z.array(callbackSchema).safeParse(head.data.payload.callbacks);
  const failed = [calls, events, callbacks].find((r) => !r.success);
  if (failed?.error) return { ok: false, problem: 'invalid', detail: failed.error.issues[0]?.path.join('.') };
  if (!calls.success || !events.success || !callbacks.success) return { ok: false, problem: 'invalid' };
  // The rows were checked field by field above; the loose schemas keep fields a later version adds.
  const payload = {
    calls: calls.data as CallRow[],
    events: events.data as CallEventRow[],
    callbacks: callbacks.data as CallbackRow[],
  };
  const consistency = checkConsistency(payload);
  return consistency ? { ok: false, problem: 'invalid', detail: consistency } : { ok: true, payload };
}

/** Each call's log starts with its start and runs without gaps up to the summary's last seq. */
function checkConsistency(p: ExchangePayload): string | null {
  const seqs = new Map<string, number[]>();
  for (const e of p.events) seqs.set(e.callId, [...(seqs.get(e.callId) ?? []), e.seq]);
  for (const c of p.calls) {
    const list = (seqs.get(c.id) ?? []).sort((a, b) => a - b);
    if (list.length !== c.lastSeq + 1 || list.some((s, i) => s !== i)) return `calls.${c.id}`;
  }
  const ids = new Set(p.calls.map((c) => c.id));
  const stray = p.events.find((e) => !ids.has(e.callId)) ?? p.callbacks.find((c) => !ids.has(c.callId));
  return stray ? `callId.${stray.callId}` : null;
}

/** A stored row is replaced only by one further along: the same file twice changes nothing. */
function isNewer(incoming: CallRow, stored: CallRow | undefined): boolean {
  if (!stored) return true;
  if (incoming.lastSeq !== stored.lastSeq) return incoming.lastSeq > stored.lastSeq;
  return stored.status === 'active' && incoming.status === 'ended';
}

/**
 * Stores a checked file in one transaction. With `bundled` (the flows of this build), each new or changed
 * call's figures are reduced here, on the flow the catalogue holds for it (src/db/flowCatalogue.ts), from
 * the log in hand, so the supervisor's first dashboard after an import reads no log.
 */
export async function importWorkstation(db: AppDB, raw: string, bundled?: FlowLookup): Promise<ImportResult> {
  const checked = await checkExchangeFile(raw);
  if (!checked.ok) return checked;
  const { calls, events, callbacks } = checked.payload;
  const tables = [
    ...[db.calls, db.callEvents, db.callbacks, db.organisations, db.callFacts, db.callChanges],
    ...flowTables(db),
  ];
  return db.transaction('rw', tables, async () => {
    const stored = await db.calls.bulkGet(calls.map((c) => c.id));
    const counts = { added: 0, updated: 0, unchanged: 0 };
    const changed = new Set<string>();
    const rows = calls.filter((c, i) => {
      const before = stored[i];
      const newer = isNewer(c, before);
      counts[!before ? 'added' : newer ? 'updated' : 'unchanged']++;
      if (newer) changed.add(c.id);
      return newer;
    });
    await db.calls.bulkPut(rows);
    await markCallsChanged(db, [...changed]);
    // Events are keyed [callId+seq] and never change once written: only missing ones are added.
    const incoming = events.filter((e) => changed.has(e.callId));
    const packed = packEvents(incoming);
    await db.callEvents.bulkPut(packed.rows);
    await db.organisations.bulkPut(packed.organisations);
    if (bundled) {
      const flowOf = await flowVersionsFor(db, rows, bundled);
      const logs = new Map<string, CallEventRow[]>();
      for (const e of incoming) {
        const log = logs.get(e.callId);
        if (log) log.push(e);
        else logs.set(e.callId, [e]);
      }
      const ordered = (id: string) => (logs.get(id) ?? []).sort((a, b) => a.seq - b.seq);
      await db.callFacts.bulkPut(
        rows.map((r) => factsRow(r, ordered(r.id), flowOf(r.flowId, r.flowVersion))),
      );
    }
    const storedCallbacks = await db.callbacks.bulkGet(callbacks.map((c) => c.id));
    const newer = callbacks.filter((c, i) => {
      const before = storedCallbacks[i];
      return !before || (before.status === 'open' && c.status === 'done');
    });
    await db.callbacks.bulkPut(newer);
    // The calls that promised them show the callbacks as now known.
    await markCallsChanged(db, [...new Set(newer.map((c) => c.callId))]);
    return { ok: true as const, calls: counts, callIds: calls.map((c) => c.id) };
  });
}
