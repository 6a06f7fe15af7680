// What a running call knows: plain, serialisable data only, so a snapshot or a replay rebuilds it exactly.

import type { GreetingBoundaries } from '../flows/greeting';
import type { ClientKind, Direction, Outcome, Stage } from '../flows/types';
import type { OutcomeDetails, TransferTarget } from './events';
import type { OperatorProfile, Organisation } from './organisation';

/** Everything the engine needs to start a call; stored as the first record of the call's log. */
export interface CallStart {
  callId: string;
  organisation: Organisation;
  operator: OperatorProfile;
  /** Transfers the call went through before this operator took it (0…2). */
  transfersBefore: number;
  /** Known from caller id or the callback task, when any. */
  callerPhone?: string;
  /** Ms since epoch. */
  startedAt: number;
  /** Defaults to the flow's direction; a mismatch is reported, never thrown. */
  direction?: Direction;
  /** The organisation's own greeting boundaries, when it set any. */
  greetingBoundaries?: GreetingBoundaries;
  /** The call was handed over by a colleague (handover.ts): the client call's chain it continues. */
  handover?: { id: string; chainId: string };
}

export interface HoldRecord {
  /** Index in `holds`: timer events name the hold they belong to. */
  holdId: number;
  promisedMinutes: number;
  startedAt: number;
  warningAt: number;
  deadline: number;
  /** True when this promise replaced an earlier one in the same hold (asked for more time). */
  extension: boolean;
  warnedAt: number | null;
  expiredAt: number | null;
  endedAt: number | null;
  endedBy: 'resumed' | 'extended' | 'callback' | 'brokenOff' | null;
}

export interface TransferRecord {
  at: number;
  target: TransferTarget;
  /** Name as the directory had it at the time: the record stays readable when the directory changes. */
  targetName: string;
  summary: string;
  status: 'connecting' | 'connected' | 'failed';
}

/** The promise made to the caller: an outbound call to make by the deadline, carrying the question. */
export interface CallbackTask {
  id: string;
  callId: string;
  flowId: string;
  organisationId: string;
  phone: string;
  deadline: number;
  question: string;
  callerName: string | null;
  appealNumber: string | null;
  createdAt: number;
  /** True when the operator knowingly promised a time outside working hours. */
  outsideHours: boolean;
}

export type OutcomeRecord = { kind: Outcome; at: number } & OutcomeDetails;

/** Why the engine refused an operator's action: a code and params for the catalogue, never prose. */
export type NoticeCode =
  | 'transferLimitReached'
  | 'transferTargetUnknown'
  | 'transferSummaryMissing'
  | 'holdOutOfRange'
  | 'holdAlreadyExtended'
  | 'callbackPhoneInvalid'
  | 'callbackDeadlinePast'
  | 'callbackOutsideHours'
  | 'callbackQuestionMissing'
  | 'outcomeDateMissing'
  | 'outcomeReasonMissing'
  | 'outcomeBodyMissing'
  | 'outcomeNeedsCallback'
  | 'requiredFieldsMissing'
  | 'fieldInvalid'
  | 'outcomeMissing';

export interface Notice {
  code: NoticeCode;
  at: number;
  params: Record<string, string | number | string[]>;
  /** What the operator can do instead (e.g. answer now, promise a callback). */
  alternatives: ('answerNow' | 'callback')[];
}

export interface CallEnd {
  reason: 'farewell' | 'transferred' | 'brokenOff';
  at: number;
  /** For a break-off: who or what ended it. */
  by: 'caller' | 'line' | 'operator';
  /** The step the call was at when it ended. */
  stepId: string;
  stage: Stage | null;
}

export interface CallContext {
  callId: string;
  flowId: string;
  flowVersion: number;
  direction: Direction;
  /** Set when the start asked for another direction than the flow's. */
  directionMismatch: boolean;
  client: ClientKind;
  organisation: Organisation;
  operator: OperatorProfile;
  startedAt: number;
  /** Time of the last accepted event. */
  lastAt: number;
  /** The time-of-day greeting at the moment the call started. */
  greeting: string;
  /** Current flow step (in farewell: the farewell step, or '' for the engine's own farewell). */
  stepId: string;
  /** Steps visited, in order, without immediate repeats. */
  visited: string[];
  callerPhone: string | null;
  fields: Record<string, string>;
  fieldErrors: Record<string, string>;
  transfersBefore: number;
  transfers: TransferRecord[];
  holds: HoldRecord[];
  outcome: OutcomeRecord | null;
  /** Outcome details noted ahead of the outcome (the other body, the reason, the date). */
  outcomeDraft: OutcomeDetails;
  callback: CallbackTask | null;
  notice: Notice | null;
  end: CallEnd | null;
  /** After a break-off with a known phone and no callback yet: the UI offers to call back. */
  offerCallback: { phone: string; question: string } | null;
}
