// What personal data becomes when the retention period erases it: stand-ins that still pass the flow's own
// field validation, so an erased call replays along the same path and its anonymous figures stay.

import type { OutcomeDetails } from '../calls/events';
import type { CallRecordEvent } from '../calls/record';
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

const text = (v: string | undefined): string | undefined =>
  v === undefined || v.trim() === '' ? v : ERASED_TEXT;

/** Reasons and ways forward are the operator's words about the caller's case; the body is an authority. */
function erasedDetails<T extends OutcomeDetails>(d: T): T {
  const out = { ...d };
  if (d.reason !== undefined) out.reason = text(d.reason);
  if (d.wayForward !== undefined) out.wayForward = text(d.wayForward);
  return out;
}

/** The event with every personal value replaced by its stand-in (the same event when it held none). */
export function erasedEvent(
  r: CallRecordEvent,
  kindOf: (fieldId: string, value: string) => FieldKind,
): CallRecordEvent {
  const e = r.event;
  switch (e.type) {
    case 'call.started':
      return e.start.callerPhone === undefined
        ? r
        : { ...r, event: { ...e, start: { ...e.start, callerPhone: ERASED.phone } } };
    case 'operator.capture':
      return e.value.trim() === '' ? r : { ...r, event: { ...e, value: ERASED[kindOf(e.fieldId, e.value)] } };
    case 'operator.transfer':
      return { ...r, event: { ...e, summary: text(e.summary) ?? '' } };
    case 'operator.callback': {
      // A callback may name the caller it is owed to, besides the name captured in the call.
      const event: typeof e & { callerName?: string } = { ...e };
      if (event.callerName !== undefined) event.callerName = ERASED.personName;
      if (e.phone !== undefined) event.phone = ERASED.phone;
      if (e.question !== undefined) event.question = text(e.question);
      return { ...r, event };
    }
    case 'operator.choose':
      return e.details ? { ...r, event: { ...e, details: erasedDetails(e.details) } } : r;
    case 'operator.outcomeDetails':
    case 'operator.end':
      return { ...r, event: erasedDetails(e) };
    default:
      return r;
  }
}
