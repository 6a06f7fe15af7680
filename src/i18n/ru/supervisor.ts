import type { ComplianceRule, Headline, RuleCheck, StageBucket, StandardRuleCode } from '../../analytics';
import type { ImportProblem } from '../../db/exchange';
import { plural } from './plural';

const rules: Record<ComplianceRule, string> = {
  holdOverPromise: 'Удержание дольше обещанного',
  transferLimit: 'Попытка третьего переключения',
  callbackOverdue: 'Обратный звонок просрочен',
  callbackLate: 'Обратный звонок сделан с опозданием',
  farewellMissing: 'Нет прощания в завершённом звонке',
  callerNotIdentified: 'Клиент не представлен',
  needNotRephrased: 'Вопрос не переспрошен',
  greetingUnnamed: 'Приветствие не назвало оператора и организацию',
  questionsAndThanks: 'Перед прощанием не спросили, остались ли вопросы',
  internalAfterDayEnd: 'Внутреннему клиенту ответ обещан позже конца рабочего дня',
};

/** The standard's table (issue 22): each rule in plain words and how a call's record shows it, or why not. */
const standard: Record<StandardRuleCode, { rule: string; shows: string }> = {
  holdOverPromise: {
    rule: 'Удержание не дольше обещанного времени',
    shows: 'Начало удержания, обещанные минуты и возврат на линию в журнале звонка.',
  },
  transferLimit: {
    rule: 'Не больше двух переключений на один вопрос',
    shows: 'Попытка переключить звонок, уже дважды переключённый, записывается как отказ.',
  },
  callbackOverdue: {
    rule: 'Обратный звонок — в обещанный срок',
    shows: 'Срок в обещании и отметка о звонке в очереди обратных звонков: срок прошёл, звонка нет.',
  },
  callbackLate: {
    rule: 'Обратный звонок — в обещанный срок',
    shows: 'Срок в обещании и время исходящего звонка, которым обещание выполнено.',
  },
  farewellMissing: {
    rule: 'Прощание в зависимости от итога',
    shows: 'Звонок с итогом закончился без шага прощания.',
  },
  callerNotIdentified: {
    rule: 'Уточнить, как обращаться к клиенту',
    shows: 'В сценарии есть шаг уточнения личности, а имя клиента не записано.',
  },
  needNotRephrased: {
    rule: 'Показать понимание: переспросить вопрос',
    shows: 'Звонок с итогом не прошёл шаг подтверждения понимания.',
  },
  greetingUnnamed: {
    rule: 'Приветствие называет оператора и организацию',
    shows:
      'Строка приветствия, показанная оператору: своя строка сценария называет оператора, а внешнему клиенту — и организацию.',
  },
  internalAfterDayEnd: {
    rule: 'Внутреннему клиенту — ответ до конца рабочего дня',
    shows: 'Срок обратного звонка по сценарию для внутреннего клиента позже конца рабочего дня звонка.',
  },
  holdWithoutPromise: {
    rule: 'Удержание — только с названным временем',
    shows: 'Суфлёр не ставит звонок на удержание без обещанных минут.',
  },
  holdExtendedTwice: {
    rule: 'Продлить удержание — только спросив клиента, один раз',
    shows: 'Суфлёр даёт продлить удержание один раз, с новой фразой-вопросом клиенту.',
  },
  callbackWithoutDeadlineOrPhone: {
    rule: 'Обратный звонок — со сроком и контактным телефоном',
    shows: 'Суфлёр не принимает обещание без срока в будущем и верного номера.',
  },
  outcomeNotTold: {
    rule: 'Клиент узнаёт итог в одной из категорий стандарта',
    shows: 'Суфлёр не завершает звонок без итога и говорит прощание, подходящее к итогу.',
  },
  handlerNotNamed: {
    rule: 'Сказать, кто займётся вопросом',
    shows: 'Фраза переключения называет коллегу или отдел; обещание перезвонить даёт сам оператор.',
  },
  questionsAndThanks: {
    rule: 'Перед прощанием спросить, остались ли вопросы, и поблагодарить',
    shows:
      'Входящий звонок дошёл до прощания, не пройдя шаг сценария, отмеченный как вопрос «остались ли вопросы».',
  },
  internalOtherChannel: {
    rule: 'Внутреннему клиенту предложить другой канал, если телефон не подходит',
    shows: 'По записи не проверить: предложение другого канала в журнал не попадает.',
  },
  speech: {
    rule: 'Ровная речь, короткие ясные фразы, без жаргона',
    shows: 'По записи не проверить: Суфлёр не записывает разговор.',
  },
  noInterrupting: {
    rule: 'Не перебивать, не отвечать грубостью',
    shows: 'По записи не проверить: Суфлёр не записывает разговор.',
  },
  completeAnswer: {
    rule: 'Полный и точный ответ по базе знаний',
    shows: 'По записи не проверить: видно, какие статьи открывались, но не что сказано.',
  },
  noSwayingAdvice: {
    rule: 'Не советовать сверх стандартных процедур',
    shows: 'По записи не проверить: Суфлёр не записывает разговор.',
  },
};

const checks: Record<RuleCheck, string> = {
  record: 'по записи звонка',
  engine: 'соблюдается Суфлёром',
  none: 'не проверяется',
};

const stages: Record<StageBucket, string> = {
  greeting: 'Приветствие',
  identification: 'Уточнение личности',
  needs: 'Выяснение потребности',
  understanding: 'Подтверждение понимания',
  resolution: 'Решение вопроса',
  purpose: 'Цель звонка',
  status: 'Положение на клиентском пути',
  questions: 'Ответы на вопросы',
  farewell: 'Прощание',
  hold: 'Удержание',
  transfer: 'Переключение',
};

const importProblems: Record<ImportProblem, string> = {
  notJson: 'Файл повреждён: это не файл выгрузки звонков или он обрезан. Ничего не загружено.',
  foreign: 'Это не файл выгрузки звонков Суфлёра. Ничего не загружено.',
  newerVersion: 'Файл сделан более новой версией Суфлёра. Обновите приложение и загрузите файл снова.',
  checksum: 'Файл повреждён: контрольная сумма не совпадает. Ничего не загружено.',
  invalid: 'В файле есть неполные или неверные записи. Ничего не загружено.',
};

/** How a call ended when no outcome was chosen (the outcomes are named in calls.ts). */
const results = { transferred: 'Переключён на коллегу', none: 'Без итога' };

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

/** The dashboard's headline figures, as their tiles name them. */
const tiles: Record<Headline, string> = {
  calls: 'Звонков',
  firstContact: 'Решено с первого обращения',
  holdsOverPromise: 'Удержаний дольше обещанного',
  callbacksPending: 'Обратные звонки: срок не наступил',
  callbacksOverdue: 'Обратные звонки просрочены',
  transfersPerCall: 'Переключений на звонок',
  avgHandleMs: 'Средняя длительность',
  satisfaction: 'Оценка клиентов',
};

/** The calls behind each headline figure: what its tile opens, and the list's filter by it. */
const behind: Record<Headline, string> = {
  calls: 'все звонки',
  firstContact: 'решённые с первого обращения',
  holdsOverPromise: 'с удержанием дольше обещанного',
  callbacksPending: 'с обратным звонком, срок которого не наступил',
  callbacksOverdue: 'с просроченным обратным звонком',
  transfersPerCall: 'с переключением, сделанным оператором',
  avgHandleMs: 'с завершённым разговором',
  satisfaction: 'с оценкой клиента',
};

const calls = (n: number) => {
  const d = n % 10;
  const dd = n % 100;
  const word =
    d === 1 && dd !== 11 ? 'звонок' : d >= 2 && d <= 4 && (dd < 12 || dd > 14) ? 'звонка' : 'звонков';
  return `${n} ${word}`;
};

export const supervisor = {
  title: 'Рабочее место руководителя',
  noStorage: 'Хранилище браузера недоступно: записей звонков нет.',
  loading: 'Загрузка звонков…',
  tabs: {
    calls: 'Звонки',
    dashboard: 'Показатели',
    compliance: 'Нарушения стандарта',
    exchange: 'Обмен и хранение',
    line: 'Линия',
    coaching: 'Наставничество',
  },
  tabsLabel: 'Разделы руководителя',
  period: { label: 'Период', from: 'С', to: 'По' },
  filters: {
    title: 'Отбор звонков',
    operator: 'Оператор',
    flow: 'Сценарий и версия',
    direction: 'Направление',
    outcome: 'Итог',
    topic: 'Тема',
    rule: 'Нарушение',
    search: 'Телефон или имя клиента',
    behind: 'Звонки показателя',
    group: 'Группа операторов',
    behindChoices: behind,
    any: 'Все',
    reset: 'Сбросить отбор',
  },
  list: {
    caption: (shown: number, total: number) => `Звонков: ${shown} из ${total}`,
    empty: 'За этот период и с этим отбором звонков нет.',
    columns: {
      startedAt: 'Начало',
      operatorName: 'Оператор',
      caller: 'Клиент',
      handleMs: 'Длительность',
      outcome: 'Итог',
      issues: 'Нарушения',
    },
    keys: 'Стрелки вверх и вниз, Page Up, Page Down, Home, End — выбор звонка, Enter — открыть запись. Заголовок столбца сортирует по нему.',
    erased: 'удалено по сроку хранения',
    noName: 'не представился',
    active: 'идёт',
  },
  record: {
    title: 'Запись звонка',
    close: 'Закрыть запись',
    flow: (title: string, version: number) => `Сценарий: ${title}, версия ${version}`,
    flowMissing: (id: string, version: number) =>
      `Сценарий ${id}, версия ${version}, на этом рабочем месте отсутствует: этапы и пошаговый просмотр недоступны.`,
    timeline: 'Ход звонка',
    holds: 'Удержания',
    hold: (promised: number, heldSec: number, overSec: number) =>
      `Обещано ${promised} мин, ожидание ${heldSec} с` +
      (overSec > 0 ? `, дольше обещанного на ${overSec} с` : ', в срок'),
    transfers: 'Переключения',
    transfer: (target: string, status: string, summary: string) =>
      `${target} — ${status}. Для коллеги: «${summary}»`,
    transferStatus: { connecting: 'соединение', connected: 'соединено', failed: 'не удалось' },
    transfersTotal: (total: number, before: number, own: number) =>
      `Переключений за звонок всего: ${total} (до оператора — ${before}, при нём — ${own}).`,
    callback: 'Обратный звонок',
    callbackState: {
      keptOnTime: 'сделан в срок',
      late: 'сделан с опозданием',
      overdue: 'просрочен',
      pending: 'срок ещё не наступил',
    },
    callbackLine: (deadline: string, state: string) => `Срок: ${deadline} — ${state}`,
    adherence: 'Соблюдение сценария',
    adherenceItems: {
      greeting: 'Приветствие произнесено',
      identified: 'Клиент представился',
      rephrased: 'Вопрос переспрошен',
      farewell: 'Прощание сказано',
    },
    yes: 'да',
    no: 'нет',
    notApplicable: 'не требуется',
    outcome: 'Итог',
    noOutcome: 'Итог не выбран',
    summary: 'Резюме',
    topic: 'Тема',
    satisfaction: (score: number) => `Оценка клиента: ${score} из 5`,
    articles: 'Использованные статьи',
    none: 'нет',
    issues: 'Нарушения',
    noIssues: 'Нарушений нет',
    replay: 'Пошаговый просмотр',
    replayStep: (n: number, total: number) => `Шаг ${n} из ${total}`,
    prev: 'Назад',
    next: 'Вперёд',
    state: 'На экране',
    lineMissing: (names: string) => `Строка ждала значений: ${names}`,
    at: (t: string, sinceStart: string) => `${t} (+${sinceStart})`,
  },
  dashboard: {
    calls: 'Звонков',
    avgHandle: 'Средняя длительность',
    avgAfterCall: 'Среднее время после звонка',
    firstContact: 'Решено с первого обращения',
    perCall: 'Переключений на звонок',
    holdsOver: 'Удержаний дольше обещанного',
    holdsLine: (over: number, count: number, share: number | null, overtime: string) =>
      `${over} из ${count} (${pct(share)}), сверх обещанного всего ${overtime}`,
    satisfaction: 'Оценка клиентов',
    satisfactionLine: (avg: number | null, count: number) =>
      avg === null ? 'оценок нет' : `${avg.toFixed(1).replace('.', ',')} из 5 (оценок: ${count})`,
    outcomes: 'Итоги звонков (стандарт, §5)',
    stages: 'Среднее время по этапам',
    transfers: 'Переключения',
    transferBuckets: {
      zero: 'без переключений',
      one: 'одно',
      two: 'два',
      refusedAttempts: 'отказано в третьем',
    },
    callbacks: 'Обратные звонки',
    callbackBuckets: {
      promised: 'обещано',
      keptOnTime: 'в срок',
      late: 'с опозданием',
      overdue: 'просрочено',
      pending: 'срок не наступил',
    },
    topTopics: 'Частые темы',
    topNeeds: 'Частые вопросы',
    topArticles: 'Статьи, к которым обращались чаще всего',
    staleArticles: 'Устаревшие статьи, которые использовались',
    operators: 'По операторам',
    operator: 'Оператор',
    issues: 'С нарушениями',
    topRule: 'Чаще всего нарушено',
    none: 'нет данных',
    pct,
    tilesTitle: 'Главные показатели периода',
    tiles,
    /** The tile's button: what opens, and how many calls. */
    tileOpens: (what: string, n: number) => `Открыть ${calls(n)}: ${what}`,
    change: {
      up: (by: string) => `▲ больше на ${by}`,
      down: (by: string) => `▼ меньше на ${by}`,
      same: '= без изменений',
      unknown: 'сравнить не с чем',
      good: 'это лучше',
      bad: 'это хуже',
      previous: (value: string) => `в прошлом периоде той же длины: ${value}`,
    },
    points: (n: number) => `${n} п. п.`,
    perCallValue: (v: number) => v.toFixed(2).replace('.', ','),
    scoreValue: (v: number) => `${v.toFixed(1).replace('.', ',')} из 5`,
    trendsTitle: 'Как менялось за период',
    byHour: 'Звонки по часам суток',
    hourAxis: 'Час суток',
    hour: (h: number) => `${h}:00–${h + 1}:00`,
    byDay: 'Звонки по дням',
    dayAxis: 'День',
    firstContactByDay: 'Решено с первого обращения по дням, %',
    holdsByDay: 'Удержания дольше обещанного по дням, % удержаний',
    noTarget: 'Стандарт не задаёт цели для этой доли.',
    targets: {
      holds: 'Цель стандарта — 0 %: каждое удержание в обещанный срок.',
      transfers: 'Стандарт: не больше двух переключений, третье не допускается.',
      callbacks: 'Стандарт: обратный звонок — в обещанный срок.',
    },
    targetLine: 'линия цели',
    valueColumn: 'Значение',
    outcome: 'Итог',
    stage: 'Этап',
    callsColumn: 'Звонков',
    shareColumn: 'Доля',
    showNumbers: 'Показать числа',
    hideNumbers: 'Показать диаграмму',
    longest: 'самый долгий этап',
    breakdownTitle: 'Итоги, этапы, переключения',
    trend: 'Звонки по дням',
    trendOf: (values: number[]) => `по дням: ${values.join(', ')}`,
    sortHint: 'сортировать',
    openOperator: (name: string) => `Открыть звонки оператора ${name}`,
    print: 'Распечатать или сохранить в PDF',
    printedPeriod: (from: string, to: string) => `Период: ${from} — ${to}`,
  },
  compliance: {
    standardTitle: 'Правила стандарта и как они проверяются',
    standardColumns: { rule: 'Правило', clause: 'Пункт', check: 'Проверка', shows: 'Как видно' },
    standard,
    checks,
    empty: 'Нарушений стандарта за этот период нет.',
    columns: { at: 'Когда', rule: 'Правило', operator: 'Оператор', over: 'Сверх срока', call: 'Звонок' },
    open: 'Открыть запись',
    /** The row's rule, operator and time tell the rows' buttons apart. */
    openOf: (rule: string, operator: string, at: string) => `Открыть запись: ${rule}, ${operator}, ${at}`,
  },
  exchange: {
    exportTitle: 'Выгрузка отобранных звонков',
    csv: 'Скачать CSV (Excel)',
    json: 'Скачать JSON',
    workstationTitle: 'Перенос записей между рабочими местами',
    workstationHint:
      'Выгрузите все завершённые звонки этого рабочего места (по 5000 звонков в файле) и загрузите файлы на рабочем месте руководителя — можно все сразу. Повторная загрузка того же файла ничего не меняет.',
    workstationExport: 'Выгрузить все звонки в файлы',
    importLabel: 'Загрузить файл выгрузки',
    imported: (added: number, updated: number, unchanged: number) =>
      `Загружено: новых звонков ${added}, обновлено ${updated}, без изменений ${unchanged}.`,
    importProblem: (p: ImportProblem) => importProblems[p],
    fileResult: (name: string, result: string) => `«${name}»: ${result}`,
    importing: 'Проверяем и загружаем файл…',
    importFailed:
      'Не удалось сохранить записи: хранилище браузера недоступно или заполнено. Ничего не загружено.',
    /** Calls imported from files going up to the centre's server (issue 19). */
    toServer: {
      region: 'Отправка загруженных звонков на сервер',
      allSent: 'Загруженные из файлов звонки есть на сервере.',
      waiting: (calls: number) =>
        `Ждут отправки на сервер: ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')} из загруженных файлов.`,
      unreachable: 'Нет связи с сервером: звонки уйдут, когда он ответит.',
      signInAgain: 'Войдите снова, чтобы отправить загруженные звонки на сервер.',
      refused: (calls: number) =>
        `Сервер не принял ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')}; они остались на этом рабочем месте:`,
      queueFailed:
        'Не удалось поставить загруженные звонки в очередь на сервер: хранилище браузера недоступно.',
      retry: 'Отправить на сервер снова',
    },
    retentionTitle: 'Хранение персональных данных',
    retentionHint:
      'По истечении срока из записей звонков удаляются имена и телефоны клиентов и всё, что записано с их слов: ответы в полях, итоги, пересказ при переводе, вопрос для обратного звонка. Обезличенные показатели сохраняются.',
    retentionDays: 'Срок хранения, дней',
    retentionSave: 'Сохранить срок',
    retentionSaved: 'Срок хранения сохранён.',
    retentionInvalid: 'Укажите целое число дней от 1 до 3650.',
    eraseNow: 'Удалить просроченные данные сейчас',
    erased: (calls: number, date: string) => `${date}: удалены персональные данные в ${calls} звонках.`,
    erasures: 'Журнал удалений',
    noErasures: 'Удалений ещё не было.',
  },
  csv: {
    header: [
      'Идентификатор',
      'Начало',
      'Оператор',
      'Направление',
      'Сценарий',
      'Версия',
      'Клиент',
      'Телефон',
      'Длительность, с',
      'После звонка, с',
      'Итог',
      'Тема',
      'Переключения',
      'Удержаний сверх обещанного',
      'Оценка',
      'Нарушения',
    ],
  },
  rules,
  stages,
  results,
  transferredTo: (target: string) => `Переключён: ${target}`,
};
