// The contract between the operator's call screen (UI) and the app's wiring (storage, tabs, clock).
// The UI never touches the database: it starts, drives and finishes calls through this interface.
import type { CallWrapUp } from '../../analytics/fromLog';
import type { CallCommand, CallSession, CallView, SendResult } from '../../calls';
import type { Direction } from '../../flows/types';
import type { CommittedCall } from './committedCall';

export interface StartCallOptions {
  flowId: string;
  direction: Direction;
  /** Transfers the call went through before this operator took it (0…2). */
  transfersBefore: number;
  /** Normalised +7XXXXXXXXXX, when known. */
  callerPhone?: string;
  /** When the call is made from the callbacks queue: the task it fulfils. */
  callbackId?: string;
  /** The task as the centre's queue has it, for a workstation that did not promise it (issue 17). */
  callbackDetails?: { callerName: string | null; question: string; appealNumber: string | null };
  /** A call handed over by a colleague (src/calls/handover.ts handoverStart): its chain and the fields given. */
  handover?: { id: string; chainId: string; prefills: [fieldId: string, value: string][] };
}

/**
 * What the operator fills in after the call (src/analytics/fromLog.ts CallWrapUp): when it was saved and
 * the after-call time are the moment of saving, added by the owner when it stores the call.
 */
export type WrapUp = Omit<CallWrapUp, 'savedAt' | 'afterCallMs'>;

/** The call as far as it is stored: what the screen shows. */
export interface StoredState {
  /** The engine's state right after the last stored event. */
  readonly view: CallView;
  /** How many events of the call are stored (in memory mode: kept). */
  readonly events: number;
}

/**
 * The committed state as an actor: read it with @xstate/react's `useSelector(stored, s => …)`;
 * `getSnapshot()` gives the `StoredState` with the actor's status beside it.
 */
export type StoredStateSource = CommittedCall;

export interface ActiveCall {
  callId: string;
  /** The running engine: send through `send`; show what `stored` says, which may lag it by one write. */
  session: CallSession;
  /**
   * What the screen shows: the state moves on only once the event that led to it is stored, so nothing
   * on screen is lost by a reload or a crash. Absent where nothing is stored (the editor's sandbox): the
   * screen then follows the engine directly.
   */
  stored?: StoredStateSource;
  /** True when another tab owns this call: show it, never send; `takeOver()` makes this tab the owner. */
  readOnly: boolean;
  /**
   * True when another device of the operator holds their lease (issue 17): read-only too; `takeOver()`
   * takes the lease from that device first. Absent: no server, one device.
   */
  heldElsewhere?: boolean;
  /** 'memory' when storage failed: the call goes on, a warning shows, the record can be saved as a file. */
  storage: 'stored' | 'memory';
  /** Sends a command; resolves once the resulting event is stored (or kept in memory on failure). */
  send(command: CallCommand): Promise<SendResult>;
  takeOver(): Promise<void>;
  /** Offers the call's record (log + wrap-up so far) as a JSON file download. */
  downloadRecord(): void;
}

export interface CallController {
  /** The call in progress on this workstation, or null. Subscribe to hear changes. */
  getActive(): ActiveCall | null;
  subscribe(listener: () => void): () => void;
  start(options: StartCallOptions): Promise<ActiveCall>;
  /** Saves the wrap-up with the call (after-call time is measured from the call's end) and closes it. */
  finish(wrapUp: WrapUp): Promise<void>;
}
