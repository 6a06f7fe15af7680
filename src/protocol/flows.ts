// Published flow versions as the server keeps them per organisation (issue 18): each immutable and
// numbered, with its author, time, change note and the moment it takes effect. The definition is the
// same JSON a flow file holds (flows:check's format); the server checks it with the same checker.
import { z } from 'zod';

export const flowIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
export const flowVersionNumberSchema = z.coerce.number().int().min(1).max(1_000_000);

/** One published version, without its definition (a history row). */
export const flowVersionInfoSchema = z.object({
  flowId: flowIdSchema,
  version: z.number().int(),
  title: z.string(),
  publishedAt: z.iso.datetime(),
  /** When workstations switch to it: the publication time, or a scheduled time after it. */
  effectiveAt: z.iso.datetime(),
  /** Who published it; null for the versions that came with the build (the seed). */
  author: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  note: z.string(),
});
export type FlowVersionInfo = z.infer<typeof flowVersionInfoSchema>;

export const publishedFlowSchema = flowVersionInfoSchema.extend({
  definition: z.record(z.string(), z.unknown()),
});
export type PublishedFlow = z.infer<typeof publishedFlowSchema>;

/** What a workstation takes: the version in force of every flow, and those scheduled after it. */
export const flowCatalogueSchema = z.object({
  current: z.array(publishedFlowSchema),
  scheduled: z.array(publishedFlowSchema),
  serverTime: z.iso.datetime(),
});

export const flowHistorySchema = z.object({ versions: z.array(flowVersionInfoSchema) });

export const FLOW_NOTE_MAX = 500;

export const publishFlowSchema = z.object({
  definition: z.record(z.string(), z.unknown()),
  /** The version the draft was made from; null for a new flow. A newer one published meanwhile is a conflict. */
  baseVersion: z.number().int().min(1).nullable(),
  /** A scheduled go-live; absent means at once. */
  effectiveAt: z.iso.datetime().optional(),
  note: z.string().trim().max(FLOW_NOTE_MAX).default(''),
});

/** A refused publication: the checker's findings, in the words flows:check prints. */
export const flowRefusalSchema = z.object({
  code: z.string(),
  message: z.string(),
  issues: z.array(z.string()).optional(),
  /** For a conflict: the version published since the draft's base, to compare the draft with. */
  latest: publishedFlowSchema.optional(),
});

/** An editor's draft of a flow, as typed (errors and all); only its author reads it (migration 0005). */
export const saveFlowDraftSchema = z.object({
  draft: z.record(z.string(), z.unknown()),
  baseVersion: z.number().int().min(1).nullable(),
});
export const flowDraftSchema = saveFlowDraftSchema.extend({ savedAt: z.iso.datetime() });
export type FlowDraft = z.infer<typeof flowDraftSchema>;
