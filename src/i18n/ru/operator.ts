import type { CareFlag } from '../../calls/events';
import type { CallShortcutName } from '../../services/shortcuts';

/** Care flags on the caller card (STANDARD §1): who needs extra care, and how to give it. */
const care = {
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

const shortcuts: Record<CallShortcutName | 'actions' | 'phrases' | 'escape' | 'rating', string> = {
  incoming: 'Входящий звонок',
  outgoing: 'Исходящий звонок',
  help: 'Список сочетаний клавиш',
  helpQuestion: 'Список сочетаний клавиш',
  capture: 'Перейти к полям для записи',
  search: 'Поиск по базе знаний',
  hold: 'Поставить на удержание',
  resume: 'Вернуться на линию',
  transfer: 'Переключить на коллегу',
  callback: 'Обещать обратный звонок',
  outcome: 'Итог звонка',
  finish: 'Завершить звонок после прощания',
  hungUp: 'Клиент положил трубку',
  lineDropped: 'Связь прервалась',
  confirm: 'Подтвердить: время ожидания, обещание, итог, итоги звонка',
  actions: 'Действия шага по порядку',
  phrases: 'Быстрые фразы по порядку',
  escape: 'Выйти из поля или закрыть панель',
  rating: 'Оценка клиента в итогах звонка',
};

export const operator = {
  /** The transfer directory's department of colleagues who use Sufler (from the server's directory). */
  suflerColleagues: 'Коллеги в Суфлёре',
  title: 'Рабочее место оператора',
  noWiring: 'Рабочее место оператора ещё не подключено к хранилищу звонков.',
  noProfile: 'Сначала укажите организацию и оператора в настройках.',
  /** Shown by the app's wiring and in the record of such a call (a history view). */
  restoreFailed: 'Звонок не удалось восстановить после перезагрузки; запись сохранена.',
  panelFailed:
    'Не удалось загрузить эту часть экрана звонка. Звонок сохранён: перезагрузите страницу (F5), и он откроется на том же шаге.',
  start: {
    region: 'Новый звонок',
    incoming: 'Входящий звонок',
    outgoing: 'Исходящий звонок',
    client: 'Кто звонит',
    clientKinds: { external: 'Внешний клиент', internal: 'Внутренний клиент' },
    inboundFlow: 'Сценарий входящего звонка',
    outboundFlow: 'Сценарий исходящего звонка',
    phone: 'Телефон клиента (если известен)',
    transfersBefore: 'Звонок уже переключали',
    transfersOption: (n: number) => (n === 0 ? 'нет' : n === 1 ? '1 раз' : '2 раза'),
    noFlows: 'Нет ни одного исправного сценария звонка.',
    flowsLoadFailed:
      'Не удалось загрузить сценарии звонков, встроенные в приложение. Перезагрузите страницу (F5); если ошибка повторится, сообщите администратору.',
    invalidFlows: (files: string[]) =>
      `Сценарии с ошибками пропущены: ${files.join(', ')}. Проверьте их командой npm run flows:check.`,
    starting: 'Звонок начинается…',
    failed: 'Не удалось начать звонок. Повторите.',
  },
  bars: {
    readOnly: 'Этот звонок ведётся в другой вкладке: здесь он только для просмотра.',
    takeOver: 'Вести звонок здесь',
    memory:
      'Хранилище браузера недоступно: звонок идёт в памяти и пропадёт при закрытии вкладки. Сохраните запись в файл.',
    download: 'Сохранить запись звонка в файл',
    sendFailed: 'Действие не сохранилось. Повторите.',
  },
  line: {
    region: 'Что сказать сейчас',
    hints: 'Как сказать',
    fillFirst: 'Сначала заполните:',
    where: {
      hold: 'выберите время ожидания (H)',
      callback: 'оформите обратный звонок (C)',
      outcome: 'укажите итог (O)',
      capture: 'запишите в поля шага (N)',
    },
    ended: 'Звонок завершён.',
    onReturn: 'Вернувшись на линию, скажите:',
    phrase: 'Быстрая фраза',
  },
  tools: 'Инструменты звонка',
  actions: {
    region: 'Действия',
    connected: 'Коллега ответил — соединено',
    failed: 'Соединить не удалось',
    finish: 'Завершить звонок',
    key: (label: string) => `клавиша ${label}`,
  },
  stages: 'Этапы звонка',
  stageStatus: { done: 'пройден', current: 'сейчас', todo: 'впереди' },
  card: {
    region: 'Карточка клиента',
    name: 'Имя и отчество',
    phone: 'Телефон',
    appeal: 'Номер обращения',
    need: 'Вопрос',
    unknown: 'не указано',
    client: { external: 'Внешний клиент', internal: 'Внутренний клиент' },
    person: 'Кто клиент',
    persons: { citizen: 'Гражданин', business: 'Организация или ИП' },
    care: 'Особая забота',
  },
  care,
  capture: {
    region: 'Записать со слов клиента',
    save: 'Записать',
  },
  phrases: { region: 'Быстрые фразы' },
  hold: {
    left: (mmss: string) => `Осталось из обещанного: ${mmss}`,
    over: (mmss: string) => `Обещанное время вышло ${mmss} назад`,
    warning: 'Обещанное время скоро выйдет: вернитесь к клиенту.',
    expired: 'Обещанное время вышло. Вернитесь к клиенту и выберите, что сказать:',
    answer: 'Ответ есть — вернуться',
    moreTime: 'Попросить ещё времени',
    callback: 'Предложить перезвонить',
    resume: 'Вернуться на линию',
  },
  transfer: {
    summaryHint: 'Прочитайте это коллеге, чтобы клиенту не пришлось повторять вопрос.',
  },
  outcome: {
    region: 'Итог звонка',
  },
  breakOff: {
    region: 'Звонок прервался',
    hungUp: 'Клиент положил трубку',
    dropped: 'Связь прервалась',
  },
  shortcuts,
};
