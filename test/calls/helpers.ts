// Shared setup for the call engine tests: flows from scripts-flows/, a sample organisation and operator,
// and a session on a manual clock.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { sverdlovskDigital } from '../../src/calls/samples/sverdlovskDigital';
import { ManualClock } from '../../src/calls/clock';
import type { CallStart } from '../../src/calls/context';
import type { OperatorProfile, Organisation } from '../../src/calls/organisation';
import { ManualScheduler } from '../../src/calls/scheduler';
import { startCall, type CallSession } from '../../src/calls/session';
import { checkFlow, checkFlowFile } from '../../src/flows/check';
import { restoreFlow } from '../../src/flows/restore';
import type { FlowDefinition } from '../../src/flows/types';

export const ORG: Organisation = sverdlovskDigital;

export const OPERATOR: OperatorProfile = {
  surname: 'Смирнова',
  firstName: 'Елена',
  patronymic: 'Викторовна',
  position: 'консультант',
  department: 'отдел по работе с обращениями',
};

/** Tuesday 24 November 2026, 10:30 in Yekaterinburg (UTC+5): a working morning. */
export const TUESDAY_1030 = Date.UTC(2026, 10, 24, 5, 30);

export const FLOWS_DIR = resolve(import.meta.dirname, '../../scripts-flows');

export function flowFiles(): string[] {
  return readdirSync(FLOWS_DIR)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
}

export function loadFlow(file: string): FlowDefinition {
  const checked = checkFlowFile(readFileSync(resolve(FLOWS_DIR, file), 'utf8'), file);
  if (!checked.flow) throw new Error(`${file}: ${JSON.stringify(checked.issues)}`);
  return checked.flow;
}

export function flowFrom(raw: unknown): FlowDefinition {
  const checked = checkFlow(raw);
  if (!checked.flow) throw new Error(JSON.stringify(checked.issues));
  return checked.flow;
}

/**
 * A flow of the right shape that the checker may refuse (e.g. one that skips understanding): records are
 * read through whatever flow they ran, and some tests need a flow that breaks a rule on purpose.
 */
export function shapedFlowFrom(raw: unknown): FlowDefinition {
  const restored = restoreFlow(raw);
  if (!restored.ok) throw new Error(JSON.stringify(restored));
  return restored.flow;
}

/**
 * A small inbound flow written for the engine tests: its greeting does not greet by time of day (the
 * engine must add it), its answer step settles outcomes, and it has one farewell for any outcome.
 */
export const TINY_FLOW = {
  id: 'tiny',
  version: 3,
  title: 'Проверочный сценарий',
  direction: 'inbound',
  client: 'external',
  start: 'hello',
  steps: [
    {
      id: 'hello',
      stage: 'greeting',
      say: 'Слушаю вас.',
      options: [{ id: 'go', label: 'Дальше', next: 'who' }],
    },
    {
      id: 'who',
      stage: 'identification',
      say: 'Как к вам обращаться?',
      capture: [
        { id: 'callerName', label: 'Имя и отчество', kind: 'personName', required: true },
        { id: 'callerPhone', label: 'Телефон', kind: 'phone', required: false },
      ],
      options: [{ id: 'go', label: 'Дальше', next: 'need' }],
    },
    {
      id: 'need',
      stage: 'needs',
      say: '{{caller.name}}, слушаю ваш вопрос.',
      capture: [{ id: 'need', label: 'Вопрос', kind: 'need', required: false }],
      options: [{ id: 'go', label: 'Дальше', next: 'check' }],
    },
    {
      id: 'check',
      stage: 'understanding',
      say: 'Правильно ли я понимаю ваш вопрос?',
      options: [{ id: 'yes', label: 'Да', next: 'answer' }],
    },
    {
      id: 'answer',
      stage: 'resolution',
      say: 'Отвечаю. Остались ли у вас ещё вопросы?',
      checks: ['askedForMore'],
      options: [
        { id: 'resolved', label: 'Решён', next: 'bye', outcome: 'resolved' },
        { id: 'by-date', label: 'К сроку', next: 'bye', outcome: 'byDate' },
      ],
    },
    { id: 'bye', stage: 'farewell', say: 'Спасибо за звонок, {{caller.name}}!' },
  ],
} as const;

export interface Harness {
  flow: FlowDefinition;
  clock: ManualClock;
  scheduler: ManualScheduler;
  session: CallSession;
}

export function harness(
  flow: FlowDefinition = flowFrom(TINY_FLOW),
  opts: {
    at?: number;
    transfersBefore?: number;
    callerPhone?: string;
    org?: Organisation;
    handover?: CallStart['handover'];
    callId?: string;
  } = {},
): Harness {
  const clock = new ManualClock(opts.at ?? TUESDAY_1030);
  const scheduler = new ManualScheduler(clock);
  const session = startCall({
    flow,
    clock,
    scheduler,
    start: {
      callId: opts.callId ?? 'call-1',
      organisation: opts.org ?? ORG,
      operator: OPERATOR,
      transfersBefore: opts.transfersBefore ?? 0,
      ...(opts.callerPhone === undefined ? {} : { callerPhone: opts.callerPhone }),
      ...(opts.handover ? { handover: opts.handover } : {}),
    },
  });
  return { flow, clock, scheduler, session };
}

/** Walks the tiny flow to the resolution step, capturing the caller's name. */
export function toAnswer(h: Harness): void {
  const { session } = h;
  session.send({ type: 'operator.choose', optionId: 'go' });
  session.send({ type: 'operator.capture', fieldId: 'callerName', value: 'Ольга Ивановна' });
  session.send({ type: 'operator.choose', optionId: 'go' });
  session.send({ type: 'operator.choose', optionId: 'go' });
  session.send({ type: 'operator.choose', optionId: 'yes' });
}
