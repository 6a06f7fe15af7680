import type { StepOption } from '../flows/types';

/** The panel open beside the line: one at a time, so the number keys always mean one thing. */
export type Panel =
  | { kind: 'hold'; extend: boolean }
  | { kind: 'transfer' }
  | { kind: 'callback' }
  /** `option`: the step option being chosen, which settles an outcome that needs details first. */
  | { kind: 'outcome'; option: StepOption | null };

/** Outcomes that need details (a date, a reason, the other body) before they can be settled. */
export const DETAILED_OUTCOMES = ['byDate', 'impossible', 'redirected'] as const;
