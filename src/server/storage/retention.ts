// Personal-data retention on the server (issue 19, migration 0006): the organisation sets how many days a
// call's names, phones and free text are kept; after that its stored events are rewritten with the same
// stand-ins the workstation uses (src/analytics/erasure.ts), its wrap-up's summary emptied, its kept
// figures reduced again from the erased log and the wrap-up (they stay, anonymous), and each erasure is
// recorded.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { erasedEvent, guessFieldKind } from '../../analytics/erasure';
import { callFromLog } from '../../analytics/fromLog';
import { findField } from '../../calls/capture';
import { organisationRow } from './accounts';
import { callForReplay, figuresRow } from './callFigures';
import { recountCall } from './callRollups';
import type { CallRecordEvent } from '../../calls/record';
import type { Database } from './schema';

type Db = Kysely<Database>;

const DAY_MS = 86_400_000;
/** Calls erased per organisation in one run: the housekeeping comes back for the rest. */
const BATCH = 200;

export async function retentionDays(db: Db, organisationId: string): Promise<number | null> {
  const row = await organisationRow(db, organisationId).select('retention_days').executeTakeFirst();
  return row?.retention_days ?? null;
}

export async function setRetentionDays(db: Db, organisationId: string, days: number | null): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ retention_days: days })
    .where('id', '=', organisationId)
    .execute();
}

export async function listErasures(db: Db, organisationId: string, limit = 50) {
  const rows = await db
    .selectFrom('personal_data_erasures')
    .select(['call_id', 'events', 'erased_at'])
    .where('organisation_id', '=', organisationId)
    .orderBy('erased_at', 'desc')
    .orderBy('call_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ callId: r.call_id, events: r.events, at: r.erased_at.getTime() }));
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Erases one completed call: its events, then its figures reduced again. Returns the events rewritten. */
async function eraseCall(db: Db, organisationId: string, callId: string, now: Date): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const held = await trx
      .selectFrom('call_figures')
      .select(['person_id', 'flow_id', 'flow_version', 'erased_at'])
      .where('call_id', '=', callId)
      .forUpdate()
      .executeTakeFirst();
    if (!held || held.erased_at !== null) return 0;
    const { flow, log, wrapUp } = await callForReplay(trx, callId);
    const erase = (r: CallRecordEvent) =>
      erasedEvent(r, (fieldId, value) =>
        flow ? (findField(flow, r.after.stepId, fieldId)?.kind ?? 'text') : guessFieldKind(fieldId, value),
      );
    const erased = log.map(erase);
    const changed = erased.filter((r, i) => !same(r, log[i]));
    for (const r of changed)
      // The one place a stored event changes: call_events' type keeps payloads write-once elsewhere.
      await sql`update call_events set payload = ${JSON.stringify(r)}::jsonb
        where call_id = ${callId} and seq = ${r.seq}`.execute(trx);
    // The call's events kept aside after a take-over on another device carry the same personal data.
    const aside = await trx
      .selectFrom('fenced_call_events')
      .select(['id', 'payload'])
      .where('call_id', '=', callId)
      .where('organisation_id', '=', organisationId)
      .execute();
    for (const row of aside) {
      const r = row.payload as CallRecordEvent; // kept from the checked upload, as call_events
      const e = erase(r);
      if (!same(e, r))
        await sql`update fenced_call_events set payload = ${JSON.stringify(e)}::jsonb
          where id = ${row.id}`.execute(trx);
    }
    // The wrap-up's summary is free text too; its topic, rating and times stay in the figures.
    if (wrapUp)
      await sql`update call_wrapups set payload = jsonb_set(payload, '{summary}', '""'::jsonb)
        where call_id = ${callId}`.execute(trx);
    const logged = flow ? callFromLog(erased, flow, wrapUp && { ...wrapUp, summary: '' }) : null;
    const figures = logged ? figuresRow(logged, organisationId, held.person_id) : null;
    // The need may be personal free text: the rollups count the call again under what is kept.
    await recountCall(trx, organisationId, callId, async () => {
      await trx
        .updateTable('call_figures')
        .set({
          ...(figures ? { need: figures.need, facts: figures.facts } : {}),
          caller_name: null,
          caller_name_key: null,
          caller_phone: null,
          erased_at: now,
        })
        .where('call_id', '=', callId)
        .execute();
    });
    await trx
      .insertInto('personal_data_erasures')
      .values({
        id: randomUUID(),
        organisation_id: organisationId,
        call_id: callId,
        events: changed.length,
        erased_at: now,
      })
      .execute();
    return changed.length;
  });
}

/** Erases the calls of every organisation that sets a retention, older than it; returns the calls erased. */
export async function eraseExpired(db: Db, now: Date): Promise<number> {
  const organisations = await db
    .selectFrom('organisations')
    .select(['id', 'retention_days'])
    .where('retention_days', 'is not', null)
    .execute();
  let count = 0;
  for (const org of organisations) {
    if (org.retention_days === null) continue;
    const due = await db
      .selectFrom('call_figures')
      .select('call_id')
      .where('organisation_id', '=', org.id)
      .where('erased_at', 'is', null)
      .where('started_at', '<', new Date(now.getTime() - org.retention_days * DAY_MS))
      .orderBy('started_at')
      .limit(BATCH)
      .execute();
    for (const c of due) {
      await eraseCall(db, org.id, c.call_id, now);
      count++;
    }
  }
  return count;
}
