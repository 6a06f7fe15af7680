// The engine's refusals in words, apart from calls.ts: only the call screen's panels chunk shows them, so
// the operator's first load does not carry them (a module is placed whole, with every export of it).
import type { NoticeCode } from '../../calls/context';

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

export const notice = (code: NoticeCode, params: Params): string => notices[code](params);
