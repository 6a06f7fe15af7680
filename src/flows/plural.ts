// Russian plural forms as an operator says them on the phone: "на 1 минуту", "на 2 минуты", "на 5 минут".

/** The three Russian forms: for 1 (минуту), for 2–4 (минуты), for 5–20 and 0 (минут). */
export type PluralForms = readonly [one: string, few: string, many: string];

/** Picks the form for an integer n by the Russian rule (11–14 take "many", 21 takes "one"…). */
export function pluralForm(n: number, forms: PluralForms): string {
  const abs = Math.abs(Math.trunc(n));
  const lastTwo = abs % 100;
  const last = abs % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

/** "1 минуту", "2 минуты", "5 минут", "21 минуту", "111 минут". */
export function pluralRu(n: number, forms: PluralForms): string {
  return `${Math.trunc(n)} ${pluralForm(n, forms)}`;
}

/** Accusative forms: what follows "на" in "подождите, пожалуйста, на …". */
export const MINUTES_ACC: PluralForms = ['минуту', 'минуты', 'минут'];
export const HOURS_ACC: PluralForms = ['час', 'часа', 'часов'];

/**
 * A duration in whole minutes, in the accusative, as said on the phone: "1 минуту", "2 минуты",
 * "1 час", "1 час 30 минут". Fractions are rounded up: a promise should never be shorter than the
 * wait. Non-positive or non-finite input yields "" so a template reports it as missing.
 */
export function spokenMinutes(minutes: number): string {
  if (!Number.isFinite(minutes) || minutes <= 0) return '';
  const total = Math.ceil(minutes);
  const hours = Math.floor(total / 60);
  const rest = total % 60;
  if (hours === 0) return pluralRu(rest, MINUTES_ACC);
  const h = pluralRu(hours, HOURS_ACC);
  return rest === 0 ? h : `${h} ${pluralRu(rest, MINUTES_ACC)}`;
}
