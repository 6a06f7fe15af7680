// Model-based walks over every flow in scripts-flows/: the compiled machine is the model, a live call
// session on a manual clock is the system under test, and each path must end the way the standard says.
import { describe, expect, it } from 'vitest';
import { createTestModel } from 'xstate/graph';
import { compileFlow } from '../../src/calls/compile';
import { renderedLine } from '../../src/calls/select';
import { currentHold } from '../../src/calls/rules';
import { statePath } from '../../src/calls/record';
import type { CallEvent } from '../../src/calls/events';
import type { CallSnapshot } from '../../src/calls/session';
import type { FlowDefinition } from '../../src/flows/types';
import { flowFiles, harness, loadFlow, OPERATOR, ORG, TUESDAY_1030 } from '../calls/helpers';
import { abstractKey, flowEvents, flowKey, ruleEvents } from '../calls/modelEvents';

const input = (flow: FlowDefinition) => ({
  callId: 'call-1',
  organisation: ORG,
  operator: OPERATOR,
  transfersBefore: 0,
  startedAt: TUESDAY_1030,
  ...(flow.direction === 'outbound' ? { callerPhone: '+79123456789' } : {}),
});

function checkInvariants(s: CallSnapshot): void {
  // Counted here, not with the engine's helper; the walk starts with no earlier transfers.
  expect(s.context.transfers.filter((t) => t.status !== 'failed').length).toBeLessThanOrEqual(2);
  const open = s.context.holds.filter((h) => h.endedAt === null);
  expect(open.length).toBe(s.hasTag('onHold') ? 1 : 0);
  if (s.status === 'done') {
    expect(s.context.end).not.toBeNull();
    if (s.context.end?.reason === 'farewell') expect(s.context.outcome).not.toBeNull();
    if (s.context.end?.reason === 'transferred') expect(s.context.transfers.at(-1)?.status).toBe('connected');
  }
}

/** Plays a model path on a live session, letting timers fire from the scheduler instead of sending them. */
function playOnSession(flow: FlowDefinition, events: CallEvent[]) {
  const h = harness(flow, flow.direction === 'outbound' ? { callerPhone: '+79123456789' } : {});
  for (const e of events) {
    if (!('at' in e)) continue; // the model's own xstate.init step
    if (e.type === 'clock.holdWarning' || e.type === 'clock.holdExpired') {
      h.scheduler.advance(Math.max(0, e.at - h.clock.now()));
      continue;
    }
    h.clock.set(Math.max(h.clock.now(), e.at));
    const { at: _at, ...command } = e;
    h.session.send(command);
  }
  return h;
}

describe.each(flowFiles())('%s', (file) => {
  const flow = loadFlow(file);
  const machine = compileFlow(flow, { withoutTimer: true });

  it(
    'every path through the flow ends in a farewell with an outcome the farewell line can say',
    { timeout: 20_000 },
    () => {
      const model = createTestModel(machine, {
        input: input(flow),
        events: (s) => flowEvents(flow, s),
        serializeState: (s) => flowKey(flow, s),
        // The model fills in bare events for types it was not given: walk only the ones generated here.
        filterEvents: (_s, e) => 'at' in e,
      });
      const paths = model.getSimplePaths({ toState: (s) => s.status === 'done' });
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) {
        const end = path.state;
        checkInvariants(end);
        expect(end.context.end?.reason).toBe('farewell');
        expect(end.context.outcome).not.toBeNull();
        const farewell = path.steps.at(-2)?.state;
        expect(farewell?.hasTag('farewell')).toBe(true);
        expect(renderedLine(flow, farewell!, farewell!.context.lastAt)?.kind).toBe('ready');
      }
    },
  );

  it(
    'with holds, transfers, callbacks and break-offs from any step, the rules hold and the live call agrees',
    { timeout: 30_000 },
    () => {
      const model = createTestModel(machine, {
        input: input(flow),
        events: (s) => [...flowEvents(flow, s), ...ruleEvents(flow, s, ORG)],
        serializeState: (s) => abstractKey(flow, s),
        filterEvents: (_s, e) => 'at' in e,
      });
      const paths = model.getShortestPaths();
      expect(paths.length).toBeGreaterThan(flow.steps.length);
      const seenHoldStates = new Set<string>();
      for (const path of paths) {
        checkInvariants(path.state);
        for (const st of path.steps)
          if (st.state.hasTag('onHold')) seenHoldStates.add(statePath(st.state.value));
        const events = path.steps.map((st) => st.event);
        const live = playOnSession(flow, events);
        const snap = live.session.getSnapshot();
        expect(statePath(snap.value)).toBe(statePath(path.state.value));
        // The walk keeps one representative state per abstract key: the context is checked on the live call.
        checkInvariants(snap);
        // Every hold ends: from wherever a hold stands, the clock alone brings the prompt to return.
        if (currentHold(snap.context)) {
          const h = live;
          h.scheduler.advance(flow.limits.holdMaxMinutes * 60_000);
          expect(h.session.getSnapshot().hasTag('holdExpired')).toBe(true);
        }
      }
      expect([...seenHoldStates].sort()).toEqual([
        'active.onHold.counting',
        'active.onHold.expired',
        'active.onHold.warned',
      ]);
    },
  );
});
