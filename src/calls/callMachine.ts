// The call machine's vocabulary (guards, actions, actors) for one flow: compile.ts adds the states.
// Guards call the pure rules in src/calls/rules.ts; effects are placeholders supplied with .provide().

import { assertEvent, assign, fromCallback, setup } from 'xstate';
import type { CallContext, HoldRecord, Notice, NoticeCode } from './context';
import type { CallEvent, OutcomeDetails } from './events';
import { callbackTask, checkCallbackEvent } from './callbackTask';
import { captureValue } from './capture';
import type { CallStart } from './context';
import {
  checkHoldMinutes,
  checkOutcome,
  checkTransfer,
  currentHold,
  farewellStepFor,
  hasExtendedHold,
  maxTransfers,
  missingRequiredFields,
  transferTargetName,
  transfersUsed,
} from './rules';
import type { FlowDefinition, Outcome } from '../flows/types';

/** What the hold timer needs to fire at absolute times: it survives a reload because the times do. */
export interface HoldTimerInput {
  holdId: number;
  warningAt: number;
  deadline: number;
}

export type CallTag =
  'talking' | 'onHold' | 'holdWarning' | 'holdExpired' | 'transferring' | 'farewell' | 'ended';

function notice(code: NoticeCode, at: number, params: Notice['params'] = {}): Notice {
  const alternatives: Notice['alternatives'] =
    code === 'transferLimitReached' ? ['answerNow', 'callback'] : [];
  return { code, at, params, alternatives };
}

/** Only well-formed details are kept: events may come from a stored log or a script. */
function detailsOf(event: OutcomeDetails): OutcomeDetails {
  const d: OutcomeDetails = {};
  if (typeof event.date === 'number' && Number.isFinite(event.date)) d.date = event.date;
  if (typeof event.reason === 'string') d.reason = event.reason.trim();
  if (typeof event.wayForward === 'string') d.wayForward = event.wayForward.trim();
  if (typeof event.body === 'string') d.body = event.body.trim();
  return d;
}

/** Details given with the event win over those noted earlier. */
function withDraft(ctx: CallContext, event: OutcomeDetails): OutcomeDetails {
  return { ...ctx.outcomeDraft, ...detailsOf(event) };
}

function closeHold(holds: HoldRecord[], at: number, by: NonNullable<HoldRecord['endedBy']>): HoldRecord[] {
  return holds.map((h) => (h.endedAt === null ? { ...h, endedAt: at, endedBy: by } : h));
}

function openHold(
  ctx: CallContext,
  flow: FlowDefinition,
  minutes: number,
  at: number,
  extension: boolean,
): HoldRecord {
  const deadline = at + minutes * 60_000;
  return {
    holdId: ctx.holds.length,
    promisedMinutes: minutes,
    startedAt: at,
    warningAt: Math.max(at, deadline - flow.limits.holdWarningSeconds * 1000),
    deadline,
    extension,
    warnedAt: null,
    expiredAt: null,
    endedAt: null,
    endedBy: null,
  };
}

/**
 * The farewell step when an option leads to `stepId`: with an outcome known, a farewell written for that
 * outcome wins over a catch-all one, so the line always matches how the call ended.
 */
function farewellStep(flow: FlowDefinition, outcome: Outcome | undefined, stepId: string): string {
  if (outcome === undefined) return stepId;
  const step = flow.steps.find((s) => s.id === stepId);
  if (step?.outcomes.includes(outcome)) return step.id;
  const specific = flow.steps.find((s) => s.stage === 'farewell' && s.outcomes.includes(outcome));
  return specific?.id ?? (step && step.outcomes.length === 0 ? step.id : farewellStepFor(flow, outcome));
}

export function callSetup(flow: FlowDefinition) {
  const stepById = new Map(flow.steps.map((s) => [s.id, s]));

  return setup({
    types: {
      context: {} as CallContext,
      events: {} as CallEvent,
      input: {} as CallStart,
      tags: {} as CallTag,
    },
    actors: {
      // Replaced at the edge by a timer bound to a scheduler (src/calls/holdTimer.ts); the default
      // never fires, so a bare machine is pure and the graph walker can drive it with clock.* events.
      holdTimer: fromCallback<CallEvent, HoldTimerInput>(() => undefined),
    },
    guards: {
      isPastGreeting: ({ context }) => stepById.get(context.stepId)?.stage !== 'greeting',
      isOption: ({ event }, params: { optionId: string }) =>
        event.type === 'operator.choose' && event.optionId === params.optionId,
      hasRequiredFields: ({ context }) =>
        missingRequiredFields(stepById.get(context.stepId), context.fields).length === 0,
      isChoiceOutcomeComplete: ({ context, event }, params: { outcome: Outcome | null }) => {
        assertEvent(event, 'operator.choose');
        if (params.outcome === null) return true;
        // A callback outcome is settled by the promise itself (operator.callback), made first.
        if (params.outcome === 'callback') return context.callback !== null;
        return checkOutcome(params.outcome, withDraft(context, event.details ?? {})) === null;
      },
      isCallbackStep: ({ context }) =>
        stepById.get(context.stepId)?.options.some((o) => o.outcome === 'callback') ?? false,
      isHoldInRange: ({ event }) => {
        assertEvent(event, ['operator.hold', 'operator.extendHold']);
        return checkHoldMinutes(flow, event.minutes) === null;
      },
      canExtendHold: ({ context }) => !hasExtendedHold(context),
      isCurrentHold: ({ context, event }) => {
        assertEvent(event, ['clock.holdWarning', 'clock.holdExpired']);
        return currentHold(context)?.holdId === event.holdId;
      },
      canTransfer: ({ context, event }) => {
        assertEvent(event, 'operator.transfer');
        return checkTransfer(flow, context, event.target, event.summary) === null;
      },
      isAtTransferCap: ({ context }) => transfersUsed(context) >= maxTransfers(flow),
      canPromiseCallback: ({ context, event }) => {
        assertEvent(event, 'operator.callback');
        return checkCallbackEvent(context, event) === null;
      },
      isOutcomeComplete: ({ context, event }) => {
        assertEvent(event, 'operator.end');
        return checkOutcome(event.outcome, withDraft(context, event)) === null;
      },
      hasOutcome: ({ context }) => context.outcome !== null,
    },
    actions: {
      // Every accepted event moves the call's clock and clears the last refusal.
      stamp: assign(({ event }) => ({ lastAt: event.at, notice: null })),
      enterStep: assign(({ context }, params: { stepId: string }) => ({
        stepId: params.stepId,
        visited:
          context.visited.at(-1) === params.stepId ? context.visited : [...context.visited, params.stepId],
      })),
      captureField: assign(({ context, event }) => {
        assertEvent(event, 'operator.capture');
        const result = captureValue(flow, context.stepId, event.fieldId, event.value);
        const fields = { ...context.fields };
        const fieldErrors = { ...context.fieldErrors };
        if (result.ok) {
          if (result.value === '') delete fields[event.fieldId];
          else fields[event.fieldId] = result.value;
          delete fieldErrors[event.fieldId];
          return { fields, fieldErrors };
        }
        fieldErrors[event.fieldId] = result.code;
        return {
          fieldErrors,
          notice: notice('fieldInvalid', event.at, { fieldId: event.fieldId, code: result.code }),
        };
      }),
      applyChoice: assign(
        ({ context, event }, params: { outcome: Outcome | null; farewell: string | null }) => {
          // A callback promised at a step written for it follows the step's callback option too.
          assertEvent(event, ['operator.choose', 'operator.callback']);
          const details = event.type === 'operator.choose' ? (event.details ?? {}) : {};
          const outcome =
            params.outcome === null
              ? context.outcome
              : { kind: params.outcome, at: event.at, ...withDraft(context, details) };
          if (params.farewell === null) return { outcome };
          const step = stepById.get(params.farewell);
          // A farewell said for one outcome only settles it, when that outcome needs no details.
          const only = step?.outcomes.length === 1 ? step.outcomes[0] : undefined;
          const settled =
            outcome ??
            (only !== undefined && checkOutcome(only, {}) === null ? { kind: only, at: event.at } : null);
          return {
            outcome: settled,
            stepId: farewellStep(flow, settled?.kind, params.farewell),
            visited: [...context.visited, params.farewell],
          };
        },
      ),
      noteOutcomeDetails: assign(({ context, event }) => {
        assertEvent(event, 'operator.outcomeDetails');
        return { outcomeDraft: { ...context.outcomeDraft, ...detailsOf(event) } };
      }),
      refuseChoice: assign(({ context, event }, params: { outcome: Outcome | null }) => {
        assertEvent(event, 'operator.choose');
        const missing = missingRequiredFields(stepById.get(context.stepId), context.fields);
        if (missing.length > 0)
          return { notice: notice('requiredFieldsMissing', event.at, { fields: missing }) };
        const code =
          params.outcome === null
            ? null
            : checkOutcome(params.outcome, withDraft(context, event.details ?? {}));
        return { notice: notice(code ?? 'outcomeMissing', event.at, { optionId: event.optionId }) };
      }),
      startHold: assign(({ context, event }) => {
        assertEvent(event, 'operator.hold');
        return { holds: [...context.holds, openHold(context, flow, event.minutes, event.at, false)] };
      }),
      extendHold: assign(({ context, event }) => {
        assertEvent(event, 'operator.extendHold');
        const closed = closeHold(context.holds, event.at, 'extended');
        return {
          holds: [...closed, openHold({ ...context, holds: closed }, flow, event.minutes, event.at, true)],
        };
      }),
      refuseHold: assign(({ context, event }) => {
        assertEvent(event, ['operator.hold', 'operator.extendHold']);
        const code =
          event.type === 'operator.extendHold' && hasExtendedHold(context)
            ? 'holdAlreadyExtended'
            : 'holdOutOfRange';
        return {
          notice: notice(code, event.at, {
            min: flow.limits.holdMinMinutes,
            max: flow.limits.holdMaxMinutes,
          }),
        };
      }),
      markHoldWarned: assign(({ context, event }) => ({
        holds: context.holds.map((h) => (h.endedAt === null ? { ...h, warnedAt: event.at } : h)),
      })),
      markHoldExpired: assign(({ context, event }) => ({
        holds: context.holds.map((h) => (h.endedAt === null ? { ...h, expiredAt: event.at } : h)),
      })),
      endHold: assign(({ context, event }, params: { by: NonNullable<HoldRecord['endedBy']> }) => ({
        holds: closeHold(context.holds, event.at, params.by),
      })),
      startTransfer: assign(({ context, event }) => {
        assertEvent(event, 'operator.transfer');
        const targetName = transferTargetName(context.organisation, event.target) ?? event.target.id;
        return {
          transfers: [
            ...context.transfers,
            {
              at: event.at,
              target: event.target,
              targetName,
              summary: event.summary.trim(),
              status: 'connecting' as const,
            },
          ],
        };
      }),
      settleTransfer: assign(({ context }, params: { status: 'connected' | 'failed' }) => ({
        transfers: context.transfers.map((t) =>
          t.status === 'connecting' ? { ...t, status: params.status } : t,
        ),
      })),
      refuseTransfer: assign(({ context, event }) => {
        assertEvent(event, 'operator.transfer');
        const code = checkTransfer(flow, context, event.target, event.summary) ?? 'transferLimitReached';
        return { notice: notice(code, event.at, { targetId: event.target.id }) };
      }),
      refuseTransferAttempt: assign(({ event }) => ({ notice: notice('transferLimitReached', event.at) })),
      promiseCallback: assign(({ context, event }) => {
        assertEvent(event, 'operator.callback');
        return {
          callback: callbackTask(context, event),
          outcome: { kind: 'callback' as const, at: event.at },
          holds: closeHold(context.holds, event.at, 'callback'),
        };
      }),
      refuseCallback: assign(({ context, event }) => {
        assertEvent(event, 'operator.callback');
        const code = checkCallbackEvent(context, event) ?? 'callbackPhoneInvalid';
        return { notice: notice(code, event.at) };
      }),
      setOutcome: assign(({ context, event }) => {
        assertEvent(event, 'operator.end');
        return { outcome: { kind: event.outcome, at: event.at, ...withDraft(context, event) } };
      }),
      refuseOutcome: assign(({ context, event }) => {
        assertEvent(event, 'operator.end');
        return {
          notice: notice(
            checkOutcome(event.outcome, withDraft(context, event)) ?? 'outcomeMissing',
            event.at,
          ),
        };
      }),
      /** The farewell said for the outcome reached: the flow's own for it, else the engine's. */
      pickFarewell: assign(({ context }) => ({
        stepId: context.outcome ? farewellStepFor(flow, context.outcome.kind) : context.stepId,
      })),
      refuseFinish: assign(({ event }) => ({ notice: notice('outcomeMissing', event.at) })),
      endCall: assign(({ context, event }, params: { reason: 'farewell' | 'transferred' }) => ({
        end: {
          reason: params.reason,
          at: event.at,
          by: event.type === 'caller.hungUp' ? ('caller' as const) : ('operator' as const),
          stepId: context.stepId,
          stage: stepById.get(context.stepId)?.stage ?? null,
        },
      })),
      breakOff: assign(({ context, event }) => {
        assertEvent(event, ['caller.hungUp', 'line.dropped']);
        const phone = context.fields.callerPhone ?? context.callerPhone;
        return {
          holds: closeHold(context.holds, event.at, 'brokenOff'),
          transfers: context.transfers.map((t) =>
            t.status === 'connecting' ? { ...t, status: 'failed' as const } : t,
          ),
          end: {
            reason: 'brokenOff' as const,
            at: event.at,
            by: event.type === 'caller.hungUp' ? ('caller' as const) : ('line' as const),
            stepId: context.stepId,
            stage: stepById.get(context.stepId)?.stage ?? null,
          },
          offerCallback:
            phone && context.callback === null ? { phone, question: context.fields.need ?? '' } : null,
        };
      }),
      // Effects for the edge (sound, saving the callback task): no-ops until provided.
      signalHoldWarning: () => undefined,
      signalHoldExpired: () => undefined,
      emitCallbackTask: () => undefined,
    },
  });
}
