// A call's summary and figures rebuilt from its log alone, as the server holds it: the log replayed through
// the flow version it ran gives what the workstation's summary row says when the call ends (the engine's
// outcome, the caller's name and phone), so both sides reduce the same figures with analyzeCall.

import type { CallRecordEvent } from '../calls/record';
import { replayCall, type ReplayResult } from '../calls/replay';
import type { FlowDefinition } from '../flows/types';
import type { Outcome } from '../flows/types';
import { analyzeCall, summaryOfLog, type CallFacts, type CallSummary } from './callFacts';

/**
 * What the operator filled in after the call, as the workstation saved it with the call's summary row and
 * uploads it beside the log (the log itself ends with the conversation): the figures the log alone lacks.
 */
export interface CallWrapUp {
  /** When it was saved (the workstation's clock): the call's `finishedAt`. */
  savedAt: number;
  /** The outcome the operator chose when the engine recorded none. */
  outcome: Outcome | null;
  summary: string;
  topic: string | null;
  articlesUsed: string[];
  satisfaction: number | null;
  surveyOffered: boolean;
  afterCallMs: number | null;
}

/** The summary row as the workstation wrote it when the wrap-up was saved (finishing.ts finishLiveCall). */
export function withWrapUp(summary: CallSummary, wrapUp: CallWrapUp | null): CallSummary {
  if (!wrapUp) return summary;
  return {
    ...summary,
    // The workstation keeps the operator's choice first; the form offers none when the engine has one.
    outcome: wrapUp.outcome ?? summary.outcome,
    finishedAt: wrapUp.savedAt,
    topic: wrapUp.topic,
    articlesUsed: wrapUp.articlesUsed,
    satisfaction: wrapUp.satisfaction,
    afterCallMs: wrapUp.afterCallMs,
  };
}

export interface LoggedCall {
  summary: CallSummary;
  callerName: string | null;
  callerPhone: string | null;
  facts: CallFacts;
}

/**
 * The call as its log and its wrap-up tell it, or null when the log does not start a call or ran another
 * flow version. The wrap-up (topic, articles, rating, after-call time) is not in the log: without it
 * (not saved yet, or not uploaded) those figures stay empty. `replayed`: the log's replay through `flow`, when
 * the caller made it already.
 */
export function callFromLog(
  log: readonly CallRecordEvent[],
  flow: FlowDefinition,
  wrapUp: CallWrapUp | null = null,
  replayed: ReplayResult = replayCall(flow, log),
): LoggedCall | null {
  const first = log[0];
  if (!first || first.event.type !== 'call.started') return null;
  if (!replayed.ok) return null;
  const ctx = replayed.snapshot.context;
  const start = first.event.start;
  const logged = summaryOfLog(first, start, start.direction ?? flow.direction, {
    endedAt: ctx.end?.at ?? null,
    outcome: ctx.outcome?.kind ?? null,
  });
  const summary = withWrapUp(logged, wrapUp);
  return {
    summary,
    callerName: ctx.fields.callerName ?? null,
    callerPhone: ctx.fields.callerPhone ?? ctx.callerPhone ?? null,
    facts: analyzeCall(summary, log, flow, null),
  };
}
