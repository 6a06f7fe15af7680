// An in-memory CallController around the real engine on a manual clock: real calls, fake storage.
import {
  resumeCall,
  startCall,
  type CallCommand,
  type CallSession,
  type CallView,
  type PersistedCall,
} from '../../src/calls';
import { startCommitted } from '../../src/services/callOwner/committedCall';
import type { ManualScheduler } from '../../src/calls/scheduler';
import type { OperatorProfile, Organisation } from '../../src/calls/organisation';
import type { FlowDefinition } from '../../src/flows/types';
import type {
  ActiveCall,
  CallController,
  StartCallOptions,
  WrapUp,
} from '../../src/services/callOwner/types';

export class FakeController implements CallController {
  private active: ActiveCall | null = null;
  private readonly listeners = new Set<() => void>();
  readonly started: StartCallOptions[] = [];
  readonly finished: WrapUp[] = [];
  readonly sent: CallCommand[] = [];
  /** While set, a send reaches the call at once but its promise waits (a slow disk); release() settles them. */
  slowSends = false;
  private readonly pendingSends: (() => void)[] = [];

  constructor(
    private readonly deps: {
      flows: readonly FlowDefinition[];
      organisation: Organisation;
      operator: OperatorProfile;
      scheduler: ManualScheduler;
      readOnly?: boolean;
      heldElsewhere?: boolean;
      storage?: ActiveCall['storage'];
      /**
       * The screen shows what is stored, as with the real controller: a send held back by `slowSends`
       * is in the call at once but on screen only once released.
       */
      committedScreen?: boolean;
    },
  ) {}

  getActive = (): ActiveCall | null => this.active;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private notify(): void {
    for (const l of this.listeners) l();
  }

  start(options: StartCallOptions): Promise<ActiveCall> {
    const flow = this.deps.flows.find((f) => f.id === options.flowId);
    if (!flow) return Promise.reject(new Error(`no flow ${options.flowId}`));
    this.started.push(options);
    const callId = `call-${this.started.length}`;
    const session = startCall({
      flow,
      clock: this.deps.scheduler.clock,
      scheduler: this.deps.scheduler,
      start: {
        callId,
        organisation: this.deps.organisation,
        operator: this.deps.operator,
        transfersBefore: options.transfersBefore,
        direction: options.direction,
        ...(options.callerPhone === undefined ? {} : { callerPhone: options.callerPhone }),
      },
    });
    const call = this.callOf(callId, session);
    this.active = call;
    this.notify();
    return Promise.resolve(call);
  }

  private callOf(callId: string, session: CallSession): ActiveCall {
    let events = 0;
    const stored = this.deps.committedScreen
      ? startCommitted({ view: session.getSnapshot(), events })
      : undefined;
    const commit = (view: CallView) =>
      stored?.send({ type: 'storage.committed', state: { view, events: ++events } });
    return {
      callId,
      session,
      ...(stored && { stored }),
      readOnly: this.deps.readOnly ?? false,
      ...(this.deps.heldElsewhere !== undefined && { heldElsewhere: this.deps.heldElsewhere }),
      storage: this.deps.storage ?? 'stored',
      send: (command) => {
        this.sent.push(command);
        const result = session.send(command);
        const view = session.getSnapshot();
        if (!this.slowSends) {
          commit(view);
          return Promise.resolve(result);
        }
        return new Promise((resolve) =>
          this.pendingSends.push(() => {
            commit(view);
            resolve(result);
          }),
        );
      },
      takeOver: () => Promise.resolve(),
      downloadRecord: () => undefined,
    };
  }

  /** Settles every send held back by `slowSends`. */
  releaseSends(): void {
    for (const settle of this.pendingSends.splice(0)) settle();
  }

  /** As a page reload would: the call comes back from its stored log alone (no snapshot). */
  reload(): void {
    const call = this.active;
    if (!call) throw new Error('no call to reload');
    const stored = JSON.parse(JSON.stringify(call.session.persist())) as PersistedCall; // a stored copy
    stored.snapshot = null;
    call.session.stop();
    const { scheduler } = this.deps;
    const resumed = resumeCall({ flow: call.session.flow, clock: scheduler.clock, scheduler, stored });
    if (!resumed.ok) throw new Error(resumed.error);
    this.active = this.callOf(call.callId, resumed.session);
    this.notify();
  }

  finish(wrapUp: WrapUp): Promise<void> {
    this.finished.push(wrapUp);
    this.active?.session.stop();
    this.active = null;
    this.notify();
    return Promise.resolve();
  }
}
