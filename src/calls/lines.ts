// The engine's own lines, said in every flow whatever its author wrote (STANDARD §2, §5): the greeting
// when a flow's first line lacks one, the hold prompts, the handover and a farewell for each outcome.

import type { Outcome } from '../flows/types';

/** Put before a greeting-stage line that does not greet by time of day itself. */
export const GREETING_INTRO =
  '{{greeting}}! {{organisation.shortName}}, {{operator.position}} {{operator.fullName}}.';

/** Said when putting the caller on hold: the promise. */
export const HOLD_PROMISE =
  'Оставайтесь, пожалуйста, на линии: мне понадобится {{hold.duration}}, чтобы уточнить информацию.';

/** Said on coming back before the promise runs out. */
export const HOLD_RETURN = 'Спасибо за ожидание!';

/** At expiry: thank, then one of three ways on. */
export const HOLD_EXPIRED = 'Спасибо за ожидание!';
export const HOLD_EXPIRED_CHOICES = {
  answer: 'Спасибо за ожидание! У меня есть ответ на ваш вопрос.',
  moreTime:
    'Спасибо за ожидание! Мне нужно ещё немного времени, чтобы дать точный ответ. Вы сможете подождать ещё?',
  callback:
    'Спасибо за ожидание! Чтобы не задерживать вас, я могу перезвонить вам с готовым ответом. По какому номеру и когда вам удобно?',
} as const;

export const HANDOVER =
  'Сейчас я соединю вас: {{transfer.target}}. Я передам коллеге суть вашего вопроса, повторять его не придётся. Оставайтесь, пожалуйста, на линии.';

/** Alternatives when a third transfer is refused (STANDARD §4). */
export const TRANSFER_REFUSED_CHOICES = {
  answerNow: 'Давайте я постараюсь ответить на ваш вопрос прямо сейчас.',
  callback: 'Я уточню ответ и перезвоню вам. Подскажите, по какому номеру и когда вам удобно?',
} as const;

const THANKS = 'Остались ли у вас вопросы? Спасибо за обращение, всего доброго!';

/** Where the question stands (STANDARD §5): said before a catch-all farewell, so the client always knows. */
export const OUTCOME_STATEMENTS: Record<Outcome, string> = {
  resolved: 'Ваш вопрос решён.',
  byDate: 'Ваш вопрос будет решён до {{outcome.date}}.',
  noDate:
    'Ваш вопрос будет решён, но точный срок сейчас назвать нельзя: мы сообщим, как только он станет известен.',
  impossible:
    'К сожалению, решить этот вопрос нельзя: {{outcome.reason}}. Что можно сделать: {{outcome.wayForward}}.',
  redirected: 'Ваш вопрос относится к ведению другого органа: {{outcome.body}}.',
  callback: 'Я перезвоню вам {{callback.deadline}} по номеру {{callback.phone}} с ответом на ваш вопрос.',
};

/** The engine's own farewell, for flows with no farewell step that fits. */
export function engineFarewell(outcome: Outcome): string {
  return `${OUTCOME_STATEMENTS[outcome]} ${THANKS}`;
}
