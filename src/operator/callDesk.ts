import type { CallSession } from '../calls';
import type { Clock } from '../calls/clock';
import type { Send } from './useCallSend';

/**
 * What the parts of the call screen work with, built once by the screen and handed on whole: the call,
 * the clock, how to act on the call, and whether this tab may (a read-only tab may not).
 */
export type CallDesk = { session: CallSession; clock: Clock; send: Send; disabled: boolean };
