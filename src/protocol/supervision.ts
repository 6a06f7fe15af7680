// The supervisor over the whole centre (issue 19): the calls the server holds, filtered as the workspace
// filters them (src/analytics/listing.ts), a page at a time; one call's record; the period's figures;
// the live board of the line; comments on calls. Figures are src/analytics' own shapes (CallFacts,
// Figures), passed through whole: both sides reduce them with the same functions.
import { z } from 'zod';
import { CALL_RESULTS } from '../analytics/result';
import { COMPLIANCE_RULES } from '../analytics/standardRules';
import { HEADLINES } from '../analytics/trends';

const ms = z.coerce.number().int().min(0).max(8_640_000_000_000);

/** The list's filters (CallFilter) as query parameters; empty ones are left out. */
export const callFilterQuerySchema = z.object({
  operator: z.string().max(200).optional(),
  flow: z.string().max(200).optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  outcome: z.enum(CALL_RESULTS).optional(),
  topic: z.string().max(200).optional(),
  rule: z.enum(COMPLIANCE_RULES as [string, ...string[]]).optional(),
  search: z.string().max(200).optional(),
  behind: z.enum(HEADLINES).optional(),
  /** A group of operators of the organisation (groups.ts): the calls its present members made. */
  group: z.uuid().optional(),
});

export const periodQuerySchema = callFilterQuerySchema.extend({ from: ms, to: ms });

export const SUPERVISION_PAGE_MAX = 500;

export const callListQuerySchema = callFilterQuerySchema.extend({
  from: ms.optional(),
  to: ms.optional(),
  limit: z.coerce.number().int().min(1).max(SUPERVISION_PAGE_MAX).default(100),
  /** The `next` of the page before: "startedAt:callId". */
  after: z
    .string()
    .max(200)
    .regex(/^\d+:.+$/)
    .optional(),
});

/** A call's figures (CallFacts) as src/analytics reduced them: passed through whole. */
const factsSchema = z.looseObject({
  callId: z.string(),
  operatorName: z.string(),
  startedAt: z.number(),
});

/** What of the operator's wrap-up is not in the figures (its topic, rating and times are). */
export const wrapUpNoteSchema = z.object({ summary: z.string(), surveyOffered: z.boolean() });

export const serverCallSchema = z.object({
  facts: factsSchema,
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  /** Null until the call's wrap-up reached the server (absent from a server before issue 19's wrap-ups). */
  wrapUp: wrapUpNoteSchema.nullable().optional(),
});

export const callPageSchema = z.object({
  /** `chainId`: the client call it is part of when it was handed between desks (the record has them all). */
  calls: z.array(serverCallSchema.extend({ chainId: z.string().nullable().default(null) })),
  /** Pass as `after` for the next page; null on the last. */
  next: z.string().nullable(),
  serverTime: z.number(),
});

export const callCommentSchema = z.object({
  id: z.string(),
  author: z.string(),
  body: z.string(),
  at: z.number(),
});

export const newCommentSchema = z.object({ body: z.string().trim().min(1).max(2000) });

export const callRecordSchema = z.object({
  callId: z.string(),
  /** Null while the call goes on (its end not yet stored). */
  call: serverCallSchema.nullable(),
  /** The record's entries as the workstation stored them (src/calls/record.ts). */
  events: z.array(z.looseObject({ seq: z.number(), at: z.number() })),
  comments: z.array(callCommentSchema),
  /**
   * The client call across desks when it was handed over (issue 17), in order: each desk's call, who
   * took it, when, the transfers before it and its figures once it ended. An operator gets their own
   * desks' parts only. Null: the call was never handed over.
   */
  chain: z
    .object({
      chainId: z.string(),
      calls: z.array(
        z.object({
          callId: z.string(),
          operatorName: z.string(),
          startedAt: z.number(),
          transfersBefore: z.number(),
          call: serverCallSchema.nullable(),
        }),
      ),
    })
    .nullable()
    .default(null),
  /**
   * Events of this call its device sent after another device of the operator had taken the calls over:
   * kept aside rather than added (per lost lease), and how many were put back into the call when that
   * device took the calls back and the call went on.
   */
  keptAside: z
    .array(z.object({ events: z.number(), restored: z.number(), firstAt: z.number(), lastAt: z.number() }))
    .default([]),
});

/** Figures (src/analytics/dashboard.ts) passed through whole. */
const figuresSchema = z.looseObject({ calls: z.number() });
const seriesSchema = z.array(z.object({ at: z.number(), figures: z.looseObject({ calls: z.number() }) }));

export const dashboardQuerySchema = periodQuerySchema.extend({
  /** The reader's time zone (IANA), for the series by hour and by day. */
  timeZone: z
    .string()
    .max(64)
    .regex(/^[A-Za-z_+\-/0-9]+$/)
    .optional(),
});

/** PeriodFigures (src/analytics/trends.ts), the server's. */
export const periodFiguresSchema = z.object({
  dashboard: z.looseObject({ overall: figuresSchema, operators: z.array(z.unknown()) }),
  previous: figuresSchema,
  byHour: seriesSchema,
  byDay: seriesSchema,
  operatorDays: z.array(z.object({ operatorName: z.string(), calls: z.array(z.number()) })),
});

/** The live board of the line (GET /api/v1/supervision/board), refetched on each `board` event. */
export const boardSchema = z.object({
  serverTime: z.number(),
  /** Operators signed in now. */
  signedIn: z.array(z.object({ personId: z.string(), name: z.string() })),
  /** Calls going on: holds soonest over their promise first, then the longest calls. */
  calls: z.array(
    z.object({
      callId: z.string(),
      personId: z.string(),
      operatorName: z.string(),
      startedAt: z.number(),
      stage: z.string().nullable(),
      stageSince: z.number(),
      hold: z
        .object({
          promisedMinutes: z.number(),
          startedAt: z.number(),
          deadline: z.number(),
          extension: z.boolean(),
        })
        .nullable(),
      transferring: z.boolean(),
      lastAt: z.number(),
    }),
  ),
  /** Today's figures so far (Figures of src/analytics), in the organisation's time zone. */
  today: z.looseObject({ calls: z.number() }),
  todayFrom: z.number(),
  /** Callbacks are not kept on this server yet (another issue adds them): null. */
  callbacks: z.null(),
  /**
   * Workstations whose outbox has not moved for five minutes while the server answered, longest stuck
   * first (issue 20): who, how many calls wait, since when (their device's clock).
   */
  stuckOutboxes: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      calls: z.number(),
      stuckSince: z.number(),
      oldestAt: z.number().nullable(),
    }),
  ),
});

/** Per operator over a period: the rules most often broken, with the calls to open (newest first). */
export const coachingSchema = z.object({
  operators: z.array(
    z.object({
      operatorName: z.string(),
      /** The operator's calls in the period under the filter: what a rule's share is taken of. */
      calls: z.number(),
      rules: z.array(
        z.object({
          rule: z.enum(COMPLIANCE_RULES as [string, ...string[]]),
          calls: z.number(),
          callIds: z.array(z.string()),
          /** When each of those calls began (ms), in the same order. */
          callsAt: z.array(z.number()),
        }),
      ),
    }),
  ),
});

export const RETENTION_MAX_DAYS = 3650;

/** The organisation's personal-data retention: days kept (null: kept), and the latest erasures. */
export const retentionSchema = z.object({
  days: z.number().int().nullable(),
  erasures: z.array(z.object({ callId: z.string(), events: z.number(), at: z.number() })),
});

export const setRetentionSchema = z.object({
  days: z.number().int().min(1).max(RETENTION_MAX_DAYS).nullable(),
});
