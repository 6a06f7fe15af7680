import type { NoticeCode } from '../../calls/context';
import type { Phase } from '../../calls/select';
import type { Outcome } from '../../flows/types';

type Params = Record<string, string | number | string[]>;
const list = (v: Params[string] | undefined): string => (Array.isArray(v) ? v.join(', ') : String(v ?? ''));

/** Why the engine refused an action, for the operator. */
const notices: Record<NoticeCode, (p: Params) => string> = {
  transferLimitReached: () =>
    'Переключить нельзя: звонок уже дважды переключали, а стандарт допускает не больше двух переключений. Ответьте сами или пообещайте перезвонить.',
  transferTargetUnknown: (p) => `В справочнике организации нет адресата «${list(p.targetId)}».`,
  transferSummaryMissing: () => 'Кратко опишите вопрос для коллеги: клиенту не придётся повторять его.',
  holdOutOfRange: (p) => `Время ожидания — от ${list(p.min)} до ${list(p.max)} мин.`,
  holdAlreadyExtended: () =>
    'Дополнительное время уже просили один раз. Ответьте клиенту или предложите перезвонить.',
  callbackPhoneInvalid: () => 'Укажите российский номер телефона для обратного звонка.',
  callbackDeadlinePast: () => 'Срок обратного звонка должен быть в будущем.',
  callbackOutsideHours: () =>
    'Срок обратного звонка вне рабочего времени. Выберите время в рабочие часы или отметьте, что клиент согласен.',
  callbackQuestionMissing: () => 'Запишите вопрос клиента: с ним вы перезвоните.',
  outcomeDateMissing: () => 'Укажите дату, к которой вопрос будет решён.',
  outcomeReasonMissing: () => 'Укажите, почему вопрос решить нельзя, и что клиент может сделать дальше.',
  outcomeBodyMissing: () => 'Укажите орган, к которому относится вопрос.',
  outcomeNeedsCallback: () => 'Сначала оформите обратный звонок: номер, срок и вопрос.',
  requiredFieldsMissing: (p) => `Заполните: ${list(p.fields)}.`,
  fieldInvalid: (p) => `Поле «${list(p.fieldId)}» заполнено неверно.`,
  outcomeMissing: () => 'Выберите итог звонка.',
};

export const outcomes: Record<Outcome, string> = {
  resolved: 'Вопрос решён',
  byDate: 'Будет решён к сроку',
  noDate: 'Решается, точного срока нет',
  impossible: 'Решить нельзя',
  redirected: 'Перенаправлен в другой орган',
  callback: 'Обещан обратный звонок',
};

export const phases: Record<Phase, string> = {
  talking: 'Разговор',
  onHold: 'Удержание',
  holdWarning: 'Удержание: время на исходе',
  holdExpired: 'Удержание: обещанное время вышло',
  transferring: 'Переключение',
  farewell: 'Прощание',
  ended: 'Звонок завершён',
};

export { fillFirst, simulate } from './callsSimulate';

export const notice = (code: NoticeCode, params: Params): string => notices[code](params);

export const transferCounter = (used: number, max: number) => `Переключений: ${used} из ${max}`;

export const endReasons = {
  farewell: 'Звонок завершён прощанием',
  transferred: 'Звонок переключён на коллегу',
  brokenOff: 'Звонок прервался',
};

export const alternatives = { answerNow: 'Ответить сейчас', callback: 'Пообещать перезвонить' };
