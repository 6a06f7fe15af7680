// Runs a scripted call through the engine on a manual clock: the flows:simulate CLI and its tests use it.
// The script is checked with zod; times may be org-local ISO strings or callback presets ("endOfDay").

import { z } from 'zod';
import { callbackPresets } from './callbackTimes';
import { zonedToUtc } from '../flows/zonedTime';
import type { FlowDefinition, RenderedLine } from '../flows/types';
import { ManualClock } from './clock';
import type { Notice } from './context';
import type { CallCommand } from './events';
import type { OperatorProfile, Organisation } from './organisation';
import { ManualScheduler } from './scheduler';
import {
  availableActions,
  holdExpiredChoices,
  phase,
  renderedLine,
  transferCounter,
  type Phase,
} from './select';
import { startCall } from './session';
import { statePath } from './record';
import { OUTCOMES } from '../flows/types';
import type { FlowIssue } from '../flows/issues';
import { toIssues } from '../flows/restore';

const time = z.union([z.number(), z.string().min(1)]);
const details = {
  date: time.optional(),
  reason: z.string().optional(),
  wayForward: z.string().optional(),
  body: z.string().optional(),
};

const scriptEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('wait'), seconds: z.number().nonnegative() }),
  z.strictObject({
    type: z.literal('operator.choose'),
    optionId: z.string(),
    details: z.strictObject(details).optional(),
  }),
  z.strictObject({ type: z.literal('operator.capture'), fieldId: z.string(), value: z.string() }),
  z.strictObject({ type: z.literal('operator.hold'), minutes: z.number() }),
  z.strictObject({ type: z.literal('operator.extendHold'), minutes: z.number() }),
  z.strictObject({ type: z.literal('operator.resume') }),
  z.strictObject({
    type: z.literal('operator.transfer'),
    target: z.strictObject({ kind: z.enum(['department', 'colleague']), id: z.string() }),
    summary: z.string(),
  }),
  z.strictObject({ type: z.literal('transfer.connected') }),
  z.strictObject({ type: z.literal('transfer.failed') }),
  z.strictObject({
    type: z.literal('operator.callback'),
    phone: z.string().optional(),
    deadline: time,
    question: z.string().optional(),
    outsideHours: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('operator.outcomeDetails'), ...details }),
  z.strictObject({ type: z.literal('operator.end'), outcome: z.enum(OUTCOMES), ...details }),
  z.strictObject({ type: z.literal('operator.finish') }),
  z.strictObject({ type: z.literal('caller.hungUp') }),
  z.strictObject({ type: z.literal('line.dropped') }),
]);

const operatorSchema = z.strictObject({
  surname: z.string(),
  firstName: z.string(),
  patronymic: z.string(),
  position: z.string(),
  department: z.string(),
});

const scriptSchema = z.union([
  z.array(scriptEvent),
  z.strictObject({
    start: z
      .strictObject({
        at: time.optional(),
        organisation: z.string().optional(),
        operator: operatorSchema.optional(),
        transfersBefore: z.int().min(0).max(2).optional(),
        callerPhone: z.string().optional(),
      })
      .optional(),
    events: z.array(scriptEvent),
  }),
]);

export type ScriptEvent = z.infer<typeof scriptEvent>;

export interface SimulationScript {
  start: {
    at?: number | string;
    organisation?: string;
    operator?: OperatorProfile;
    transfersBefore?: number;
    callerPhone?: string;
  };
  events: ScriptEvent[];
}

/** A script's first problem, coded as a flow file's are, at its place ("events[1].type"). */
export type ParsedScript = { ok: true; script: SimulationScript } | { ok: false; issue: FlowIssue };

/** Checks a script; the issue names the place, e.g. "events[1].type". */
export function parseScript(raw: unknown): ParsedScript {
  const parsed = Array.isArray(raw)
    ? z.array(scriptEvent).safeParse(raw)
    : (scriptSchema.options[1] satisfies z.ZodType).safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const found = first ? toIssues(raw, first)[0] : undefined;
    const issue: FlowIssue = found ?? { code: 'schema.invalid', path: '', params: {}, severity: 'error' };
    if (!Array.isArray(raw)) return { ok: false, issue };
    const path = issue.path.startsWith('[') ? `events${issue.path}` : `events.${issue.path}`;
    return { ok: false, issue: { ...issue, path } };
  }
  const data = parsed.data;
  return {
    ok: true,
    script: Array.isArray(data)
      ? { start: {}, events: data }
      : { start: data.start ?? {}, events: data.events },
  };
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** A time from a script: ms, an org-local "2026-11-24T10:30" (a bare date means noon), ISO with offset, or a preset. */
export function resolveTime(value: number | string, now: number, org: Organisation): number | null {
  if (typeof value === 'number') return value;
  const preset = callbackPresets(now, org).find((p) => p.id === value);
  if (preset) return preset.deadlineMs;
  const m = LOCAL.exec(value);
  if (m) {
    const [, y, mo, d, h = '12', mi = '00', s = '00'] = m;
    return (
      zonedToUtc(Number(y), Number(mo), Number(d), Number(h) * 60 + Number(mi), org.timeZone) +
      Number(s) * 1000
    );
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

export type TranscriptEntry =
  | { t: number; kind: 'line'; phase: Phase; stepId: string; line: RenderedLine }
  | {
      t: number;
      kind: 'event';
      type: string;
      accepted: boolean;
      notice: Pick<Notice, 'code' | 'params'> | null;
    }
  | { t: number; kind: 'wait'; seconds: number }
  | { t: number; kind: 'choices'; lines: string[] }
  | { t: number; kind: 'error'; error: ScriptError };

/** A script event that cannot be played: a time that is no time, an option the step does not have. */
export type ScriptError =
  | { code: 'badTime'; field: string; value: string }
  | { code: 'unknownOption'; optionId: string; stepId: string; known: string[] };

export interface SimulationResult {
  transcript: TranscriptEntry[];
  final: Record<string, unknown>;
}

function toCommand(
  e: Exclude<ScriptEvent, { type: 'wait' }>,
  now: number,
  org: Organisation,
): CallCommand | ScriptError {
  const at = (v: number | string | undefined) => (v === undefined ? undefined : resolveTime(v, now, org));
  switch (e.type) {
    case 'operator.callback': {
      const deadline = at(e.deadline);
      return deadline == null
        ? { code: 'badTime', field: 'deadline', value: String(e.deadline) }
        : { ...e, deadline };
    }
    case 'operator.end':
    case 'operator.outcomeDetails': {
      const date = at(e.date);
      if (e.date !== undefined && date == null)
        return { code: 'badTime', field: 'date', value: String(e.date) };
      return { ...e, date: date ?? undefined };
    }
    case 'operator.choose': {
      const date = at(e.details?.date);
      if (e.details?.date !== undefined && date == null)
        return { code: 'badTime', field: 'details.date', value: String(e.details.date) };
      return e.details
        ? { ...e, details: { ...e.details, date: date ?? undefined } }
        : { ...e, details: undefined };
    }
    default:
      return e;
  }
}

export function runSimulation(
  flow: FlowDefinition,
  script: SimulationScript,
  org: Organisation,
  operator: OperatorProfile,
  startAt: number,
): SimulationResult {
  const clock = new ManualClock(startAt);
  const scheduler = new ManualScheduler(clock);
  const session = startCall({
    flow,
    clock,
    scheduler,
    start: {
      callId: 'simulated',
      organisation: org,
      operator,
      transfersBefore: script.start.transfersBefore ?? 0,
      ...(script.start.callerPhone === undefined ? {} : { callerPhone: script.start.callerPhone }),
    },
  });
  const transcript: TranscriptEntry[] = [];
  const t = () => Math.round((clock.now() - startAt) / 1000);
  let lastLine = '';
  const showLine = () => {
    const s = session.getSnapshot();
    const line = renderedLine(flow, s, clock.now());
    const key = JSON.stringify([phase(s), s.context.stepId, line]);
    if (line && key !== lastLine) {
      transcript.push({ t: t(), kind: 'line', phase: phase(s), stepId: s.context.stepId, line });
      const choices = holdExpiredChoices(s);
      if (choices)
        transcript.push({ t: t(), kind: 'choices', lines: Object.values(choices).filter((c) => c !== null) });
    }
    lastLine = key;
  };
  session.onRecord((r) => {
    if (r.event.type.startsWith('clock.')) {
      transcript.push({
        t: Math.round((r.at - startAt) / 1000),
        kind: 'event',
        type: r.event.type,
        accepted: true,
        notice: null,
      });
      showLine();
    }
  });
  showLine();
  for (const e of script.events) {
    if (e.type === 'wait') {
      transcript.push({ t: t(), kind: 'wait', seconds: e.seconds });
      scheduler.advance(e.seconds * 1000);
      continue;
    }
    const command = toCommand(e, clock.now(), org);
    // A script error stops the run: what follows it was written for a call that did not happen.
    if ('code' in command) {
      transcript.push({ t: t(), kind: 'error', error: command });
      break;
    }
    // An option the step does not have is the script's mistake, not an event the engine may refuse.
    if (command.type === 'operator.choose') {
      const stepId = session.getSnapshot().context.stepId;
      const known = flow.steps.find((st) => st.id === stepId)?.options.map((o) => o.id) ?? [];
      if (!known.includes(command.optionId)) {
        transcript.push({
          t: t(),
          kind: 'error',
          error: { code: 'unknownOption', optionId: command.optionId, stepId, known },
        });
        break;
      }
    }
    const result = session.send(command);
    transcript.push({
      t: t(),
      kind: 'event',
      type: e.type,
      accepted: result.accepted,
      notice: result.notice ? { code: result.notice.code, params: result.notice.params } : null,
    });
    showLine();
  }
  const s = session.getSnapshot();
  const ctx = s.context;
  session.stop();
  return {
    transcript,
    final: {
      flow: `${flow.id}@${flow.version}`,
      state: statePath(s.value),
      status: s.status,
      stepId: ctx.stepId,
      outcome: ctx.outcome,
      end: ctx.end,
      transfers: { counter: transferCounter(flow, s).label, records: ctx.transfers },
      holds: ctx.holds.map((h) => ({
        promisedMinutes: h.promisedMinutes,
        extension: h.extension,
        heldSeconds: h.endedAt === null ? null : Math.round((h.endedAt - h.startedAt) / 1000),
        overrunSeconds: h.endedAt === null ? null : Math.max(0, Math.round((h.endedAt - h.deadline) / 1000)),
        endedBy: h.endedBy,
      })),
      callback: ctx.callback,
      offerCallback: ctx.offerCallback,
      available: availableActions(flow, s),
      events: session.log().length,
    },
  };
}
