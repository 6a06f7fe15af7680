// A call's summary and figures rebuilt from its log alone, as the server holds it: the log replayed through
// the flow version it ran gives what the workstation's summary row says when the call ends (the engine's
// outcome, the caller's name and phone), so both sides reduce the same figures with analyzeCall.

import type { CallRecordEvent } from '../calls/record';
import { replayCall } from '../calls/replay';
import type { FlowDefinition } from '../flows/types';
import { analyzeCall, summaryOfLog, type CallFacts, type CallSummary } from './callFacts';

export interface LoggedCall {
  summary: CallSummary;
  callerName: string | null;
  callerPhone: string | null;
  facts: CallFacts;
}

/**
 * The call as its log tells it, or null when the log does not start a call or ran another flow version.
 * The wrap-up (topic, articles, rating, after-call time) stays on the workstation: it is not in the log.
 */
export function callFromLog(log: readonly CallRecordEvent[], flow: FlowDefinition): LoggedCall | null {
  const first = log[0];
  if (!first || first.event.type !== 'call.started') return null;
  const replayed = replayCall(flow, log);
  if (!replayed.ok) return null;
  const ctx = replayed.snapshot.context;
  const start = first.event.start;
  const summary = summaryOfLog(first, start, start.direction ?? flow.direction, {
    endedAt: ctx.end?.at ?? null,
    outcome: ctx.outcome?.kind ?? null,
  });
  return {
    summary,
    callerName: ctx.fields.callerName ?? null,
    callerPhone: ctx.fields.callerPhone ?? ctx.callerPhone ?? null,
    facts: analyzeCall(summary, log, flow, null),
  };
}
