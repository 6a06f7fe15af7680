// Compiles a validated flow into an XState machine: one state per step, plus the states the standard
// adds to every flow (hold, transfer, farewell, ended) whatever the author wrote.

import { and, not } from 'xstate';
import { initialContext } from './initialContext';
import { callSetup } from './callMachine';
import type { FlowDefinition, Step } from '../flows/types';

/** Bump when the machine's shape changes: persisted snapshots of another version are replayed instead. */
export const CALL_MACHINE_VERSION = 1;

const TALKING = '#call.active.talking';
const HISTORY = '#call.active.talking.resume';
const FAREWELL = '#call.active.farewell';
const ENDED = '#call.ended';

function stepState(flow: FlowDefinition, step: Step) {
  const farewellIds = new Set(flow.steps.filter((s) => s.stage === 'farewell').map((s) => s.id));
  const choose = step.options.flatMap((option) => {
    const outcome = option.outcome ?? null;
    const toFarewell = farewellIds.has(option.next);
    return [
      {
        guard: and([
          { type: 'isOption', params: { optionId: option.id } },
          'hasRequiredFields',
          { type: 'isChoiceOutcomeComplete', params: { outcome } },
        ]),
        target: toFarewell ? FAREWELL : `${TALKING}.${option.next}`,
        actions: [
          'stamp',
          { type: 'applyChoice', params: { outcome, farewell: toFarewell ? option.next : null } },
        ],
      },
      {
        guard: { type: 'isOption', params: { optionId: option.id } },
        actions: ['stamp', { type: 'refuseChoice', params: { outcome } }],
      },
    ] as const;
  });
  // One confirmation is enough: a promise made at a step written for the callback (its fields filled)
  // follows the step's callback option, as pressing it would. Otherwise the call-wide handler applies.
  const callbackOption = step.options.find((o) => o.outcome === 'callback');
  const toFarewell = callbackOption !== undefined && farewellIds.has(callbackOption.next);
  const callback = callbackOption
    ? {
        'operator.callback': {
          guard: and(['isPastGreeting', 'canPromiseCallback', 'hasRequiredFields']),
          target: toFarewell ? FAREWELL : `${TALKING}.${callbackOption.next}`,
          actions: [
            'stamp',
            'promiseCallback',
            'emitCallbackTask',
            {
              type: 'applyChoice',
              params: { outcome: null, farewell: toFarewell ? callbackOption.next : null },
            },
          ],
        } as const,
      }
    : {};
  return {
    entry: { type: 'enterStep', params: { stepId: step.id } },
    on: { 'operator.choose': choose, ...callback },
  } as const;
}

export interface CompileOptions {
  /**
   * Leave out the invoked hold timer: for the model-based walk (xstate/graph does not accept invoked
   * actors), where the clock.* events are sent like any other. Calls always run with the timer.
   */
  withoutTimer?: boolean;
}

export function compileFlow(flow: FlowDefinition, options: CompileOptions = {}) {
  const talkingSteps = flow.steps.filter((s) => s.stage !== 'farewell');
  const steps = Object.fromEntries(talkingSteps.map((s) => [s.id, stepState(flow, s)]));

  return callSetup(flow).createMachine({
    id: 'call',
    context: ({ input }) => initialContext(flow, input),
    initial: 'active',
    states: {
      active: {
        initial: 'talking',
        on: {
          'operator.capture': { actions: ['stamp', 'captureField'] },
          'operator.outcomeDetails': { actions: ['stamp', 'noteOutcomeDetails'] },
          'caller.hungUp': { target: ENDED, actions: ['stamp', 'breakOff'] },
          'line.dropped': { target: ENDED, actions: ['stamp', 'breakOff'] },
        },
        states: {
          talking: {
            tags: ['talking'],
            initial: flow.start,
            states: { ...steps, resume: { type: 'history' } },
            on: {
              'operator.hold': [
                {
                  guard: and(['isPastGreeting', 'isHoldInRange']),
                  target: 'onHold',
                  actions: ['stamp', 'startHold'],
                },
                { guard: 'isPastGreeting', actions: ['stamp', 'refuseHold'] },
              ],
              'operator.transfer': [
                {
                  guard: and(['isPastGreeting', 'canTransfer']),
                  target: 'transferring',
                  actions: ['stamp', 'startTransfer'],
                },
                { guard: 'isPastGreeting', actions: ['stamp', 'refuseTransfer'] },
              ],
              // Only a refusal is taken (and so recorded): below the cap the directory opens instead.
              'operator.tryTransfer': {
                guard: and(['isPastGreeting', 'isAtTransferCap']),
                actions: ['stamp', 'refuseTransferAttempt'],
              },
              'operator.callback': [
                // At a step written for the callback, the promise is made there and the step goes on.
                {
                  guard: and(['isPastGreeting', 'canPromiseCallback', 'isCallbackStep']),
                  actions: ['stamp', 'promiseCallback', 'emitCallbackTask'],
                },
                {
                  guard: and(['isPastGreeting', 'canPromiseCallback']),
                  target: 'farewell',
                  actions: ['stamp', 'promiseCallback', 'pickFarewell', 'emitCallbackTask'],
                },
                { guard: 'isPastGreeting', actions: ['stamp', 'refuseCallback'] },
              ],
              'operator.end': [
                {
                  guard: and(['isPastGreeting', 'isOutcomeComplete']),
                  target: 'farewell',
                  actions: ['stamp', 'setOutcome', 'pickFarewell'],
                },
                { guard: 'isPastGreeting', actions: ['stamp', 'refuseOutcome'] },
              ],
            },
          },
          onHold: {
            tags: ['onHold'],
            invoke: options.withoutTimer
              ? []
              : {
                  id: 'holdTimer',
                  src: 'holdTimer',
                  input: ({ context }) => {
                    const hold = context.holds.at(-1);
                    return {
                      holdId: hold?.holdId ?? -1,
                      warningAt: hold?.warningAt ?? 0,
                      deadline: hold?.deadline ?? 0,
                    };
                  },
                },
            initial: 'counting',
            states: {
              counting: {
                on: {
                  'clock.holdWarning': {
                    guard: 'isCurrentHold',
                    target: 'warned',
                    actions: ['stamp', 'markHoldWarned', 'signalHoldWarning'],
                  },
                  'clock.holdExpired': {
                    guard: 'isCurrentHold',
                    target: 'expired',
                    actions: ['stamp', 'markHoldExpired', 'signalHoldExpired'],
                  },
                },
              },
              warned: {
                tags: ['holdWarning'],
                on: {
                  'clock.holdExpired': {
                    guard: 'isCurrentHold',
                    target: 'expired',
                    actions: ['stamp', 'markHoldExpired', 'signalHoldExpired'],
                  },
                },
              },
              expired: { tags: ['holdExpired'] },
            },
            on: {
              'operator.resume': {
                target: HISTORY,
                actions: ['stamp', { type: 'endHold', params: { by: 'resumed' } }],
              },
              'operator.extendHold': [
                {
                  guard: and(['canExtendHold', 'isHoldInRange']),
                  target: 'onHold',
                  reenter: true,
                  actions: ['stamp', 'extendHold'],
                },
                { actions: ['stamp', 'refuseHold'] },
              ],
              'operator.callback': [
                {
                  guard: 'canPromiseCallback',
                  target: 'farewell',
                  actions: ['stamp', 'promiseCallback', 'pickFarewell', 'emitCallbackTask'],
                },
                { actions: ['stamp', 'refuseCallback'] },
              ],
            },
          },
          transferring: {
            tags: ['transferring'],
            on: {
              'transfer.connected': {
                target: ENDED,
                actions: [
                  'stamp',
                  { type: 'settleTransfer', params: { status: 'connected' } },
                  { type: 'endCall', params: { reason: 'transferred' } },
                ],
              },
              'transfer.failed': {
                target: HISTORY,
                actions: ['stamp', { type: 'settleTransfer', params: { status: 'failed' } }],
              },
            },
          },
          farewell: {
            tags: ['farewell'],
            on: {
              'operator.finish': [
                {
                  guard: 'hasOutcome',
                  target: ENDED,
                  actions: ['stamp', { type: 'endCall', params: { reason: 'farewell' } }],
                },
                { actions: ['stamp', 'refuseFinish'] },
              ],
              'operator.end': [
                {
                  guard: and([not('hasOutcome'), 'isOutcomeComplete']),
                  actions: ['stamp', 'setOutcome', 'pickFarewell'],
                },
                { guard: not('hasOutcome'), actions: ['stamp', 'refuseOutcome'] },
              ],
              // Hanging up after the farewell is how calls end: it is not a break-off.
              'caller.hungUp': {
                guard: 'hasOutcome',
                target: ENDED,
                actions: ['stamp', { type: 'endCall', params: { reason: 'farewell' } }],
              },
            },
          },
        },
      },
      ended: { type: 'final', tags: ['ended'] },
    },
  });
}

export type CallMachine = ReturnType<typeof compileFlow>;
