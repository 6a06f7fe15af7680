// The call engine's public API for the operator UI, the simulator and the database layer.

export { startCall, resumeCall, replayInto } from './session';
export type {
  CallSession,
  CallSnapshot,
  CallActor,
  PersistedCall,
  ResumeResult,
  SendResult,
  SessionOptions,
} from './session';
export { replayCall, stateFingerprint } from './replay';
export type { ReplayResult } from './replay';
export type { CallRecordEvent, CallStartedEvent } from './record';
export type { CallEvent, CallCommand, CallEventType, OutcomeDetails, TransferTarget } from './events';
export { CALL_EVENT_TYPES, CARE_FLAGS, PERSON_KINDS } from './events';
export type { CareFlag, PersonKind } from './events';
export { annotationsOf, NO_ANNOTATIONS } from './notes';
export type { CallAnnotations } from './notes';
export type {
  CallContext,
  CallStart,
  CallbackTask,
  CallEnd,
  HoldRecord,
  Notice,
  NoticeCode,
  OutcomeRecord,
  TransferRecord,
} from './context';
export {
  availableActions,
  callbackTaskOf,
  callerCard,
  currentStep,
  holdExpiredChoices,
  holdPromiseLine,
  transferRefusalLines,
  holdRemainingMs,
  lineTemplate,
  noticeOf,
  outcomeOf,
  phase,
  renderedLine,
  stageStrip,
  templateVars,
  transferCounter,
} from './select';
export type { AvailableActions, CallView, Phase, StageMark, TransferCounter } from './select';
export type { Scheduler } from './scheduler';
export { maxTransfers, transfersUsed, TRANSFER_CAP } from './rules';
export { compileFlow, CALL_MACHINE_VERSION } from './compile';
export type { CallMachine } from './compile';
