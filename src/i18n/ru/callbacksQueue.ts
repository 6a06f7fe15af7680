// Russian texts of the promised-callbacks queue (a lazy route): apart from callbacks.ts so that the
// operator's first load does not carry them.
import type { CallbackAttemptResult } from '../../db';

const attempts: Record<CallbackAttemptResult, string> = {
  noAnswer: 'Не ответили',
  busy: 'Занято',
  wrongNumber: 'Неверный номер',
};

export const queue = {
  title: 'Обещанные звонки',
  empty: 'Обещанных звонков нет.',
  noStorage: 'Хранилище браузера недоступно: очередь обратных звонков не ведётся.',
  due: (when: string) => `Срок: ${when}`,
  rescheduled: (when: string) => `Новый срок: ${when}`,
  overdue: 'Срок прошёл',
  dueSoon: 'Скоро срок',
  call: 'Позвонить',
  busyWithCall: 'Сначала завершите текущий звонок.',
  startFailed: 'Не удалось начать звонок. Попробуйте ещё раз.',
  noFlow: 'Нет сценария исходящего звонка.',
  attempts,
  attemptsTitle: 'Попытки',
  attemptLabel: 'Результат попытки',
  attemptSaveFailed: 'Попытку не удалось сохранить.',
  question: 'Вопрос',
  outsideHours: 'Вне рабочего времени — по согласию клиента',
};
