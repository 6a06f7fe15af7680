// One place turns a callback promise into the task the queue works through: a promise made during the
// call (the machine) and one made after the call broke off (notes.ts) must file the same task.

import { normaliseCallbackPhone } from './capture';
import type { CallbackTask, CallContext, NoticeCode } from './context';
import type { CallEvent } from './events';
import { checkCallback, type CallbackRequest } from './rules';

export type CallbackEvent = Extract<CallEvent, { type: 'operator.callback' }>;

// Events may come from a stored log or a script: anything but text counts as not given.
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** What was asked for, with the call's own phone and question filling what the event left out. */
export function callbackRequest(ctx: CallContext, event: CallbackEvent): CallbackRequest {
  return {
    phone: text(event.phone) ?? ctx.fields.callerPhone ?? ctx.callerPhone,
    deadline: event.deadline,
    question: (text(event.question) ?? ctx.fields.need ?? '').trim(),
    outsideHours: event.outsideHours === true,
    at: event.at,
  };
}

/** Why the promise cannot be made (a refusal code), or null when it can. */
export function checkCallbackEvent(ctx: CallContext, event: CallbackEvent): NoticeCode | null {
  return checkCallback(ctx.organisation, callbackRequest(ctx, event), normaliseCallbackPhone);
}

/** The task filed for an accepted promise; its id is the call's, so filing it twice is a no-op. */
export function callbackTask(ctx: CallContext, event: CallbackEvent): CallbackTask {
  const req = callbackRequest(ctx, event);
  const name = text(event.callerName)?.trim();
  return {
    id: `${ctx.callId}:callback`,
    callId: ctx.callId,
    flowId: ctx.flowId,
    organisationId: ctx.organisation.id,
    phone: normaliseCallbackPhone(req.phone ?? '') ?? '',
    deadline: req.deadline,
    question: req.question,
    callerName: name || (ctx.fields.callerName ?? null),
    appealNumber: ctx.fields.appealNumber ?? null,
    createdAt: event.at,
    outsideHours: req.outsideHours,
  };
}
