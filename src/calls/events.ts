// The vocabulary of a call: every event the engine accepts, as one discriminated union.
// Each event carries `at` (ms since epoch) so a call replays exactly from its log, with no clock read.

import type { Outcome } from '../flows/types';

/** Details an outcome may need (STANDARD §5): the date, the reason and way forward, the other body. */
export interface OutcomeDetails {
  /** For `byDate`: the date the question will be resolved by (ms since epoch). */
  date?: number;
  /** For `impossible`: why, and what the client can do instead. */
  reason?: string;
  wayForward?: string;
  /** For `redirected`: the body the question belongs to. */
  body?: string;
}

export interface TransferTarget {
  kind: 'department' | 'colleague';
  /** Id in the organisation's directory. */
  id: string;
}

type Timed<T> = T & { at: number };

/** Clients who need extra care (STANDARD §1); the catalogue gives each a label and a hint. */
export const CARE_FLAGS = ['elderly', 'disability', 'hearing', 'littleRussian', 'lowDigital'] as const;
export type CareFlag = (typeof CARE_FLAGS)[number];

/** An external client is a citizen or speaks for an organisation (or sole trader). */
export const PERSON_KINDS = ['citizen', 'business'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export type CallEvent =
  | Timed<{ type: 'operator.choose'; optionId: string; details?: OutcomeDetails }>
  | Timed<{ type: 'operator.capture'; fieldId: string; value: string }>
  | Timed<{ type: 'operator.hold'; minutes: number }>
  | Timed<{ type: 'operator.extendHold'; minutes: number }>
  | Timed<{ type: 'operator.resume' }>
  | Timed<{ type: 'operator.transfer'; target: TransferTarget; summary: string }>
  /**
   * The operator asked to transfer once the cap was reached (STANDARD §4): recorded as the refusal, so a
   * supervisor sees the attempted third transfer. Below the cap the engine does not take it.
   */
  | Timed<{ type: 'operator.tryTransfer' }>
  | Timed<{ type: 'transfer.connected' }>
  | Timed<{ type: 'transfer.failed' }>
  | Timed<{
      type: 'operator.callback';
      /** Defaults to the caller's phone when known. */
      phone?: string;
      /** Ms since epoch. */
      deadline: number;
      /** Defaults to the need captured in the call. */
      question?: string;
      /** The operator knowingly promises a time outside working hours. */
      outsideHours?: boolean;
      /** Defaults to the name captured in the call. */
      callerName?: string;
    }>
  /** Details noted before the outcome is chosen, so lines like "решает {{outcome.body}}" can be said. */
  | Timed<{ type: 'operator.outcomeDetails' } & OutcomeDetails>
  | Timed<{ type: 'operator.end'; outcome: Outcome } & OutcomeDetails>
  | Timed<{ type: 'operator.finish' }>
  /** Notes on the caller: recorded beside the machine (they change no step), see notes.ts. */
  | Timed<{ type: 'operator.careFlags'; flags: CareFlag[] }>
  | Timed<{ type: 'operator.personKind'; person: PersonKind }>
  | Timed<{ type: 'caller.hungUp' }>
  | Timed<{ type: 'line.dropped' }>
  | Timed<{ type: 'clock.holdWarning'; holdId: number }>
  | Timed<{ type: 'clock.holdExpired'; holdId: number }>;

export type CallEventType = CallEvent['type'];

/** An event as the UI or the simulator hands it in: the session stamps `at` from its clock. */
export type CallCommand = CallEvent extends infer E ? (E extends CallEvent ? Omit<E, 'at'> : never) : never;

export const CALL_EVENT_TYPES = [
  'operator.choose',
  'operator.capture',
  'operator.hold',
  'operator.extendHold',
  'operator.resume',
  'operator.transfer',
  'operator.tryTransfer',
  'transfer.connected',
  'transfer.failed',
  'operator.callback',
  'operator.outcomeDetails',
  'operator.end',
  'operator.finish',
  'operator.careFlags',
  'operator.personKind',
  'caller.hungUp',
  'line.dropped',
  'clock.holdWarning',
  'clock.holdExpired',
] as const satisfies readonly CallEventType[];

// Compile-time guard: a new event type must be listed above.
type _Unlisted = Exclude<CallEventType, (typeof CALL_EVENT_TYPES)[number]>;
const _allListed: [_Unlisted] extends [never] ? true : never = true;
void _allListed;
