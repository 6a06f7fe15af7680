// The supervisor's reads of the centre's calls (issue 19), as a lazy chunk: the list a page at a time,
// a call's record, the period's figures, the CSV's address, comments. Every answer is checked against the
// route's own schema (src/protocol/supervision.ts) before the workspace sees it; a refusal or no answer
// becomes one Russian sentence to show beside the last data known.
import type { z } from 'zod';
import type { CallFacts, CallFilter, PeriodFigures } from '../../analytics';
import type { CallEventRow, CallRow } from '../../db';
import {
  callEventSchema,
  callPageSchema,
  callRecordSchema,
  coachingSchema,
  operatorGroupsSchema,
  periodFiguresSchema,
  type callCommentSchema,
  type serverCallSchema,
} from '../../protocol';
import { CALLS_CAP, queryOf } from './query';
import { api, ApiRefusal } from '../account/session';

export type ServerCall = z.infer<typeof serverCallSchema>;
export type CallComment = z.infer<typeof callCommentSchema>;
export type CentreRecord = z.infer<typeof callRecordSchema>;
export type Coaching = z.infer<typeof coachingSchema>;
export type CentreGroup = z.infer<typeof operatorGroupsSchema>['groups'][number];

const PAGE = 500;

/** Why a request failed: the server's own refusal (its Russian message), a garbled answer, or no answer. */
export type Failure = { kind: 'refused'; message: string } | { kind: 'badAnswer' } | { kind: 'offline' };

export function failureOf(error: unknown): Failure {
  if (error instanceof ApiRefusal && error.message) return { kind: 'refused', message: error.message };
  if (error instanceof BadAnswer) return { kind: 'badAnswer' };
  return { kind: 'offline' };
}

class BadAnswer extends Error {}

/** The server answered and refused (a 4xx or 5xx with its code), as opposed to no answer at all. */
export function isRefusal(error: unknown): boolean {
  return error instanceof ApiRefusal && error.code !== 'unreachable';
}

function checked<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BadAnswer('answer does not fit the protocol');
  return parsed.data;
}

/**
 * A server's call as the workspace's list holds calls: the summary row the figures were reduced from,
 * rebuilt from those figures and the wrap-up's summary. The server lists ended calls only; what it does
 * not send (the log's length) stays empty, and the record fetches the log itself.
 */
export function centreCallRow(call: ServerCall): { row: CallRow; facts: CallFacts } {
  // The server reduced these with src/analytics (analyzeCall), and the schema passes them through whole.
  const facts = call.facts as unknown as CallFacts;
  const row: CallRow = {
    id: facts.callId,
    flowId: facts.flowId,
    flowVersion: facts.flowVersion,
    direction: facts.direction,
    startedAt: facts.startedAt,
    endedAt: facts.endedAt,
    finishedAt: facts.endedAt === null ? null : facts.endedAt + (facts.afterCallMs ?? 0),
    outcome: facts.outcome,
    topic: facts.topic,
    articlesUsed: facts.articlesUsed,
    satisfaction: facts.satisfaction,
    afterCallMs: facts.afterCallMs,
    operatorName: facts.operatorName,
    transfersBefore: facts.transfersBefore,
    status: 'ended',
    callerName: call.callerName,
    callerNameKey: call.callerName?.trim().toLowerCase() ?? null,
    callerPhone: call.callerPhone,
    summary: call.wrapUp?.summary ?? '',
    surveyOffered: call.wrapUp?.surveyOffered ?? false,
    callbackId: null,
    endReason: null,
    lastSeq: 0,
  };
  return { row, facts };
}

/** The period's calls under the filter, newest first, up to CALLS_CAP; `capped` when more remain. */
export async function fetchCalls(q: {
  from: number;
  to: number;
  filter: CallFilter;
}): Promise<{ calls: ServerCall[]; capped: boolean }> {
  const calls: ServerCall[] = [];
  let after: string | null = null;
  do {
    const query: string = `${queryOf(q)}&limit=${PAGE}${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const page: z.infer<typeof callPageSchema> = checked(
      callPageSchema,
      await api('GET', `/supervision/calls?${query}`),
    );
    calls.push(...page.calls);
    after = page.next;
  } while (after !== null && calls.length < CALLS_CAP);
  return { calls: calls.slice(0, CALLS_CAP), capped: after !== null };
}

/** The period's figures as src/analytics shapes them, summed by the server over all its calls. */
export async function fetchDashboard(q: {
  from: number;
  to: number;
  filter: CallFilter;
  timeZone: string;
}): Promise<PeriodFigures> {
  const answer = checked(periodFiguresSchema, await api('GET', `/supervision/dashboard?${queryOf(q)}`));
  // The schema names the frame and lets the figures through: src/analytics made them on the server.
  return answer as unknown as PeriodFigures;
}

const callPath = (callId: string) => `/supervision/calls/${encodeURIComponent(callId)}`;

/** A call's record as the server holds it: its events, its figures once ended, the comments on it. */
export async function fetchRecord(callId: string): Promise<CentreRecord> {
  return checked(callRecordSchema, await api('GET', callPath(callId)));
}

export async function addComment(callId: string, body: string): Promise<void> {
  await api('POST', `${callPath(callId)}/comments`, { body });
}

/**
 * The record's events as the workspace's timeline and replay read them. Each was checked by the upload's
 * schema when stored; one that no longer fits it is left out rather than breaking the record.
 */
export function recordLog(record: CentreRecord): CallEventRow[] {
  return record.events.flatMap((e) => {
    const parsed = callEventSchema.safeParse(e);
    // The engine's event is kept whole by the server; the schema checks its envelope.
    return parsed.success ? [parsed.data as unknown as CallEventRow] : [];
  });
}

/** Per operator over the period under the filter: their calls, and the rules they missed most. */
export async function fetchCoaching(q: { from: number; to: number; filter: CallFilter }): Promise<Coaching> {
  return checked(coachingSchema, await api('GET', `/supervision/coaching?${queryOf(q)}`));
}

/** A call the list does not hold (opened from the coaching page), as the list would hold it; null: not ended. */
export async function fetchCall(callId: string): Promise<{ row: CallRow; facts: CallFacts } | null> {
  const record = await fetchRecord(callId);
  return record.call ? centreCallRow(record.call) : null;
}

/** The organisation's groups of operators, to filter by. */
export async function fetchGroups(): Promise<CentreGroup[]> {
  return checked(operatorGroupsSchema, await api('GET', '/groups')).groups;
}
