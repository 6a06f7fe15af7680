// Calls imported from workstation files (issue 19): a centre that ran without a server, or a workstation
// that was never connected, hands its export to a supervisor, whose workstation sends the calls here. Each
// call is stored exactly as an upload of its operator would store it (storeCallEvents: every event once,
// the same refusals; its wrap-up as the operator's save), filed under the organisation's operator the
// call's start names.
import type { Kysely } from 'kysely';
import type { CallImport, IMPORT_REFUSALS } from '../../protocol';
import { fullNameOf, listPeople } from './accounts';
import { storeCallEvents, type StoreResult } from './callEvents';
import { storeWrapUps } from './callWrapUps';
import type { Database } from './schema';

type ImportRefusal = (typeof IMPORT_REFUSALS)[number];
type ImportedCall = CallImport['calls'][number];

export type ImportResult =
  | { callId: string; status: 'stored'; added: number }
  | { callId: string; status: 'refused'; code: ImportRefusal };

/** The operator the start event names (`call.started`'s `start.operator`), as a full name. */
function operatorNamed(call: ImportedCall): string | null {
  const first = call.events[0];
  if (!first || first.seq !== 0) return null;
  const start: unknown = first.event['start'];
  if (typeof start !== 'object' || start === null || !('operator' in start)) return null;
  const op: unknown = start.operator;
  if (typeof op !== 'object' || op === null) return null;
  const part = (key: string): string => {
    const v: unknown = (op as Record<string, unknown>)[key];
    return typeof v === 'string' ? v.trim() : '';
  };
  return fullNameOf({
    surname: part('surname'),
    first_name: part('firstName'),
    patronymic: part('patronymic'),
  });
}

/**
 * Files each call under its operator and stores it as their upload would be stored. A call the server
 * holds already keeps its operator (a file sent twice, or a call its own workstation uploaded, adds
 * nothing); a new call whose operator is not one person of the organisation with the operator role
 * (none, or two of that name) is refused, and nothing of it is stored. The callbacks and transfers the
 * calls made are not filed again: their workstations dealt with them when there was no centre.
 */
export async function importCalls(
  db: Kysely<Database>,
  organisationId: string,
  calls: readonly ImportedCall[],
  now: Date,
): Promise<ImportResult[]> {
  const held = await db
    .selectFrom('calls')
    .select(['id', 'person_id', 'organisation_id'])
    .where(
      'id',
      'in',
      calls.map((c) => c.callId),
    )
    .execute();
  const owner = new Map(held.map((h) => [h.id, h]));
  const people = (await listPeople(db, organisationId)).filter((p) => p.roles.includes('operator'));
  const byName = new Map<string, string | null>();
  for (const p of people) {
    const name = fullNameOf({ surname: p.surname, first_name: p.firstName, patronymic: p.patronymic });
    byName.set(name, byName.has(name) ? null : p.id);
  }

  const results = new Map<string, ImportResult>();
  const groups = new Map<string, ImportedCall[]>();
  for (const call of calls) {
    const h = owner.get(call.callId);
    // Another organisation's call id answers as the upload does: not this operator's, nothing revealed.
    const personId = h
      ? h.organisation_id === organisationId
        ? h.person_id
        : null
      : (byName.get(operatorNamed(call) ?? '') ?? null);
    if (!personId) {
      results.set(call.callId, {
        callId: call.callId,
        status: 'refused',
        code: h ? 'call_not_yours' : 'operator_unknown',
      });
      continue;
    }
    groups.set(personId, [...(groups.get(personId) ?? []), call]);
  }
  for (const [personId, group] of groups) {
    const who = { organisationId, personId };
    const eventful = group.filter((c) => c.events.length > 0).map(({ wrapUp: _, ...c }) => c);
    const stored =
      eventful.length > 0
        ? await storeCallEvents(db, who, eventful, now, undefined, { fileCallbacks: false })
        : [];
    for (const r of stored) results.set(r.callId, plain(r));
    // The wrap-up the file holds goes in as its operator's own save would (after the events beside it).
    const wrapUps = group.flatMap((c) =>
      c.wrapUp && (c.events.length === 0 || results.get(c.callId)?.status === 'stored')
        ? [{ callId: c.callId, wrapUp: c.wrapUp }]
        : [],
    );
    for (const r of (await storeWrapUps(db, who, wrapUps, now)).values())
      if (r.status === 'refused') results.set(r.callId, r);
      else if (!results.has(r.callId))
        results.set(r.callId, { callId: r.callId, status: 'stored', added: 0 });
  }
  return calls.map(
    (c) => results.get(c.callId) ?? { callId: c.callId, status: 'refused', code: 'sequence_gap' },
  );
}

const plain = (r: StoreResult): ImportResult =>
  r.status === 'stored' ? { callId: r.callId, status: 'stored', added: r.added } : r;
