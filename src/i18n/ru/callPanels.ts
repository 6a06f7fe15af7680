// The call screen's needs discovery, panels (hold, transfer, callback, outcome), wrap-up and shortcut list:
// read only by the lazy chunk of src/operator/lazyPanels.tsx, so vite.config.ts keeps this file out of the
// operator's first load.

export const callPanels = {
  /** The step's suggested articles in the side column. */
  suggestions: {
    suggestions: 'Подсказки к шагу',
    none: 'Для этого шага подсказок нет.',
    used: (n: number) => `Отмечено статей: ${n}`,
    close: 'Закрыть статью',
  },
  needs: {
    region: 'Выяснение потребности',
    questions: 'Наводящие вопросы',
    need: 'Потребность клиента',
    topic: 'Тема обращения',
    none: 'не выбрана',
    rephrase: 'Перефразировать',
    rephraseLine: (need: string, appeal: string | null) =>
      `Правильно ли я понимаю, что ${need}${appeal ? ` (обращение № ${appeal})` : ''}?`,
    rephraseEmpty: 'Запишите вопрос клиента, чтобы собрать фразу.',
  },
  hold: {
    region: 'Удержание',
    choose: 'На сколько попросить подождать',
    preset: (m: number) => `${m} мин`,
    custom: 'Другое время, мин',
    put: 'Начать удержание',
    extend: 'Попросить ещё времени',
    promise: 'Скажите перед удержанием',
    close: 'Закрыть',
  },
  transfer: {
    region: 'Переключение',
    filter: 'Найти отдел, сотрудника или тему',
    topic: 'Тема, которой занимается коллега',
    anyTopic: 'Все темы',
    summary: 'Суть вопроса для коллеги',
    department: 'отдел',
    nothing: 'Никого не найдено.',
    choose: (name: string) => `Переключить: ${name}`,
    close: 'Закрыть',
    refused: 'Переключить нельзя',
  },
  callback: {
    region: 'Обратный звонок',
    phone: 'Телефон для обратного звонка',
    deadline: 'Когда перезвонить',
    presets: {
      inOneHour: 'Через час',
      endOfDay: 'До конца рабочего дня',
      nextDayNoon: 'Завтра до 12:00',
    },
    custom: 'Другое время',
    customDate: 'Дата и время',
    question: 'Вопрос, с которым перезвонить',
    outsideHours: 'Клиент согласен на время вне рабочих часов',
    promise: 'Подтвердить обратный звонок',
    say: 'Скажите клиенту',
    /** The spoken promise, previewed before it is made. */
    line: (deadline: string, phone: string) =>
      `Я уточню ответ и перезвоню вам ${deadline} по номеру ${phone}.`,
    close: 'Закрыть',
    /** After a break-off: the caller is gone, the task goes to the queue. */
    afterBreakOff: 'Перезвонить после обрыва',
    name: 'Имя клиента',
    phoneNeeded: 'Номер клиента неизвестен. Чтобы поставить обратный звонок, введите телефон.',
    queue: 'Поставить в очередь',
  },
  outcome: {
    region: 'Итог звонка',
    choose: 'Итог',
    date: 'Дата, к которой вопрос будет решён',
    reason: 'Почему решить нельзя',
    wayForward: 'Что клиент может сделать',
    body: 'Орган, к которому относится вопрос',
    confirm: 'Подтвердить итог',
    close: 'Закрыть',
  },
  wrapUp: {
    region: 'Итоги звонка',
    outcome: 'Итог',
    noOutcome: 'Итог не достигнут',
    summary: 'Кратко о звонке',
    topic: 'Тема звонка',
    articles: 'Использованные статьи',
    noArticles: 'Статьи не отмечены',
    satisfaction: 'Оценка клиента (1–5)',
    notRated: 'Клиент не оценил',
    survey: 'Клиенту предложен опрос об удовлетворённости',
    save: 'Сохранить и закрыть звонок',
    saving: 'Сохранение…',
    failed: 'Не удалось сохранить итоги. Повторите или сохраните запись в файл.',
    offerCallback: (phone: string) =>
      `Звонок прервался. Номер клиента известен: ${phone}. Поставьте обратный звонок.`,
    offerNoPhone:
      'Звонок прервался. Номер клиента неизвестен: если он у вас есть, поставьте обратный звонок.',
    lateCallback: 'Поставить обратный звонок',
    queued: (deadline: string, phone: string) => `Обратный звонок в очереди: ${deadline}, ${phone}.`,
  },
  help: {
    title: 'Сочетания клавиш',
    close: 'Закрыть',
    workspaces: 'Рабочие места',
    call: 'Звонок',
  },
};
