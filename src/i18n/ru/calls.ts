import type { Phase } from '../../calls/select';
import type { Outcome } from '../../flows/types';

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
export { notice } from './callNotices';

export const transferCounter = (used: number, max: number) => `Переключений: ${used} из ${max}`;

export const endReasons = {
  farewell: 'Звонок завершён прощанием',
  transferred: 'Звонок переключён на коллегу',
  brokenOff: 'Звонок прервался',
};

export const alternatives = { answerNow: 'Ответить сейчас', callback: 'Пообещать перезвонить' };
