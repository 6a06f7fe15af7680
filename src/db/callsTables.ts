// Row shapes of the call record: a summary row per call, one row per log event, the owner lease, and
// the callbacks queue. The event log is the source of truth; the summary row serves lists and lookups.
import type { CallFacts, CallSummary } from '../analytics';
import type { PackHalf } from './callPack';
import type { CallbackTask, CallEnd, CallRecordEvent } from '../calls';
import type { Organisation } from '../calls/organisation';

export type CallStatus = 'active' | 'ended';

/** A call's summary row: what analytics reads of a call (CallSummary), and what lists and lookups need. */
export interface CallRow extends CallSummary {
  status: CallStatus;
  callerName: string | null;
  /** Lower-cased, trimmed name: the caller's history is looked up by it. */
  callerNameKey: string | null;
  callerPhone: string | null;
  summary: string;
  surveyOffered: boolean;
  /** The callback task this call was made to fulfil (a call from the queue). */
  callbackId: string | null;
  endReason: CallEnd['reason'] | 'restoreFailed' | null;
  /** Seq of the last stored event. */
  lastSeq: number;
}

/**
 * One stored log entry, keyed by [callId+seq]: writing the same entry twice is a no-op. From schema 2 a
 * call's first entry names its organisation by `organisationRef` (src/db/callEventCodec.ts).
 */
export type CallEventRow = CallRecordEvent;

/** An organisation as calls started with it, stored once and named by a reference to its content. */
export interface OrganisationRow {
  ref: string;
  organisation: Organisation;
}

/**
 * A call's figures for the supervisor, reduced from its log once and kept (schema 2): the dashboard of a
 * period reads these rows instead of every log. `key` is the summary row's state they were reduced from;
 * a row that changed since (a later event, the wrap-up, an import, an erasure) makes them stale.
 */
export interface CallFactsRow {
  id: string;
  startedAt: number;
  key: string;
  facts: CallFacts;
}

/**
 * One side of a month's calls as the supervisor reads them (schema 3): their figures (read first, for
 * the dashboard) or their summary rows, packed (src/db/callPack.ts). `month` is the UTC start of the
 * month the calls started in; `rev` counts rewrites, both sides sharing it. A pack holds what the rows
 * said when it was written, apart from the calls marked in `callChanges` since.
 */
export interface CallPackRow {
  month: number;
  rev: number;
  part: 'facts' | 'rows';
  /** FACTS_VERSION of the figures inside: a pack of older figures is rebuilt. */
  factsVersion: number;
  /** The pack layout's version (PACK_VERSION) and the number of calls. */
  v: number;
  count: number;
  half: PackHalf;
}

/**
 * A call whose summary row was written after its month's pack (schema 3), put in the same transaction as
 * the row. `stamp` differs on every write, so a marker is cleared only by a pack that took in that write.
 */
export interface CallChangeRow {
  id: string;
  stamp: number;
}

/**
 * The fencing epoch of the one tab allowed to write calls. A tab bumps it when it takes the call lock,
 * and every write checks it, so a tab that lost the lock cannot write after the new owner started.
 */
export interface CallLeaseRow {
  key: 'owner';
  epoch: number;
}

export type CallbackAttemptResult = 'noAnswer' | 'busy' | 'wrongNumber';

export interface CallbackAttempt {
  at: number;
  result: CallbackAttemptResult;
}

export interface CallbackRow extends CallbackTask {
  status: 'open' | 'done';
  attempts: CallbackAttempt[];
  /** When to call: the promised deadline, or the time it was rescheduled to after a failed attempt. */
  dueAt: number;
  doneAt: number | null;
  /** The outbound call that fulfilled it. */
  doneByCallId: string | null;
}

/**
 * Who a workstation connected to a server uploads its calls as: the signed-in person. Null on a single
 * workstation (no server), where nothing is queued.
 */
export interface UploadOwner {
  personId: string;
  organisationId: string;
}

/**
 * One call event waiting for the server's acknowledgement (schema 5), queued in the transaction that
 * stored it and removed only when the server acknowledged it. The event itself stays in `callEvents`; this
 * row names it and the person it goes up as, so only that person's session sends it. The call's wrap-up
 * waits under seq WRAP_UP_SEQ (issue 19): read from the call's row when sent, so a later save replaces it.
 */
export interface OutboxRow extends UploadOwner {
  callId: string;
  seq: number;
  /** When the event happened (for the wrap-up: when it was saved): the status shows the oldest unsent one. */
  at: number;
}

/** The outbox's seq for a call's wrap-up: below every event's, and one per call. */
export const WRAP_UP_SEQ = -1;
