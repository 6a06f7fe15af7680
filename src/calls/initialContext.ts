// The context a call starts with: derived only from the flow and the start record, so a replay of
// the same start through the same flow version begins from exactly the same state.

import { timeOfDayGreeting } from '../flows/greeting';
import type { FlowDefinition } from '../flows/types';
import { normaliseCallbackPhone } from './capture';
import type { CallContext, CallStart } from './context';
import { TRANSFER_CAP } from './rules';

export function initialContext(flow: FlowDefinition, start: CallStart): CallContext {
  const transfersBefore = Number.isInteger(start.transfersBefore)
    ? Math.min(Math.max(start.transfersBefore, 0), TRANSFER_CAP)
    : 0;
  return {
    callId: start.callId,
    flowId: flow.id,
    flowVersion: flow.version,
    direction: flow.direction,
    directionMismatch: start.direction !== undefined && start.direction !== flow.direction,
    client: flow.client,
    organisation: start.organisation,
    operator: start.operator,
    startedAt: start.startedAt,
    lastAt: start.startedAt,
    greeting: timeOfDayGreeting(start.startedAt, start.organisation.timeZone, start.greetingBoundaries),
    stepId: flow.start,
    visited: [],
    callerPhone: start.callerPhone === undefined ? null : normaliseCallbackPhone(start.callerPhone),
    fields: {},
    fieldErrors: {},
    transfersBefore,
    transfers: [],
    holds: [],
    outcome: null,
    outcomeDraft: {},
    callback: null,
    notice: null,
    end: null,
    offerCallback: null,
  };
}
