// Read only by lazy chunks (the callbacks queue, the call history, the caller's history, the supervisor):
// vite.config.ts keeps this file out of the operator's first load.
import type { CallEventType } from '../../calls/events';
import type { Direction } from '../../flows/types';

/** Timeline labels of a call record, one per event the engine records. */
const events: Record<CallEventType | 'call.started', string> = {
  'call.started': 'Начало звонка',
  'operator.choose': 'Выбор',
  'operator.capture': 'Записано',
  'operator.hold': 'Удержание',
  'operator.extendHold': 'Удержание продлено',
  'operator.resume': 'Возврат на линию',
  'operator.transfer': 'Переключение',
  'operator.tryTransfer': 'Попытка третьего переключения — отказано',
  'transfer.connected': 'Коллега на линии',
  'transfer.failed': 'Переключение не удалось',
  'operator.callback': 'Обещан обратный звонок',
  'operator.outcomeDetails': 'Уточнение итога',
  'operator.end': 'Итог',
  'operator.finish': 'Завершение разговора',
  'operator.careFlags': 'Отмечена особая забота',
  'operator.personKind': 'Кто клиент',
  'caller.hungUp': 'Клиент положил трубку',
  'line.dropped': 'Связь прервалась',
  'clock.holdWarning': 'Обещанное время на исходе',
  'clock.holdExpired': 'Обещанное время вышло',
};

const directions: Record<Direction, string> = { inbound: 'Входящий', outbound: 'Исходящий' };

export { queue } from './callbacksQueue';
export { centre } from './centreCallbacks';

export const notify = {
  ask: 'Сообщать, когда подходит срок',
  granted: 'Уведомления о сроках включены.',
  denied: 'Уведомления запрещены в настройках браузера. Следите за сроками в списке.',
  unsupported: 'Браузер не умеет показывать уведомления. Следите за сроками в списке.',
  // No names or phones: a notification can be seen by anyone near the screen.
  title: 'Пора перезвонить',
  body: (when: string) => `Подошёл срок обещанного звонка (${when}). Откройте очередь в Суфлёре.`,
};

export const history = {
  title: 'Мои звонки',
  today: 'Сегодня',
  week: 'За неделю',
  empty: 'Звонков за этот период нет.',
  open: 'Открыть запись',
  back: 'К списку звонков',
  notFound: 'Запись звонка не найдена.',
  active: 'Идёт сейчас',
  noOutcome: 'Без итога',
  unknownCaller: 'Клиент не назвался',
  directions,
  events,
  timeline: 'Ход звонка',
  minutes: (n: number) => `${n} мин`,
  step: (title: string) => `шаг «${title}»`,
  transferRefused: 'Переключение не принято',
  outcomeChosen: (option: string, outcome: string) => `${option} — итог: ${outcome}`,
  outcomeDate: (date: string) => `срок: ${date}`,
  outcomeBody: (body: string) => `орган: ${body}`,
  outcomeReason: (reason: string) => `причина: ${reason}`,
  outcomeWayForward: (way: string) => `что делать: ${way}`,
  transfersBefore: (n: number) => `до оператора звонок переключали: ${n}`,
  transferTo: (target: string, summary: string, used: number, max: number) =>
    `${target}; для коллеги: «${summary}»; переключений ${used} из ${max}`,
  transferCount: (used: number, max: number) => `переключений уже ${used} из ${max}`,
  wrapUp: 'Итоги',
  summary: 'Кратко',
  topic: 'Тема',
  articles: 'Статьи базы знаний',
  satisfaction: (score: number) => `Оценка клиента: ${score} из 5`,
  surveyOffered: 'Опрос предложен',
  afterCall: (seconds: number) => `Работа после звонка: ${seconds} с`,
  operator: 'Оператор',
  loadFailed: 'Не удалось прочитать историю звонков.',
};

export const caller = {
  title: 'Этот клиент обращался раньше',
  calls: 'Прошлые звонки',
  openCallbacks: 'Обещанные звонки',
  callbackDue: (when: string) => `перезвонить ${when}`,
};
