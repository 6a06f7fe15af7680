// /api/v1/supervision: the calls the server holds, for the supervisor's workspace (issue 19). Supervisors
// and administrators read the organisation's calls, an operator only their own; a call of another
// organisation (or, for an operator, another operator's) answers 404 like one that does not exist.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CallFacts } from '../../analytics/callFacts';
import type { CallFilter } from '../../analytics/listing';
import type { callFilterQuerySchema, serverCallSchema } from '../../protocol';
import {
  boardSchema,
  retentionSchema,
  setRetentionSchema,
  coachingSchema,
  callListQuerySchema,
  callPageSchema,
  callRecordSchema,
  dashboardQuerySchema,
  newCommentSchema,
  periodFiguresSchema,
  periodQuerySchema,
} from '../../protocol';
import { sessionOf } from '../auth/guard';
import { ApiError } from '../errors';
import { actorOf, administrators, orNotFound, routeArea, supervisors } from '../routeKit';
import { callLog } from '../storage/callFigures';
import {
  addComment,
  callFiguresOf,
  callInScope,
  chainOf,
  coaching,
  commentsOn,
  lineNow,
  listCalls,
  overallFigures,
  periodFiguresOf,
  startOfDay,
  type PageCursor,
  type PeriodQuery,
  type Scope,
} from '../storage/supervision';
import { stuckOutboxes } from '../storage/outboxReports';
import { keptAsideOf } from '../storage/leases';
import { listErasures, retentionDays, setRetentionDays } from '../storage/retention';
import { groupInOrganisation } from '../storage/operatorGroups';
import { wrapUpNotes } from '../storage/callWrapUps';
import { csvRows, jsonPieces, organisationTimeZone, validTimeZone } from './supervisionCsv';

const readers = ['operator', 'supervisor', 'administrator'] as const;
const callParams = z.object({ callId: z.string().min(1).max(100) });

/** Whose calls the signed-in person reads: the organisation's for a supervisor, else their own. */
export function scopeOf(request: FastifyRequest): Scope {
  const { person, organisation } = sessionOf(request);
  const whole = person.roles.some((r) => r === 'supervisor' || r === 'administrator');
  return whole
    ? { organisationId: organisation.id }
    : { organisationId: organisation.id, personId: person.id };
}

type FilterQuery = z.infer<typeof callFilterQuerySchema>;

/** The query's filters as listing.ts's CallFilter, empty ones left out. */
function filterOf(q: FilterQuery): CallFilter {
  const f: CallFilter = {};
  if (q.operator) f.operator = q.operator;
  if (q.flow) f.flow = q.flow;
  if (q.direction) f.direction = q.direction;
  if (q.outcome) f.outcome = q.outcome;
  if (q.topic) f.topic = q.topic;
  if (q.rule) f.rule = q.rule as CallFilter['rule']; // checked against COMPLIANCE_RULES by the schema
  if (q.search) f.search = q.search;
  if (q.behind) f.behind = q.behind;
  if (q.group) f.group = q.group;
  return f;
}

/** Facts go out whole: the schema names a few fields and lets the rest through (an interface has no index). */
const wire = (f: CallFacts) => f as unknown as z.infer<typeof serverCallSchema>['facts'];

/** An export streamed as it is written, for the browser to save under `file`. */
function sendFile(reply: FastifyReply, pieces: AsyncIterable<string>, type: string, file: string) {
  return reply
    .header('content-type', `${type}; charset=utf-8`)
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(pieces));
}

const cursorText = (c: PageCursor | null) => (c ? `${c.startedAt}:${c.callId}` : null);
function cursorOf(text: string | undefined): PageCursor | undefined {
  if (!text) return undefined;
  const at = text.indexOf(':');
  return { startedAt: Number(text.slice(0, at)), callId: text.slice(at + 1) };
}

export const supervisionRoutes = routeArea('supervision', [400, 401, 403, 404], (app, deps, declare) => {
  const { db, config } = deps;
  /**
   * The reader's scope and the query's filters; a group of another organisation (or none) is not found,
   * like another organisation's call, rather than quietly matching nothing.
   */
  const readingOf = async (request: FastifyRequest, q: FilterQuery) => {
    const scope = scopeOf(request);
    if (q.group && !(await groupInOrganisation(db, scope.organisationId, q.group)))
      throw new ApiError(404, 'group_not_found');
    return { scope, filter: filterOf(q) };
  };

  /** The reader's calls over the query's period, filtered: what the exports, figures and coaching read. */
  const periodOf = async (
    request: FastifyRequest,
    q: z.infer<typeof periodQuerySchema>,
  ): Promise<PeriodQuery> => {
    const { scope, filter } = await readingOf(request, q);
    return { ...scope, from: q.from, to: q.to, now: config.now().getTime(), filter };
  };

  /** An export of the reader's calls over a period, streamed as it is written for the browser to save. */
  const exportRoute = (
    file: string,
    type: string,
    summary: string,
    pieces: (period: PeriodQuery) => AsyncIterable<string> | Promise<AsyncIterable<string>>,
  ) =>
    app.get(
      `/${file}`,
      {
        config: { access: readers },
        schema: { summary, tags: ['supervision'], querystring: periodQuerySchema },
      },
      async (request, reply) =>
        sendFile(reply, await pieces(await periodOf(request, request.query)), type, file),
    );

  app.get(
    '/calls',
    declare(
      readers,
      'Completed calls, newest first, filtered as the workspace filters them, a page at a time',
      {
        querystring: callListQuerySchema,
        response: { 200: callPageSchema },
      },
    ),
    async (request) => {
      const q = request.query;
      const now = config.now().getTime();
      const after = cursorOf(q.after);
      const { scope, filter } = await readingOf(request, q);
      const page = await listCalls(
        db,
        {
          ...scope,
          ...(q.from === undefined ? {} : { from: q.from }),
          ...(q.to === undefined ? {} : { to: q.to }),
          now,
          filter,
        },
        { limit: q.limit, ...(after ? { after } : {}) },
      );
      const notes = await wrapUpNotes(
        db,
        page.calls.map((c) => c.facts.callId),
      );
      return {
        calls: page.calls.map(({ facts, callerName, callerPhone, chainId }) => ({
          facts: wire(facts),
          callerName,
          callerPhone,
          chainId,
          wrapUp: notes.get(facts.callId) ?? null,
        })),
        next: cursorText(page.next),
        serverTime: now,
      };
    },
  );

  exportRoute(
    'calls.csv',
    'text/csv',
    'The filtered calls as CSV for Russian Excel, streamed',
    async (period) =>
      csvRows(db, { ...period, timeZone: await organisationTimeZone(db, period.organisationId) }),
  );

  exportRoute(
    'calls.json',
    'application/json',
    'The filtered calls as one JSON array (codes, ISO times, seconds) for Power Query, pandas or jq, streamed',
    (period) => jsonPieces(db, period),
  );

  app.get(
    '/calls/:callId',
    declare(readers, "One call's record: its events as stored, its figures once it ended, and the comments", {
      params: callParams,
      response: { 200: callRecordSchema },
    }),
    async (request) => {
      const { callId } = request.params;
      const scope = scopeOf(request);
      orNotFound(await callInScope(db, scope, callId), 'call_not_found');
      const [events, call, comments, chain, keptAside] = await Promise.all([
        callLog(db, callId),
        callFiguresOf(db, callId),
        commentsOn(db, callId),
        chainOf(db, scope, callId),
        keptAsideOf(db, scope.organisationId, callId),
      ]);
      return {
        callId,
        call: call && { ...call, facts: wire(call.facts) },
        // Stored from the checked upload (callEventSchema): entries go out as they came in.
        events: events as unknown as z.infer<typeof callRecordSchema>['events'],
        comments,
        chain: chain && {
          chainId: chain.chainId,
          calls: chain.calls.map((p) => ({ ...p, call: p.call && { ...p.call, facts: wire(p.call.facts) } })),
        },
        keptAside: keptAside.map(({ events: n, restored, firstAt, lastAt }) => ({
          events: n,
          restored,
          firstAt,
          lastAt,
        })),
      };
    },
  );

  app.post(
    '/calls/:callId/comments',
    declare(supervisors, "A supervisor's comment on a call: its operator reads it in their history", {
      params: callParams,
      body: newCommentSchema,
      response: { 201: z.object({ id: z.string() }) },
    }),
    async (request, reply) => {
      const { callId } = request.params;
      const { organisationId, personId } = actorOf(request);
      orNotFound(await callInScope(db, { organisationId }, callId), 'call_not_found');
      const id = randomUUID();
      await addComment(db, {
        id,
        callId,
        organisationId,
        authorId: personId,
        body: request.body.body,
        at: config.now(),
      });
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/dashboard',
    declare(readers, "The period's figures, the previous period's, and the series by hour and by day", {
      querystring: dashboardQuerySchema,
      response: { 200: periodFiguresSchema },
    }),
    async (request) => {
      const q = request.query;
      const period = await periodOf(request, q);
      const timeZone =
        q.timeZone && validTimeZone(q.timeZone)
          ? q.timeZone
          : await organisationTimeZone(db, period.organisationId);
      // A group is a filter like the others: its figures are summed over its calls, not the rollups.
      const figures = await periodFiguresOf(db, period, timeZone);
      // PeriodFigures goes out whole: the schema names its frame and lets the figures through.
      return figures as unknown as z.infer<typeof periodFiguresSchema>;
    },
  );
  app.get(
    '/coaching',
    declare(
      readers,
      'Per operator over a period: the rules most often broken, with the calls that broke them',
      {
        querystring: periodQuerySchema,
        response: { 200: coachingSchema },
      },
    ),
    async (request) => ({ operators: await coaching(db, await periodOf(request, request.query)) }),
  );

  /** The organisation's retention as the supervisor's panel shows it: the days kept, the latest erasures. */
  const retentionOf = async (organisationId: string) => {
    const [days, erasures] = await Promise.all([
      retentionDays(db, organisationId),
      listErasures(db, organisationId),
    ]);
    return { days, erasures };
  };

  app.get(
    '/retention',
    declare(supervisors, "The organisation's personal-data retention and the latest erasures", {
      response: { 200: retentionSchema },
    }),
    async (request) => retentionOf(actorOf(request).organisationId),
  );

  app.put(
    '/retention',
    declare(administrators, "Sets how many days calls' personal data is kept (null keeps it)", {
      body: setRetentionSchema,
      response: { 200: retentionSchema },
    }),
    async (request) => {
      const { organisationId } = actorOf(request);
      await setRetentionDays(db, organisationId, request.body.days);
      return retentionOf(organisationId);
    },
  );

  app.get(
    '/board',
    declare(supervisors, 'The line now: who is signed in, the calls going on and their holds, today so far', {
      response: { 200: boardSchema },
    }),
    async (request) => {
      const { organisationId } = actorOf(request);
      const now = config.now().getTime();
      const timeZone = await organisationTimeZone(db, organisationId);
      const todayFrom = await startOfDay(db, now, timeZone);
      const [line, today, stuck] = await Promise.all([
        lineNow(db, organisationId, now),
        overallFigures(db, { organisationId, from: todayFrom, to: now + 1, now, filter: {} }),
        stuckOutboxes(db, organisationId, now),
      ]);
      return {
        serverTime: now,
        ...line,
        // Figures go out whole: the schema names a field and lets the rest through.
        today: today as unknown as z.infer<typeof boardSchema>['today'],
        todayFrom,
        callbacks: null,
        stuckOutboxes: stuck,
      };
    },
  );
});
