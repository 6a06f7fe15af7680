// What one call's record says, reduced to figures: handle time, time per stage, holds against their
// promise, transfers, the callback, script adherence. Derived from the event log, never from a replay,
// so 100,000 calls reduce in a single pass; nothing here depends on the current time.

import type { CallRecordEvent } from '../calls/record';
import { operatorFullName, type Organisation } from '../calls/organisation';
import { maxTransfers, TRANSFER_CAP, transferTargetName } from '../calls/rules';
import { endOfWorkingDay, nextWorkingMoment } from '../calls/callbackTimes';
import { ERASED, ERASED_TEXT } from './erasure';
import type { Direction, FlowDefinition, Outcome, Stage } from '../flows/types';

/** A stage of the flow, or the time the caller spent on hold or being put through. */
export type StageBucket = Stage | 'hold' | 'transfer';

/** The summary row fields analytics reads (a CallRow satisfies it). */
export interface CallSummary {
  id: string;
  flowId: string;
  flowVersion: number;
  direction: Direction;
  startedAt: number;
  /** When the conversation ended (the engine's end event), null while it goes on. */
  endedAt: number | null;
  /** When the wrap-up was saved and the call closed. */
  finishedAt: number | null;
  outcome: Outcome | null;
  topic: string | null;
  articlesUsed: string[];
  satisfaction: number | null;
  afterCallMs: number | null;
  operatorName: string;
  transfersBefore: number;
}

type CallStart = Extract<CallRecordEvent['event'], { type: 'call.started' }>['start'];

/** The summary row as far as a log tells it: the wrap-up (topic, articles, rating, after-call time) is not in it. */
export function summaryOfLog(
  first: CallRecordEvent,
  start: CallStart,
  direction: Direction,
  end: Pick<CallSummary, 'endedAt' | 'outcome'> = { endedAt: null, outcome: null },
): CallSummary {
  return {
    id: first.callId,
    flowId: first.flowId,
    flowVersion: first.flowVersion,
    direction,
    startedAt: first.at,
    endedAt: end.endedAt,
    finishedAt: null,
    outcome: end.outcome,
    topic: null,
    articlesUsed: [],
    satisfaction: null,
    afterCallMs: null,
    operatorName: operatorFullName(start.operator),
    transfersBefore: start.transfersBefore,
  };
}

export interface HoldFact {
  promisedMinutes: number;
  startedAt: number;
  deadline: number;
  endedAt: number | null;
  /** A second promise in the same hold (the operator asked for more time). */
  extension: boolean;
  /** Time past the promise when the hold (or this promise) ended; 0 when kept. */
  overtimeMs: number;
}

export interface TransferFact {
  at: number;
  targetKind: 'department' | 'colleague';
  targetId: string;
  /** The directory's name for the target when the call started (the id when it had none). */
  targetName: string;
  summary: string;
  status: 'connecting' | 'connected' | 'failed';
}

/** Script adherence; null where the element does not apply (no such stage, call put through). */
export interface Adherence {
  greeting: boolean | null;
  identified: boolean | null;
  rephrased: boolean | null;
  farewell: boolean | null;
}

export type EndReason = 'farewell' | 'transferred' | 'brokenOff';

export interface CallFacts {
  callId: string;
  operatorName: string;
  flowId: string;
  flowVersion: number;
  direction: Direction;
  startedAt: number;
  /** When the conversation ended; null while it goes on. */
  endedAt: number | null;
  endReason: EndReason | null;
  handleMs: number | null;
  afterCallMs: number | null;
  stageMs: Partial<Record<StageBucket, number>>;
  outcome: Outcome | null;
  topic: string | null;
  /** The need as captured, trimmed and lower-cased. */
  need: string | null;
  articlesUsed: string[];
  satisfaction: number | null;
  holds: HoldFact[];
  transfersBefore: number;
  transfers: TransferFact[];
  /** Times of transfer attempts the engine refused because the cap was reached. */
  refusedTransfers: number[];
  /** The promised callback's deadline, and when an outbound call fulfilled it (null while open). */
  callback: { deadline: number; doneAt: number | null } | null;
  adherence: Adherence;
  /** The retention period erased the caller's data from this record (stand-ins in its log). */
  erased: boolean;
  /**
   * Whether the greeting line shown named the operator and the organisation (001 §3.5.5, §3.8.8): the
   * engine's own introduction does, a flow's line that greets by itself must name both. Null without
   * the flow version, or when the call never showed a greeting step.
   */
  greetingNamed: boolean | null;
  /**
   * For an internal client (a flow written for them): the end of the working day the call came in on,
   * by which a question needing more work is owed an answer (001 §3.5.10–3.5.12). Null otherwise.
   */
  internalDayEnd: number | null;
  /**
   * Whether an inbound call that reached its farewell passed a step marked `askedForMore` first: the
   * client was asked whether questions remain, and thanked (002 §17). Null for outbound calls, calls that
   * never reached a farewell, and flow versions without the mark (or unknown to this workstation).
   */
  askedForMore: boolean | null;
}

function bucketOf(r: CallRecordEvent, stages: ReadonlyMap<string, Stage>): StageBucket | null {
  const { state, stepId } = r.after;
  if (state.startsWith('active.onHold')) return 'hold';
  if (state.startsWith('active.transferring')) return 'transfer';
  if (state.startsWith('active.farewell')) return 'farewell';
  if (state.startsWith('active.talking')) return stages.get(stepId) ?? null;
  return null;
}

function endReasonOf(last: CallRecordEvent, prev: CallRecordEvent | null): EndReason {
  if (last.event.type === 'transfer.connected') return 'transferred';
  const hungUp = last.event.type === 'caller.hungUp' || last.event.type === 'line.dropped';
  // Hanging up after the farewell is how calls end, as the engine itself counts it.
  return hungUp && !prev?.after.state.startsWith('active.farewell') ? 'brokenOff' : 'farewell';
}

interface Walk {
  stageMs: Partial<Record<StageBucket, number>>;
  holds: HoldFact[];
  transfers: TransferFact[];
  refused: number[];
  visited: Set<StageBucket>;
  /** A step marked `askedForMore` was shown. */
  asked: boolean;
  named: boolean;
  need: string | null;
  callbackDeadline: number | null;
  end: CallRecordEvent | null;
  beforeEnd: CallRecordEvent | null;
  erased: boolean;
  /** The greeting step first shown, and the organisation the call started with. */
  greetingStep: string | null;
  organisation: Organisation | null;
}

function closeHolds(holds: HoldFact[], at: number): void {
  for (const h of holds)
    if (h.endedAt === null) {
      h.endedAt = at;
      h.overtimeMs = Math.max(0, at - h.deadline);
    }
}

interface FlowShape {
  stages: ReadonlyMap<string, Stage>;
  has: ReadonlySet<Stage>;
  /** Steps marked as asking whether questions remain. */
  asks: ReadonlySet<string>;
}
const NO_STAGES: ReadonlyMap<string, Stage> = new Map();
const NO_STEPS: ReadonlySet<string> = new Set();
// 100,000 calls share a handful of flow versions: their step → stage maps are built once.
const shapes = new WeakMap<FlowDefinition, FlowShape>();
function flowShape(flow: FlowDefinition): FlowShape {
  let shape = shapes.get(flow);
  if (!shape) {
    shape = {
      stages: new Map(flow.steps.map((s) => [s.id, s.stage])),
      has: new Set(flow.steps.map((s) => s.stage)),
      asks: new Set(flow.steps.filter((s) => s.checks?.includes('askedForMore')).map((s) => s.id)),
    };
    shapes.set(flow, shape);
  }
  return shape;
}

/** One pass over the log: what each event did is read from the state the engine recorded after it. */
function walk(
  log: readonly CallRecordEvent[],
  flow: FlowDefinition | null,
  transfersBefore: number,
  calledBack: boolean,
): Walk {
  const stages = flow ? flowShape(flow).stages : NO_STAGES;
  const asks = flow ? flowShape(flow).asks : NO_STEPS;
  const cap = flow ? maxTransfers(flow) : TRANSFER_CAP;
  const w: Walk = {
    stageMs: {},
    holds: [],
    transfers: [],
    refused: [],
    visited: new Set(),
    asked: false,
    named: false,
    need: null,
    callbackDeadline: null,
    end: null,
    beforeEnd: null,
    erased: false,
    greetingStep: null,
    organisation: null,
  };
  let prev: CallRecordEvent | null = null;
  // Where the call stood after the previous event: the time up to this one is spent there.
  let bucket: StageBucket | null = null;
  for (const r of log) {
    if (prev && bucket) w.stageMs[bucket] = (w.stageMs[bucket] ?? 0) + (r.at - prev.at);
    const e = r.event;
    const state = r.after.state;
    if (isErased(e)) w.erased = true;
    if (e.type === 'call.started') {
      // A start read back from a damaged store may lack its organisation: ids then stand for names.
      w.organisation = e.start.organisation ?? null;
      if (stages.get(r.after.stepId) === 'greeting') w.greetingStep = r.after.stepId;
    } else if (e.type === 'operator.hold' && state.startsWith('active.onHold')) {
      w.holds.push(hold(e.minutes, r.at, false));
    } else if (e.type === 'operator.extendHold' && state.startsWith('active.onHold')) {
      const open = w.holds.at(-1);
      // A refused extension leaves the hold as it was: only a new promise opens a record.
      if (open && !open.extension && open.endedAt === null) {
        closeHolds(w.holds, r.at);
        w.holds.push(hold(e.minutes, r.at, true));
      }
    } else if (e.type === 'operator.transfer') {
      if (state.startsWith('active.transferring'))
        w.transfers.push({
          at: r.at,
          targetKind: e.target.kind,
          targetId: e.target.id,
          targetName: (w.organisation && transferTargetName(w.organisation, e.target)) ?? e.target.id,
          summary: e.summary.trim(),
          status: 'connecting',
        });
      else if (transfersBefore + w.transfers.filter((t) => t.status !== 'failed').length >= cap)
        w.refused.push(r.at);
    } else if (e.type === 'operator.tryTransfer') {
      // The engine takes the attempt only to refuse it at the cap.
      w.refused.push(r.at);
    } else if (e.type === 'transfer.connected' || e.type === 'transfer.failed') {
      const t = w.transfers.find((x) => x.status === 'connecting');
      if (t) t.status = e.type === 'transfer.connected' ? 'connected' : 'failed';
    } else if (e.type === 'operator.capture') {
      const value = e.value.trim();
      if (e.fieldId === 'callerName' && value !== '') w.named = true;
      // An erased need says nothing about what callers asked: it stays out of the top needs.
      if (e.fieldId === 'need' && value !== '' && value !== ERASED.need) w.need = value.toLowerCase();
    } else if (
      e.type === 'operator.callback' &&
      w.callbackDeadline === null &&
      (state.startsWith('active.farewell') || calledBack)
    ) {
      // A refused promise leaves the call where it was; at a callback step an accepted one does too,
      // and then the summary's outcome says it was made.
      w.callbackDeadline = e.deadline;
    }
    if (!state.startsWith('active.onHold')) closeHolds(w.holds, r.at);
    bucket = bucketOf(r, stages);
    if (bucket) w.visited.add(bucket);
    if (state.startsWith('active.talking') && asks.has(r.after.stepId)) w.asked = true;
    if (state === 'ended') {
      w.end = r;
      w.beforeEnd = prev;
      break;
    }
    prev = r;
  }
  return w;
}

const NAMES_OPERATOR = /\{\{\s*operator\.(fullName|surname)\s*\}\}/;
const NAMES_ORGANISATION = /\{\{\s*organisation\.(fullName|shortName)\s*\}\}/;

/**
 * The greeting line as the engine shows it (select.ts lineTemplate): does it name the operator, and for an
 * external client the body too? A colleague calling in (an internal client) knows the body already.
 */
function greetingNames(flow: FlowDefinition, stepId: string): boolean {
  const say = flow.steps.find((s) => s.id === stepId)?.say ?? '';
  // A line that does not greet by time of day gets the engine's introduction, which names both.
  if (!say.includes('{{greeting}}')) return true;
  return NAMES_OPERATOR.test(say) && (flow.client === 'internal' || NAMES_ORGANISATION.test(say));
}

/** The end of the working day a call came in on; on a day off, of the next working day. */
function dayEnd(at: number, org: Organisation): number | null {
  const { workingHours: hours, timeZone: tz } = org;
  const next = nextWorkingMoment(at, hours, tz);
  return endOfWorkingDay(at, hours, tz) ?? (next === null ? null : endOfWorkingDay(next, hours, tz));
}

const standIn = (v: string | undefined) => v === ERASED.phone || v === ERASED_TEXT;

/** Whether the event carries what the retention period leaves in place of personal data (erasure.ts). */
function isErased(e: CallRecordEvent['event']): boolean {
  if (e.type === 'call.started') return e.start.callerPhone === ERASED.phone;
  if (e.type === 'operator.capture')
    return standIn(e.value) || (e.fieldId === 'callerName' && e.value === ERASED.personName);
  if (e.type === 'operator.callback') return standIn(e.phone) || standIn(e.question);
  if (e.type === 'operator.transfer') return standIn(e.summary);
  return false;
}

function hold(minutes: number, at: number, extension: boolean): HoldFact {
  return {
    promisedMinutes: minutes,
    startedAt: at,
    deadline: at + minutes * 60_000,
    endedAt: null,
    extension,
    overtimeMs: 0,
  };
}

/**
 * Figures of one call. `flow` is the flow version the call ran (null when this workstation no longer
 * has it: stages are then unknown). `callback` is the queue's task this call promised, if any.
 */
export function analyzeCall(
  row: CallSummary,
  log: readonly CallRecordEvent[],
  flow: FlowDefinition | null,
  callback: { deadline: number; doneAt: number | null } | null = null,
): CallFacts {
  const w = walk(log, flow, row.transfersBefore, row.outcome === 'callback');
  const endedAt = w.end?.at ?? row.endedAt;
  const endReason = w.end ? endReasonOf(w.end, w.beforeEnd) : null;
  const hasStage = (s: Stage) =>
    flow ? flow.steps.some((st) => st.stage === s) : row.direction === 'inbound';
  const afterCallMs =
    row.afterCallMs ?? (row.finishedAt !== null && endedAt !== null ? row.finishedAt - endedAt : null);
  const promised =
    callback ?? (w.callbackDeadline === null ? null : { deadline: w.callbackDeadline, doneAt: null });
  return {
    callId: row.id,
    operatorName: row.operatorName,
    flowId: row.flowId,
    flowVersion: row.flowVersion,
    direction: row.direction,
    startedAt: row.startedAt,
    endedAt,
    endReason,
    handleMs: endedAt === null ? null : endedAt - row.startedAt,
    afterCallMs,
    stageMs: w.stageMs,
    outcome: row.outcome,
    topic: row.topic,
    need: w.need,
    articlesUsed: row.articlesUsed,
    satisfaction: row.satisfaction,
    holds: w.holds,
    transfersBefore: row.transfersBefore,
    transfers: w.transfers,
    refusedTransfers: w.refused,
    callback: promised,
    adherence: {
      // Without the flow version the steps' stages are unknown: only hold, transfer and farewell show.
      greeting: [...w.visited].some((b) => b !== 'greeting') || (flow ? false : null),
      identified: hasStage('identification') ? w.named : null,
      rephrased: flow && hasStage('understanding') ? w.visited.has('understanding') : null,
      farewell: endReason === 'transferred' ? null : w.visited.has('farewell'),
    },
    erased: w.erased,
    greetingNamed: flow && w.greetingStep !== null ? greetingNames(flow, w.greetingStep) : null,
    internalDayEnd:
      flow?.client === 'internal' && w.organisation ? dayEnd(row.startedAt, w.organisation) : null,
    askedForMore:
      flow && flow.direction === 'inbound' && flowShape(flow).asks.size > 0 && w.visited.has('farewell')
        ? w.asked
        : null,
  };
}
