// A call's summary and figures rebuilt from its log alone, as the server holds it: the log replayed through
// the flow version it ran gives what the workstation's summary row says when the call ends (the engine's
// outcome, the caller's name and phone), so both sides reduce the same figures with analyzeCall.

import { operatorFullName } from '../calls/organisation';
import type { CallRecordEvent } from '../calls/record';
import { replayCall } from '../calls/replay';
import type { FlowDefinition } from '../flows/types';
import { analyzeCall, type CallFacts, type CallSummary } from './callFacts';

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
  const summary: CallSummary = {
    id: first.callId,
    flowId: first.flowId,
    flowVersion: first.flowVersion,
    direction: start.direction ?? flow.direction,
    startedAt: first.at,
    endedAt: ctx.end?.at ?? null,
    finishedAt: null,
    outcome: ctx.outcome?.kind ?? null,
    topic: null,
    articlesUsed: [],
    satisfaction: null,
    afterCallMs: null,
    operatorName: operatorFullName(start.operator),
    transfersBefore: start.transfersBefore,
  };
  return {
    summary,
    callerName: ctx.fields.callerName ?? null,
    callerPhone: ctx.fields.callerPhone ?? ctx.callerPhone ?? null,
    facts: analyzeCall(summary, log, flow, null),
  };
}
