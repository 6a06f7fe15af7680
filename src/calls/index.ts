// The call engine's public API for the operator UI, the simulator and the database layer.

export { startCall, resumeCall } from './session';
export type { CallSession, CallSnapshot, PersistedCall, SendResult } from './session';
export { replayCall } from './replay';
export type { CallRecordEvent } from './record';
export type { CallCommand, OutcomeDetails, TransferTarget } from './events';
export { CARE_FLAGS, PERSON_KINDS } from './events';
export type { CareFlag } from './events';
export type { CallAnnotations } from './notes';
export type { CallContext, CallbackTask, CallEnd, NoticeCode } from './context';
export {
  availableActions,
  callbackTaskOf,
  callerCard,
  currentStep,
  holdExpiredChoices,
  holdRemainingMs,
  noticeOf,
  outcomeOf,
  phase,
  renderedLine,
  stageStrip,
  templateVars,
  transferCounter,
} from './select';
export type { CallView } from './select';
export type { Scheduler } from './scheduler';
export { maxTransfers, TRANSFER_CAP } from './rules';
export { CALL_MACHINE_VERSION } from './compile';
