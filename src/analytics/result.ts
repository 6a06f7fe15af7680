// How a call ended, as the supervisor lists, filters, exports and counts it: the outcome the operator
// chose (STANDARD §5), or put through to a colleague, or none (dropped, or still going on).

import { OUTCOMES, type Outcome } from '../flows/types';
import type { CallFacts, TransferFact } from './callFacts';

export const CALL_RESULTS = [...OUTCOMES, 'transferred', 'none'] as const;
export type CallResult = Outcome | 'transferred' | 'none';

/** A chosen outcome wins; a call that ended with a colleague on the line was transferred. */
export function resultOf(f: Pick<CallFacts, 'outcome' | 'endReason'>): CallResult {
  return f.outcome ?? (f.endReason === 'transferred' ? 'transferred' : 'none');
}

/** Whether the call reached an outcome: the base of first-contact resolution and the script rules. */
export function reachedOutcome(f: Pick<CallFacts, 'outcome' | 'endReason'>): boolean {
  return resultOf(f) !== 'none';
}

/** The colleague or department the call was put through to, if it was. */
export function transferredTo(f: Pick<CallFacts, 'transfers'>): TransferFact | null {
  return f.transfers.find((t) => t.status === 'connected') ?? null;
}
