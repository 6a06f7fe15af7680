// Care flags (STANDARD §1), apart from operator.ts: the caller card's flags come with the call screen's
// panels chunk just after the greeting, and the supervisor's timeline names them, so the operator's first
// load does not carry them.
import type { CareFlag } from '../../calls/events';

/** Care flags on the caller card (STANDARD §1): who needs extra care, and how to give it. */
export const care = {
  elderly: {
    label: 'Пожилой человек',
    hint: 'Говорите медленно и чётко, не торопите, повторите главное в конце.',
  },
  disability: {
    label: 'Инвалидность',
    hint: 'Спросите, какая помощь нужна; предложите удобный способ связи и сопровождение на приёме.',
  },
  hearing: {
    label: 'Плохо слышит',
    hint: 'Говорите громче и медленнее, повторяйте цифры и даты; предложите письменный ответ.',
  },
  littleRussian: {
    label: 'Плохо говорит по-русски',
    hint: 'Короткие простые фразы без сокращений; предложите переводчика или ответ письменно.',
  },
  lowDigital: {
    label: 'Мало опыта с интернетом',
    hint: 'Не отправляйте только на сайт: предложите телефон, личный приём или МФЦ.',
  },
} as const satisfies Record<CareFlag, { label: string; hint: string }>;
