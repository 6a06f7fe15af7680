// What personal data becomes when the retention period erases it: stand-ins that still pass the flow's own
// field validation, so an erased call replays along the same path and its anonymous figures stay.

import type { FieldKind } from '../flows/types';

/** Stand-ins by field kind; analytics asks only whether a name was captured, never what it was. */
export const ERASED: Readonly<Record<FieldKind, string>> = {
  personName: 'Аноним',
  phone: '+79000000000',
  appealNumber: '0',
  date: '2000-01-01',
  need: 'стёрто',
  text: 'стёрто',
};

/** Free text of the operator's (a handover summary, a reason, a callback's question) once erased. */
export const ERASED_TEXT = ERASED.text;

const BY_FIELD_ID: Readonly<Record<string, FieldKind>> = {
  callerName: 'personName',
  callerPhone: 'phone',
  need: 'need',
  appealNumber: 'appealNumber',
};

/**
 * The kind of a captured field when its flow version is no longer at hand: by the fields every shipped
 * flow shares, else by the shape the value was stored in (phones and dates are stored normalised).
 */
export function guessFieldKind(fieldId: string, value: string): FieldKind {
  const known = BY_FIELD_ID[fieldId];
  if (known) return known;
  if (/^\+7\d{10}$/.test(value)) return 'phone';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return 'date';
  return 'text';
}
