// Russian texts for template variable names, stages, outcomes and field errors; the flow checker's
// messages are in flowIssues.ts and re-exported here, so `t.flows.issue` still reads as one area.
import type { FieldError } from '../../flows/fields';
import { label, OUTCOMES, STAGES } from './flowWords.ts';

export { cannotRead, issue, issueLine, noFiles, summary } from './flowIssues.ts';

/** Human names of template variables: what the operator is asked to fill in first. */
const VARIABLES: Record<string, string> = {
  greeting: 'приветствие по времени суток',
  'operator.fullName': 'ФИО оператора',
  'operator.surname': 'фамилия оператора',
  'operator.firstName': 'имя оператора',
  'operator.patronymic': 'отчество оператора',
  'operator.position': 'должность оператора',
  'operator.department': 'подразделение оператора',
  'organisation.fullName': 'полное название организации',
  'organisation.shortName': 'краткое название организации',
  'organisation.phone': 'телефон организации',
  'organisation.website': 'сайт организации',
  'organisation.email': 'электронная почта организации',
  'organisation.address': 'адрес организации',
  'caller.name': 'имя и отчество клиента',
  'caller.phone': 'телефон клиента',
  'caller.appealNumber': 'номер обращения',
  'caller.need': 'суть вопроса клиента',
  'hold.duration': 'время ожидания',
  'callback.deadline': 'срок обратного звонка',
  'callback.phone': 'телефон для обратного звонка',
  'callback.question': 'вопрос для обратного звонка',
  'transfer.target': 'кому переключить',
  'transfer.count': 'число переключений',
  'outcome.date': 'дата решения',
  'outcome.reason': 'причина',
  'outcome.wayForward': 'что можно сделать',
  'outcome.body': 'орган, куда перенаправлен вопрос',
};

const FIELD_ERRORS: Record<FieldError, string> = {
  'field.required': 'Заполните поле',
  'field.tooLong': 'Слишком длинное значение',
  'field.patternMismatch': 'Значение не подходит по формату',
  'name.notCyrillic': 'Имя и отчество — русскими буквами, можно через дефис',
  'name.tooManyWords': 'Не больше трёх слов: фамилия, имя, отчество',
  'appeal.noDigits': 'В номере обращения должны быть цифры',
  'appeal.invalidChars': 'В номере допустимы буквы, цифры, «-», «/» и «.»',
  'date.invalid': 'Такой даты нет; формат: ДД.ММ.ГГГГ',
  'need.noLetters': 'Запишите вопрос словами клиента',
  'phone.empty': 'Укажите номер телефона',
  'phone.invalidChars': 'В номере допустимы цифры, пробелы, скобки, дефисы и «+» в начале',
  'phone.tooShort': 'В номере не хватает цифр: нужно 10 цифр после +7 или 8',
  'phone.tooLong': 'В номере лишние цифры: нужно 10 цифр после +7 или 8',
  'phone.notRussian': 'Это не российский номер: нужен номер, начинающийся с +7 (3, 4, 8 или 9 после кода)',
};

/** "fields.x" → the field's own label is better; this is the fallback. */
export function variable(name: string): string {
  return VARIABLES[name] ?? name.replace(/^fields\./, 'поле ');
}

export const stage = (key: string): string => label(STAGES, key);
export const outcome = (key: string): string => label(OUTCOMES, key);

/** Message under a captured field that failed validation. */
export function fieldError(code: FieldError, patternHint?: string): string {
  return code === 'field.patternMismatch' && patternHint ? patternHint : FIELD_ERRORS[code];
}
