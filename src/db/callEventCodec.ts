// How call events are kept from schema version 2: the organisation a call started with (its whole
// transfer directory and hours, about 4 KB) is stored once in `organisations`, and each call's first event
// names it by a content reference. Everything outside src/db sees the events whole, as the engine wrote
// them; a log written by schema version 1 (the organisation inline) reads the same.
import type { CallRecordEvent } from '../calls';
import type { Organisation } from '../calls/organisation';
import type { AppDB } from './db';
import type { CallEventRow, OrganisationRow } from './callsTables';

/**
 * Two 32-bit FNV-1a hashes of the UTF-16 code units from different offset bases, as 16 hex digits: the
 * same content always gets the same reference; different content colliding is a 1-in-2^64 chance.
 */
function contentHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}

export function organisationRef(organisation: Organisation): string {
  return `${organisation.id}#${contentHash(JSON.stringify(organisation))}`;
}

type PackedStart = Omit<
  Extract<CallRecordEvent['event'], { type: 'call.started' }>['start'],
  'organisation'
> & {
  organisationRef: string;
};

function packedRef(row: CallEventRow): string | null {
  if (row.event.type !== 'call.started') return null;
  const ref = (row.event.start as Partial<PackedStart>).organisationRef;
  return typeof ref === 'string' ? ref : null;
}

export interface PackedEvents {
  rows: CallEventRow[];
  organisations: OrganisationRow[];
}

/** The rows to store for these events, and the organisations their starts name (put them too). */
export function packEvents(events: readonly CallRecordEvent[]): PackedEvents {
  const organisations = new Map<string, OrganisationRow>();
  const rows = events.map((r): CallEventRow => {
    if (r.event.type !== 'call.started' || !r.event.start.organisation) return r;
    const { organisation, ...start } = r.event.start;
    const ref = organisationRef(organisation);
    organisations.set(ref, { ref, organisation });
    const packed: PackedStart = { ...start, organisationRef: ref };
    return { ...r, event: { ...r.event, start: packed } } as unknown as CallEventRow;
  });
  return { rows, organisations: [...organisations.values()] };
}

/** Stored content never changes under its reference, so what was read once is kept for the page's life. */
const known = new Map<string, Organisation>();
/** Reads under way, shared: a supervisor reading 10,000 logs at once asks for each organisation once. */
const reading = new Map<string, Promise<void>>();

function readOrganisation(db: AppDB, ref: string): Promise<void> {
  let read = reading.get(ref);
  if (!read) {
    read = db.organisations
      .get(ref)
      .then((o) => {
        if (o) known.set(ref, o.organisation);
      })
      .finally(() => reading.delete(ref));
    reading.set(ref, read);
  }
  return read;
}

/**
 * The events as the engine wrote them. Runs inside the caller's transaction when that includes
 * `organisations`; a start whose organisation is missing (a damaged store) is returned as stored, which
 * replay reports as an unreadable call rather than a crash.
 */
export async function unpackEvents(db: AppDB, rows: CallEventRow[]): Promise<CallRecordEvent[]> {
  const refs = new Set(rows.map(packedRef).filter((r): r is string => r !== null && !known.has(r)));
  await Promise.all([...refs].map((ref) => readOrganisation(db, ref)));
  return rows.map((row) => {
    const ref = packedRef(row);
    const organisation = ref === null ? undefined : known.get(ref);
    if (row.event.type !== 'call.started' || !organisation) return row;
    const { organisationRef: _, ...start } = row.event.start as unknown as PackedStart;
    return { ...row, event: { ...row.event, start: { ...start, organisation } } };
  });
}
