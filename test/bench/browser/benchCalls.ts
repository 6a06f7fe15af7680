// Realistic call records for the storage and analytics benches: a few calls run through the real engine on
// the bundled inbound-consultation flow, then copied with new ids, times, names, phones and needs.
import consultation from '../../../scripts-flows/inbound-consultation.json';
import { sverdlovskDigital } from '../../../src/calls/samples/sverdlovskDigital';
import { ManualClock } from '../../../src/calls/clock';
import type { CallCommand } from '../../../src/calls/events';
import { operatorFullName, type OperatorProfile } from '../../../src/calls/organisation';
import type { CallRecordEvent } from '../../../src/calls/record';
import { ManualScheduler } from '../../../src/calls/scheduler';
import { startCall } from '../../../src/calls/session';
import type { CallbackRow, CallRow } from '../../../src/db/callsTables';
import { newCallbackRow, newCallRow } from '../../../src/db/callsRepository';
import { checkFlow } from '../../../src/flows/check';
import type { FlowDefinition } from '../../../src/flows/types';

export const BENCH_FLOW_ID = 'inbound-consultation';

let checked: FlowDefinition | null = null;
/** The shipped flow, read the way the app checks its bundled files (no Vite plugin needed here). */
export function benchFlow(): FlowDefinition {
  checked ??= checkFlow(consultation, `${BENCH_FLOW_ID}.json`).flow ?? null;
  if (!checked) throw new Error(`flow ${BENCH_FLOW_ID} does not pass its check`);
  return checked;
}

/** One event as the app stores it, with the summary row the operator workspace writes beside it. */
export interface BenchEvent {
  record: CallRecordEvent;
  row: CallRow;
}

export interface BenchCall {
  row: CallRow;
  events: BenchEvent[];
  /** The wrap-up: what finishCall writes. */
  finish: Partial<CallRow>;
  callback: CallbackRow | null;
}

const SEC = 1000;
/** Monday 09:00 in Yekaterinburg: the templates' callbacks fall inside working hours. */
const TEMPLATE_AT = Date.UTC(2026, 0, 12, 4, 0);
type Step = CallCommand | number;
const choose = (optionId: string): CallCommand => ({ type: 'operator.choose', optionId });
const capture = (fieldId: string, value: string): CallCommand => ({
  type: 'operator.capture',
  fieldId,
  value,
});

// Placeholders replaced per copy, so every call carries its own caller.
const NAME = 'Ивановна Ольга';
const PHONE = '+79120000000';
const NEED = 'справка о доходах для субсидии на оплату жилья';
const head: Step[] = [
  8 * SEC,
  choose('continue'),
  6 * SEC,
  capture('callerName', NAME),
  4 * SEC,
  capture('callerPhone', PHONE),
  choose('known'),
  25 * SEC,
  capture('need', NEED),
  choose('clear'),
  10 * SEC,
  choose('yes'),
  5 * SEC,
];
const SCRIPTS: Step[][] = [
  [...head, choose('answer'), 60 * SEC, choose('resolved'), 10 * SEC, choose('done'), 5 * SEC],
  [
    ...head,
    choose('lookup'),
    5 * SEC,
    { type: 'operator.hold', minutes: 2 },
    100 * SEC,
    { type: 'operator.resume' },
    10 * SEC,
    choose('found'),
    40 * SEC,
    choose('by-date'),
    10 * SEC,
    choose('done'),
  ],
  [...head, choose('later'), 20 * SEC, choose('agreed'), 10 * SEC, choose('done')],
  [...head, choose('elsewhere'), 30 * SEC, choose('told'), 10 * SEC, choose('done')],
];

const OPERATORS: OperatorProfile[] = Array.from({ length: 20 }, (_, i) => ({
  surname: ['Смирнова', 'Белов', 'Кузнецова', 'Попов'][i % 4] ?? 'Смирнова',
  firstName: ['Елена', 'Борис', 'Анна', 'Павел'][i % 4] ?? 'Елена',
  patronymic: `Викторовна${i}`,
  position: 'консультант',
  department: 'отдел по работе с обращениями',
}));

interface Template {
  log: CallRecordEvent[];
  callbackDeadlineAfterMs: number | null;
}

function runTemplate(flow: FlowDefinition, steps: Step[], at: number): Template {
  const clock = new ManualClock(at);
  const scheduler = new ManualScheduler(clock);
  const session = startCall({
    flow,
    clock,
    scheduler,
    start: {
      callId: 'template',
      organisation: sverdlovskDigital,
      operator: OPERATORS[0]!,
      transfersBefore: 0,
    },
  });
  for (const s of steps) {
    if (typeof s === 'number') scheduler.advance(s);
    else if (s.type === 'operator.choose' && s.optionId === 'agreed') {
      // Two hours on from a Monday morning: inside the sample organisation's working hours.
      const deadline = clock.now() + 2 * 3600 * SEC;
      // The promise settles the callback step itself (its phone is captured) and moves the call on.
      session.send({ type: 'operator.callback', deadline, question: NEED });
    } else {
      // Outcomes that need details get what an operator would type.
      const details =
        s.type !== 'operator.choose'
          ? null
          : s.optionId === 'by-date'
            ? { date: clock.now() + 5 * 86_400_000 }
            : s.optionId === 'elsewhere'
              ? { body: 'Министерство здравоохранения Свердловской области' }
              : null;
      const res = session.send(details && s.type === 'operator.choose' ? { ...s, details } : s);
      if (!res.accepted)
        throw new Error(`bench template: ${s.type} refused at ${session.log().at(-1)?.after.stepId}`);
    }
  }
  if (!session.send({ type: 'operator.finish' }).accepted) session.send({ type: 'caller.hungUp' });
  const log = [...session.log()];
  const cb = session.getSnapshot().context.callback;
  session.stop();
  return { log, callbackDeadlineAfterMs: cb ? cb.deadline - at : null };
}

/** A small deterministic generator, so every run writes the same calls. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

const FIRST = ['Ольга', 'Пётр', 'Мария', 'Иван', 'Анна', 'Сергей', 'Елена', 'Михаил'];
const PATRONYMIC = ['Ивановна', 'Сергеевич', 'Петровна', 'Ильич', 'Павловна', 'Олегович'];
const NEEDS = [
  'справка о доходах для субсидии на оплату жилья',
  'когда придёт ответ на обращение о ремонте дороги',
  'как записаться на приём к министру',
  'почему не пришло пособие за октябрь',
  'не работает интернет в селе, куда жаловаться',
];
const TOPICS = ['справки', 'пособия', 'госуслуги', 'связь', 'обращения'];

/** Swaps the template's caller for this copy's, wherever the engine wrote it. */
function personalise(text: string, name: string, phone: string, need: string): string {
  return text.replaceAll(NAME, name).replaceAll(PHONE, phone).replaceAll(NEED, need);
}

/**
 * `count` calls (numbered from `offset`) starting at `from`, one every `spacingMs` on average: each a copy of an engine-made log
 * (structured-cloned via JSON, then personalised), with its summary row, wrap-up and callback.
 */
export function benchCalls(count: number, from: number, spacingMs = 60_000, offset = 0): BenchCall[] {
  const flow = benchFlow();
  const templates = SCRIPTS.map((s) => runTemplate(flow, s, TEMPLATE_AT));
  const texts = templates.map((t) => JSON.stringify(t.log));
  const r = rng(7 + offset);
  const out: BenchCall[] = [];
  let startedAt = from + offset * spacingMs;
  for (let i = offset; i < offset + count; i++) {
    startedAt += Math.floor(spacingMs * (0.5 + r()));
    const k = Math.floor(r() * templates.length);
    const template = templates[k]!;
    const name = `${FIRST[i % FIRST.length]} ${PATRONYMIC[(i >> 3) % PATRONYMIC.length]}`;
    const phone = `+7912${String(1_000_000 + i).padStart(7, '0')}`;
    const need = NEEDS[i % NEEDS.length]!;
    const operator = OPERATORS[i % OPERATORS.length]!;
    const id = `bench-${i}`;
    const shift = startedAt - TEMPLATE_AT;
    const log = (JSON.parse(personalise(texts[k]!, name, phone, need)) as CallRecordEvent[]).map((e) => {
      e.callId = id;
      e.at += shift;
      if ('at' in e.event) e.event.at += shift;
      if (e.event.type === 'call.started') {
        e.event.start = { ...e.event.start, callId: id, startedAt, operator };
      }
      if (e.event.type === 'operator.callback') e.event.deadline += shift;
      return e;
    }); // parsed from the engine's own log, stringified above
    const last = log.at(-1)!;
    const endedAt = last.at;
    const outcome = (['resolved', 'byDate', 'callback', 'redirected'] as const)[k] ?? null;
    const row = newCallRow({
      id,
      flowId: flow.id,
      flowVersion: flow.version,
      direction: 'inbound',
      startedAt,
      operatorName: operatorFullName(operator),
      transfersBefore: 0,
    });
    let current = row;
    const events = log.slice(1).map((record) => {
      const e = record.event;
      const patch: Partial<CallRow> = { lastSeq: record.seq };
      if (e.type === 'operator.capture' && e.fieldId === 'callerName') patch.callerName = name;
      if (e.type === 'operator.capture' && e.fieldId === 'callerPhone') patch.callerPhone = phone;
      if (record.after.state === 'ended') Object.assign(patch, { endedAt, endReason: 'farewell' });
      current = { ...current, ...patch };
      return { record, row: current };
    });
    const deadline =
      template.callbackDeadlineAfterMs === null ? null : startedAt + template.callbackDeadlineAfterMs;
    const callback =
      deadline === null
        ? null
        : newCallbackRow({
            id: `${id}:callback`,
            callId: id,
            flowId: flow.id,
            organisationId: sverdlovskDigital.id,
            phone,
            deadline,
            question: need,
            callerName: name,
            appealNumber: null,
            createdAt: endedAt,
            outsideHours: false,
          });
    out.push({
      row,
      events: [{ record: log[0]!, row }, ...events],
      callback,
      finish: {
        callerName: name,
        callerNameKey: name.toLowerCase(),
        callerPhone: phone,
        outcome,
        endedAt,
        finishedAt: endedAt + 40_000,
        afterCallMs: 40_000,
        endReason: 'farewell',
        summary: `${name}: ${need}. Ответ дан по статье базы знаний.`,
        topic: TOPICS[i % TOPICS.length] ?? null,
        articlesUsed: r() < 0.5 ? [`article-${Math.floor(r() * 200)}`] : [],
        satisfaction: r() < 0.4 ? 1 + Math.floor(r() * 5) : null,
        surveyOffered: true,
        lastSeq: log.length - 1,
        status: 'ended',
      },
    });
  }
  return out;
}

/** The call as stored once finished: the row with its wrap-up, every event, the callback. */
export function finishedRow(c: BenchCall): CallRow {
  return { ...c.row, ...c.finish, status: 'ended' };
}
