import type { NoticeCode } from '../../../calls/context';
import type { Phase } from '../../../calls/select';
import type { Outcome } from '../../../flows/types';

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

const outcomes: Record<Outcome, string> = {
  resolved: 'Вопрос решён',
  byDate: 'Будет решён к сроку',
  noDate: 'Решается, точного срока нет',
  impossible: 'Решить нельзя',
  redirected: 'Перенаправлен в другой орган',
  callback: 'Обещан обратный звонок',
};

const phases: Record<Phase, string> = {
  talking: 'Разговор',
  onHold: 'Удержание',
  holdWarning: 'Удержание: время на исходе',
  holdExpired: 'Удержание: обещанное время вышло',
  transferring: 'Переключение',
  farewell: 'Прощание',
  ended: 'Звонок завершён',
};

export const calls = {
  notice: (code: NoticeCode, params: Params): string => notices[code](params),
  outcomes,
  phases,
  fillFirst: (names: string[]) => `Сначала заполните: ${names.join(', ')}`,
  transferCounter: (used: number, max: number) => `Переключений: ${used} из ${max}`,
  endReasons: {
    farewell: 'Звонок завершён прощанием',
    transferred: 'Звонок переключён на коллегу',
    brokenOff: 'Звонок прервался',
  },
  offerCallback: 'Звонок прервался. Номер клиента известен — перезвоните ему.',
  alternatives: { answerNow: 'Ответить сейчас', callback: 'Пообещать перезвонить' },
  simulate: {
    usage: 'Использование: npm run flows:simulate -- <файл сценария> <файл событий>',
    flowInvalid: (file: string) =>
      `Сценарий ${file} содержит ошибки; проверьте его командой npm run flows:check.`,
    cannotRead: (file: string) => `Не удалось прочитать файл ${file}.`,
    eventsInvalid: (file: string, detail: string) => `Файл событий ${file} не подходит: ${detail}`,
    notAvailable: (type: string) => `(событие ${type} сейчас недоступно — пропущено)`,
    waited: (seconds: number) => `(ожидание ${seconds} с)`,
    operatorSays: 'Оператор',
    orSay: 'или:',
  },
};
