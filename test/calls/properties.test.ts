// Property-based: random operator, caller and clock activity thrown at the engine for every flow file.
// Whatever happens, the standard's invariants hold, the record is well formed, and replay is exact.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_MACHINE_VERSION } from '../../src/calls/compile';
import { OUTCOMES, type FlowDefinition } from '../../src/flows/types';
import type { CallCommand } from '../../src/calls/events';
import { replayCall, stateFingerprint } from '../../src/calls/replay';
import { resumeCall, type PersistedCall } from '../../src/calls/session';
import { flowFiles, harness, loadFlow, ORG } from './helpers';

type Step = { wait: number } | { command: CallCommand };

const HOUR = 3_600_000;
const flows = flowFiles().map(loadFlow);

function commands(flow: FlowDefinition): fc.Arbitrary<Step> {
  const optionIds = [...new Set(flow.steps.flatMap((s) => s.options.map((o) => o.id))), 'no-such-option'];
  const fieldIds = [...new Set(flow.steps.flatMap((s) => s.capture.map((f) => f.id))), 'noSuchField'];
  const values = fc.constantFrom(
    'Ольга Ивановна',
    '+7 912 345-67-89',
    'ОГ-12/3',
    '25.11.2026',
    'вопрос',
    '',
    '???',
    'x'.repeat(300),
  );
  const text = fc.constantFrom('', '  ', 'Социальный фонд России', 'нет оснований');
  const details = fc.record(
    {
      date: fc.integer({ min: -2, max: 30 }).map((d) => d * 86_400_000),
      reason: text,
      wayForward: text,
      body: text,
    },
    { requiredKeys: [] },
  );
  const targets = [
    ...ORG.departments.slice(0, 2).map((d) => ({ kind: 'department' as const, id: d.id })),
    { kind: 'colleague' as const, id: ORG.departments[0]?.colleagues[0]?.id ?? 'x' },
    { kind: 'department' as const, id: 'nobody' },
  ];
  // Relative times (offsets, dates) are made absolute when the step runs, against the call's clock.
  const op = (c: CallCommand) => ({ command: c });
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc
        .constantFrom(...optionIds)
        .chain((optionId) => details.map((d) => op({ type: 'operator.choose', optionId, details: d }))),
    },
    {
      weight: 4,
      arbitrary: fc
        .tuple(fc.constantFrom(...fieldIds), values)
        .map(([fieldId, value]) => op({ type: 'operator.capture', fieldId, value })),
    },
    {
      weight: 2,
      arbitrary: fc.integer({ min: -1, max: 20 }).map((minutes) => op({ type: 'operator.hold', minutes })),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 0, max: 6 })
        .map((minutes) => op({ type: 'operator.extendHold', minutes })),
    },
    { weight: 2, arbitrary: fc.constant(op({ type: 'operator.resume' })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...targets), text)
        .map(([target, summary]) => op({ type: 'operator.transfer', target, summary })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(op({ type: 'transfer.connected' }), op({ type: 'transfer.failed' })),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          offset: fc.integer({ min: -2, max: 30 }),
          phone: fc.constantFrom(undefined, '+79123456789', '123'),
          question: fc.constantFrom(undefined, '', 'вопрос'),
        })
        .map(({ offset, phone, question }) =>
          op({
            type: 'operator.callback',
            deadline: offset * HOUR,
            ...(phone ? { phone } : {}),
            ...(question === undefined ? {} : { question }),
          }),
        ),
    },
    { weight: 1, arbitrary: details.map((d) => op({ type: 'operator.outcomeDetails', ...d })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom(...OUTCOMES), details)
        .map(([outcome, d]) => op({ type: 'operator.end', outcome, ...d })),
    },
    { weight: 2, arbitrary: fc.constant(op({ type: 'operator.finish' })) },
    { weight: 1, arbitrary: fc.constantFrom(op({ type: 'caller.hungUp' }), op({ type: 'line.dropped' })) },
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 400 }).map((wait) => ({ wait })) },
  );
}

/** Offsets in the generated commands become absolute times on the call's clock. */
function absolute(c: CallCommand, now: number): CallCommand {
  if (c.type === 'operator.callback') return { ...c, deadline: now + c.deadline };
  if (c.type === 'operator.choose' && c.details?.date !== undefined)
    return { ...c, details: { ...c.details, date: now + c.details.date } };
  if ((c.type === 'operator.end' || c.type === 'operator.outcomeDetails') && c.date !== undefined)
    return { ...c, date: now + c.date };
  return c;
}

const stored = (p: PersistedCall): PersistedCall => JSON.parse(JSON.stringify(p)) as PersistedCall;

describe.each(flows.map((f) => [f.id, f] as const))('random calls through %s', (_id, flow) => {
  it(
    'keep the rules, keep a well-formed record, and replay to exactly the same state',
    { timeout: 30_000 },
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 2 }),
          fc.array(commands(flow), { maxLength: 40 }),
          (transfersBefore, steps) => {
            const h = harness(flow, { transfersBefore, callerPhone: '+79123456789' });
            for (const step of steps) {
              if ('wait' in step) h.scheduler.advance(step.wait * 1000);
              else h.session.send(absolute(step.command, h.clock.now()));
              const s = h.session.getSnapshot();
              const ctx = s.context;
              // Counted here, not with the engine's own helper, so a miscount in the engine shows.
              expect(
                transfersBefore + ctx.transfers.filter((t) => t.status !== 'failed').length,
              ).toBeLessThanOrEqual(2);
              expect(ctx.holds.filter((x) => x.endedAt === null).length).toBe(s.hasTag('onHold') ? 1 : 0);
              for (const hold of ctx.holds)
                if (hold.endedAt !== null) expect(hold.endedAt).toBeGreaterThanOrEqual(hold.startedAt);
              if (s.status === 'done') {
                expect(ctx.end).not.toBeNull();
                if (ctx.end?.reason === 'farewell') expect(ctx.outcome).not.toBeNull();
                if (ctx.end?.reason === 'brokenOff' && ctx.callback === null)
                  expect(ctx.offerCallback?.phone).toBe('+79123456789');
              }
            }
            const log = h.session.log();
            log.forEach((r, i) => {
              expect(r.seq).toBe(i);
              expect([r.flowId, r.flowVersion]).toEqual([flow.id, flow.version]);
              if (i > 0) expect(r.at).toBeGreaterThanOrEqual(log[i - 1]!.at);
            });
            const live = stateFingerprint(h.session.getSnapshot());
            const replayed = replayCall(flow, log);
            expect(replayed.ok && stateFingerprint(replayed.snapshot)).toBe(live);
            const saved = stored(h.session.persist());
            for (const version of [CALL_MACHINE_VERSION, CALL_MACHINE_VERSION - 1]) {
              const resumed = resumeCall({
                flow,
                clock: h.clock,
                scheduler: h.scheduler,
                stored: { ...saved, machineVersion: version },
              });
              expect(resumed.ok && stateFingerprint(resumed.session.getSnapshot())).toBe(live);
              if (resumed.ok) resumed.session.stop();
            }
          },
        ),
        { numRuns: 40 },
      );
    },
  );
});
