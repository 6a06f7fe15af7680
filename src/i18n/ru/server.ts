// The server's Russian strings (issue 16): every refusal the API sends and what the console prints for
// whoever runs the server or its tools. The server imports this file directly (never the catalogue's
// index, which leads to the client's texts). API codes are stable (the app and the tests read them); the
// words may change.
import { MINUTES_ACC, pluralRu } from '../../flows/plural';
import { callsExport } from './callsExport';

const apiMessages = {
  invalid_request: 'Запрос заполнен неверно.',
  invalid_json: 'Запрос не читается: это не JSON.',
  unsupported_media_type: 'Запрос должен быть в формате JSON.',
  body_too_large: 'Запрос слишком большой.',
  not_found: 'Такого адреса нет.',
  method_not_allowed: 'Такой запрос по этому адресу не принимается.',
  not_signed_in: 'Войдите, чтобы продолжить.',
  session_expired: 'Сеанс закончился. Войдите снова.',
  csrf_failed: 'Запрос отклонён: страница устарела. Обновите её и повторите.',
  forbidden_origin: 'Запрос с чужой страницы отклонён.',
  forbidden_role: 'Для этого действия нужна другая роль.',
  invalid_credentials: 'Неверный логин или пароль.',
  account_disabled: 'Учётная запись отключена. Обратитесь к администратору.',
  sign_in_locked: 'Слишком много неудачных попыток входа. Попробуйте снова через несколько минут.',
  person_not_found: 'Такого сотрудника нет.',
  login_taken: 'Этот логин уже занят. Выберите другой.',
  last_administrator: 'В организации должен остаться хотя бы один действующий администратор.',
  organisation_mismatch: 'Звонки записаны для другой организации: сервер их не принял.',
  call_not_yours: 'Этот звонок ведёт другой оператор: сервер не принял его события.',
  sequence_gap: 'События звонка пришли с пропуском: сервер принимает их только по порядку.',
  event_conflict: 'Событие звонка расходится с уже принятым под тем же номером: сервер оставил принятое.',
  unknown_flow_version:
    'Звонок шёл по версии сценария, которой на сервере нет: сервер не принял его события.',
  operator_unknown:
    'В организации нет оператора с именем, записанным в звонке: звонок не принят. Добавьте сотрудника с этим именем и отправьте снова.',
  callback_not_found: 'Такого обратного звонка нет в очереди.',
  callback_taken: 'Этот обратный звонок уже взял другой оператор.',
  callback_done: 'Этот обратный звонок уже сделан.',
  handover_not_found: 'Такого переключенного звонка нет.',
  handover_accepted: 'Этот переключенный звонок уже принят.',
  lease_lost:
    'Звонок ведётся на другом устройстве: события с этого устройства не приняты в звонок, но сохранены на сервере.',
  lease_held:
    'Звонок уже ведётся на другом устройстве. Его можно забрать сюда явно; то устройство перейдёт в режим просмотра.',
  flow_not_found: 'Такого сценария или такой его версии нет.',
  call_not_found: 'Такого звонка нет.',
  group_not_found: 'Такой группы операторов нет.',
  group_name_taken: 'Группа с таким названием уже есть. Выберите другое.',
  flow_invalid: 'Сценарий не опубликован: в нём есть ошибки. Исправьте их и опубликуйте снова.',
  flow_id_mismatch: 'Идентификатор в сценарии не совпадает с тем, под которым его публикуют.',
  version_conflict:
    'Пока вы редактировали, опубликована новая версия этого сценария. Сравните с ней черновик и решите, что оставить.',
  kb_invalid: 'База знаний не опубликована: в статьях есть ошибки. Исправьте их и опубликуйте снова.',
  kb_not_found: 'Базы знаний на сервере ещё нет.',
  kb_version_conflict:
    'Пока вы редактировали, опубликована новая версия базы знаний. Возьмите её и внесите свои изменения поверх.',
  kb_article_conflict:
    'Пока вы редактировали, другой редактор опубликовал эти статьи. Сравните с их текстом и решите, что оставить.',
  draft_not_found: 'Черновика этого сценария у вас нет.',
  effective_in_past: 'Время вступления в силу уже прошло. Укажите будущее время или опубликуйте сразу.',
  database_unavailable: 'База данных недоступна. Повторите попытку позже.',
  server_closing: 'Сервер перезапускается. Повторите попытку через минуту.',
  internal: 'Внутренняя ошибка сервера. Повторите попытку; если не выйдет, сообщите администратору.',
} as const;

/** Field-specific words for a 400: appended to invalid_request so the person knows what to fix. */
const fieldNames: Record<string, string> = {
  login: 'логин',
  password: 'пароль',
  surname: 'фамилия',
  firstName: 'имя',
  patronymic: 'отчество',
  position: 'должность',
  department: 'отдел',
  roles: 'роли',
  disabled: 'отключение',
  personId: 'сотрудник',
  organisationId: 'организация',
  calls: 'звонки',
  definition: 'сценарий',
  baseVersion: 'исходная версия',
  effectiveAt: 'время вступления в силу',
  note: 'описание изменений',
  flowId: 'сценарий',
  version: 'версия',
  from: 'начало периода',
  to: 'конец периода',
  body: 'текст',
  limit: 'число звонков на странице',
  after: 'страница',
  name: 'название',
  members: 'участники',
  group: 'группа операторов',
  groupId: 'группа операторов',
};

export const server = {
  api: apiMessages,
  apiTitle: 'Суфлёр: API сервера контакт-центра',
  invalidRequest(fields: readonly string[]): string {
    const named = [...new Set(fields.map((f) => fieldNames[f.split('.')[0] ?? ''] ?? f))];
    return named.length === 0
      ? apiMessages.invalid_request
      : `${apiMessages.invalid_request} Проверьте: ${named.join(', ')}.`;
  },
  /** Who holds the callback the operator tried to take or give back. */
  callbackTaken: (holder: string) =>
    holder ? `Этот обратный звонок уже взят: им занимается ${holder}.` : apiMessages.callback_taken,
  bodyTooLarge: (kb: number) => `${apiMessages.body_too_large} Не больше ${kb} КБ.`,
  locked: (minutes: number) =>
    `Слишком много неудачных попыток входа. Попробуйте снова через ${pluralRu(Math.max(1, Math.ceil(minutes)), MINUTES_ACC)}.`,
  /** The calls export the server streams: the workspace's own columns and words. */
  callsExport,
  roleNames: {
    operator: 'оператор',
    supervisor: 'руководитель',
    editor: 'редактор',
    administrator: 'администратор',
  },
  /** What the console says to whoever runs the server or its command-line tools. */
  console: {
    listening: (url: string) => `Суфлёр запущен: ${url}`,
    embedded: (dir: string) => `Встроенная база данных: ${dir}`,
    externalDatabase: 'База данных: PostgreSQL по DATABASE_URL',
    noBuild: 'Сборка приложения не найдена (dist/): запустите npm run build. API работает.',
    samplesHeader: 'Учебные учётные записи (пароль у всех один):',
    samplePassword: (p: string) => `Пароль: ${p}`,
    sampleRow: (org: string, role: string, login: string) => `  ${org} · ${role}: ${login}`,
    stopping: 'Останавливаюсь: дожидаюсь текущих запросов…',
    stopped: 'Остановлен.',
    startFailed: 'Сервер не запустился:',
    userAddUsage:
      'Использование: npm run user:add -- --organisation <id> --login <логин> --surname <фамилия> --first-name <имя> [--patronymic <отчество>] [--roles administrator,operator] [--organisation-name "<полное название>" --short-name "<краткое>" --time-zone Europe/Moscow]\nПароль читается из переменной SUFLER_PASSWORD или спрашивается.',
    userAddPassword: 'Пароль (не меньше 10 знаков): ',
    userAddNoOrganisation: (id: string) =>
      `Организации «${id}» нет. Укажите --organisation-name, --short-name и --time-zone, чтобы создать её.`,
    userAddDone: (login: string, org: string) => `Учётная запись «${login}» создана в организации «${org}».`,
    userAddBadPassword: 'Пароль должен быть не короче 10 знаков и не длиннее 200.',
    userAddLoginTaken: 'Не удалось создать учётную запись: этот логин уже занят.',
    userAddFailed: (reason: string) => `Не удалось создать учётную запись: ${reason}`,
  },
} as const;

export type ApiErrorCode = keyof typeof apiMessages;
