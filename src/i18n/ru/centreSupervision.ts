// Russian texts of the supervisor's workspace over the whole centre (issue 19): the calls, figures and
// live board the server holds, and supervisors' comments as the operator reads them in their history.
// Read only by lazy chunks (vite.config.ts LAZY_ONLY), so a single workstation's first load does not carry them.

import { plural } from './plural';

// Made when a text asks for it, not at import: a formatter made at the top would be a side effect that
// ties this file to the first load through the catalogue's namespace.
const at = (ms: number) =>
  new Intl.DateTimeFormat('ru-RU', { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));

/** "2:05" for a countdown or a time on the line; an hour or more "1:02:05". */
const clock = (ms: number) => {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
};

export const centreSupervision = {
  source: 'Звонки всего центра: с сервера организации.',
  offline: 'Нет связи с сервером.',
  badAnswer: 'Сервер ответил непонятно. Попробуйте обновить страницу.',
  /** A reading failed: the calls on screen are those of the last reading. */
  lastKnown: (reason: string, time: number | null) =>
    time === null ? `${reason} Звонки центра пока не получены.` : `${reason} Показаны данные на ${at(time)}.`,
  capped: (n: number) =>
    `Показаны последние ${n} звонков периода. Уточните отбор или период, чтобы увидеть остальные; показатели и выгрузка считаются по всем звонкам.`,
  csv: 'Скачать CSV (Excel) со всеми отобранными звонками центра',
  json: 'Скачать JSON (для программ: Power Query, Power BI, Python) со всеми отобранными звонками центра',
  jsonHint:
    'JSON — один массив: по объекту на звонок, коды вместо слов, время в UTC (ISO 8601), длительности в секундах.',
  exportTitle: 'Выгрузка отобранных звонков центра',
  exportHint:
    'Файл собирает сервер по всем звонкам организации за период с текущим отбором; большой файл скачивается постепенно.',
  recordLoading: 'Загружаю запись звонка с сервера…',
  /** The client call across desks (issue 17): one call of the citizen, handed between operators. */
  chain: {
    title: (desks: number) =>
      `Один звонок гражданина: ${desks} ${plural(desks, 'рабочее место', 'рабочих места', 'рабочих мест')}`,
    first: 'первое рабочее место',
    transferred: (n: number) => `после ${n}-го переключения`,
    span: (from: number, to: number | null) =>
      to === null ? `с ${at(from)}, звонок ещё идёт` : `${at(from)}–${at(to)}`,
    current: 'эта запись',
    open: (operator: string, from: number) => `Открыть запись: ${operator}, ${at(from)}`,
  },
  /** Events of this call its device sent after the operator's calls were taken over on another device. */
  keptAside: {
    title: 'Звонки перехватывали на другом устройстве',
    group: (events: number, from: number, to: number, restored: number) =>
      `${events} ${plural(events, 'событие', 'события', 'событий')} ` +
      `(${from === to ? at(from) : `${at(from)}–${at(to)}`}) это устройство записало, когда звонки оператора ` +
      'уже вели на другом устройстве: сервер сохранил их отдельно от звонка' +
      (restored === 0
        ? '.'
        : restored === events
          ? ', а когда устройство снова взяло звонки и разговор продолжился, вернул их в запись.'
          : `; ${restored} из них вернулись в запись, когда устройство снова взяло звонки.`),
  },
  line: {
    title: 'Линия сейчас',
    loading: 'Загружаю состояние линии…',
    live: 'Обновляется само, как только на линии что-то меняется.',
    lost: (time: number | null) =>
      time === null ? 'Связь потеряна, данных о линии нет.' : `Связь потеряна, данные на ${at(time)}.`,
    signedIn: (n: number) => `Операторы в системе: ${n}`,
    nobodySignedIn: 'Сейчас никто из операторов не вошёл.',
    onCall: 'на звонке',
    holds: 'Удержания: кто скоро превысит обещанное',
    noHolds: 'Сейчас никто не на удержании.',
    holdColumns: { operator: 'Оператор', promised: 'Обещано', left: 'Осталось', state: 'Состояние' },
    promised: (minutes: number, extension: boolean) => `${minutes} мин${extension ? ' (продлено)' : ''}`,
    left: (ms: number) => (ms < 0 ? `−${clock(-ms)}` : clock(ms)),
    urgency: { over: 'Превышено обещанное', soon: 'Меньше минуты', within: 'В срок' },
    calls: 'Звонки на линии',
    noCalls: 'Сейчас звонков нет.',
    callColumns: { operator: 'Оператор', stage: 'Этап', inStage: 'На этапе', onCall: 'Весь звонок' },
    unknownStage: 'этап неизвестен',
    transfers: 'Переключения в процессе',
    noTransfers: 'Сейчас никто не переключает звонок.',
    transferLine: (operator: string, time: string) => `${operator} — соединение идёт ${time}`,
    callbacks: 'Обратные звонки',
    callbacksUnavailable: 'Очередь обратных звонков центра недоступна.',
    overdue: (n: number) => `Просрочены: ${n}`,
    nextHour: (n: number) => `Срок в ближайший час: ${n}`,
    callbackLine: (who: string, phone: string, deadline: number) => `${who}, ${phone} — срок ${at(deadline)}`,
    unknownCaller: 'клиент не представился',
    stuck: (n: number) => `Звонки не уходят на сервер: рабочих мест — ${n}`,
    noneStuck: 'Со всех рабочих мест звонки уходят на сервер.',
    stuckLine: (who: string, calls: number, since: number) =>
      `${who}: ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')} ждут отправки, без движения с ${at(since)}`,
    today: 'Сегодня на этот момент',
    todayCalls: 'Звонков завершено',
    todayHandle: 'Средняя длительность',
    todayHoldsOver: 'Удержаний дольше обещанного',
    todayFirstContact: 'Решено с первого обращения',
    clock,
  },
  coaching: {
    title: 'Наставничество: какие правила стандарта оператор нарушает чаще всего',
    hint: 'За выбранный период и с текущим отбором. У каждого правила — последние звонки с нарушением: откройте запись, чтобы написать оператору комментарий.',
    operator: 'Оператор для разбора',
    loading: 'Загружаю разбор с сервера…',
    noCalls: 'За этот период звонков нет.',
    clean: (calls: number) =>
      `Нарушений нет: ${calls} ${plural(calls, 'звонок', 'звонка', 'звонков')} по стандарту.`,
    summary: (calls: number) => `Звонков за период: ${calls}. Правила — от самого частого нарушения.`,
    columns: {
      rule: 'Правило стандарта',
      calls: 'Звонков с нарушением',
      share: 'Доля звонков',
      open: 'Звонки',
    },
    share: (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)} %`),
    more: (n: number) => `и ещё ${n}`,
    openCall: (time: string) => `Звонок ${time}`,
    /** Starts with the link's visible words, so a voice user can say what they see. */
    openCallName: (rule: string, time: string) => `Звонок ${time}: открыть запись (${rule})`,
    opening: 'Открываю запись звонка…',
    notEnded: 'Этот звонок ещё не завершён: его записи на сервере пока нет.',
  },
  comments: {
    title: 'Комментарии руководителя',
    none: 'Комментариев нет.',
    form: 'Новый комментарий к звонку',
    field: 'Комментарий оператору',
    send: 'Отправить комментарий',
    sending: 'Отправляю…',
    sent: 'Комментарий отправлен: оператор увидит его в истории своих звонков.',
    empty: 'Напишите текст комментария.',
    byline: (author: string, time: string) => `${author}, ${time}`,
    offline: 'Комментарии руководителя видны, когда есть связь с сервером.',
  },
};
