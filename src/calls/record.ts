// The call record: one timestamped, serialisable entry per accepted event, naming the flow and version.
// The log is the source of truth for a call: replaying it through the same flow version rebuilds the state.

import type { CallStart } from './context';
import type { CallEvent } from './events';

export interface CallStartedEvent {
  type: 'call.started';
  at: number;
  start: CallStart;
}

export interface CallRecordEvent {
  /** 0 for the start, then 1, 2, … without gaps. */
  seq: number;
  at: number;
  callId: string;
  flowId: string;
  flowVersion: number;
  event: CallStartedEvent | CallEvent;
  /** Where the call stood after the event: for supervisors and analytics, not needed to replay. */
  after: { state: string; stepId: string };
}

/** "active.onHold.warned": the state value as one dotted path (the machine has no parallel states). */
export function statePath(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const [key, child] = Object.entries(value)[0] ?? [];
    return key === undefined ? '' : `${key}.${statePath(child)}`.replace(/\.$/, '');
  }
  return '';
}
