// Captured values go through the flow format's own field validation (one implementation for the
// editor, the validator and the call), so the caller card only ever holds normalised, valid values.

import { validateField } from '../flows/fields';
import { normalizeRuPhone } from '../flows/phone';
import type { CaptureField, FlowDefinition } from '../flows/types';

export type CaptureResult = { ok: true; value: string } | { ok: false; code: string };

/** The field's definition: the current step's first, else the first step that captures it. */
export function findField(flow: FlowDefinition, stepId: string, fieldId: string): CaptureField | undefined {
  const here = flow.steps.find((s) => s.id === stepId)?.capture.find((f) => f.id === fieldId);
  return here ?? flow.steps.flatMap((s) => s.capture).find((f) => f.id === fieldId);
}

/** Validates and normalises a captured value; an empty value clears the field. */
export function captureValue(
  flow: FlowDefinition,
  stepId: string,
  fieldId: string,
  raw: string,
): CaptureResult {
  const field = findField(flow, stepId, fieldId);
  if (!field) return { ok: false, code: 'unknownField' };
  if (typeof raw !== 'string') return { ok: false, code: 'notText' };
  if (raw.trim() === '') return { ok: true, value: '' };
  return validateField(field, raw);
}

/** "+7XXXXXXXXXX" for any way a Russian number is written, or null. */
export function normaliseCallbackPhone(raw: string): string | null {
  return normalizeRuPhone(raw);
}
