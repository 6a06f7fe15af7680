// The sandbox's calls: the real engine on a manual clock, kept in memory only. Nothing here reaches the
// call log or the callbacks queue, so trying a draft leaves no trace in the records supervisors read.
import { startCall } from '../calls';
import type { OperatorProfile, Organisation } from '../calls/organisation';
import type { ManualScheduler } from '../calls/scheduler';
import type { FlowDefinition } from '../flows/types';
import type { ActiveCall, CallController, StartCallOptions } from '../services/callOwner/types';

export class SandboxController implements CallController {
  private active: ActiveCall | null = null;
  private readonly listeners = new Set<() => void>();
  private count = 0;

  constructor(
    private readonly flow: FlowDefinition,
    private readonly people: { organisation: Organisation; operator: OperatorProfile },
    readonly scheduler: ManualScheduler,
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
    const callId = `sandbox-${++this.count}`;
    const session = startCall({
      flow: this.flow,
      clock: this.scheduler.clock,
      scheduler: this.scheduler,
      start: {
        callId,
        ...this.people,
        transfersBefore: options.transfersBefore,
        direction: options.direction,
        ...(options.callerPhone === undefined ? {} : { callerPhone: options.callerPhone }),
      },
    });
    this.active = {
      callId,
      session,
      readOnly: false,
      storage: 'stored',
      send: (command) => Promise.resolve(session.send(command)),
      takeOver: () => Promise.resolve(),
      downloadRecord: () => undefined,
    };
    this.notify();
    return Promise.resolve(this.active);
  }

  finish(): Promise<void> {
    this.stop();
    return Promise.resolve();
  }

  stop(): void {
    this.active?.session.stop();
    this.active = null;
    this.notify();
  }
}
