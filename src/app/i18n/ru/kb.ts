import type { ClientNeed, DirectionOfActivity } from '../../../kb/article';
import type { KbIssueCode, KbProblem } from '../../../kb/parse';
import type { Topic } from '../../../kb/topics';

type IssueMessages = { [C in KbIssueCode]: (p: Extract<KbProblem, { code: C }>) => string };

/** The YAML library's own messages are English; the common ones get Russian words. */
const yamlErrors: Partial<Record<string, string>> = {
  DUPLICATE_KEY: 'поле указано дважды',
  MISSING_CHAR: 'не закрыта кавычка или скобка (ошибка может быть выше этой строки)',
  BAD_INDENT: 'неверный отступ',
  TAB_AS_INDENT: 'отступ табуляцией; используйте пробелы',
  MULTILINE_IMPLICIT_KEY: 'значение перенесено на новую строку без «>» или «|»',
  BLOCK_AS_IMPLICIT_KEY: 'неверный отступ или лишнее двоеточие',
  UNEXPECTED_TOKEN: 'неожиданный символ',
};

const issues = {
  frontMatterMissing: () => 'файл должен начинаться с блока свойств между строками «---»',
  frontMatterUnclosed: () => 'блок свойств не закрыт строкой «---»',
  yamlSyntax: (p) => `ошибка разметки YAML: ${yamlErrors[p.yamlCode] ?? p.detail}`,
  frontMatterNotMap: () => 'блок свойств должен состоять из строк вида «ключ: значение»',
  missingKey: () => 'нет обязательного поля',
  unknownKey: () => 'неизвестное поле (проверьте написание)',
  notText: () => 'ожидается текст',
  notList: () => 'ожидается список (строки, начинающиеся с «- »)',
  emptyValue: () => 'поле не заполнено',
  tooFewQuestions: (p) => `нужно не меньше ${p.min} формулировок вопроса — так, как спрашивают звонящие`,
  duplicateInList: (p) => `«${p.value}» указано дважды`,
  idFormat: (p) => `«${p.value}»: допустимы строчные латинские буквы, цифры и дефисы`,
  idNotFileName: (p) => `«${p.value}» не совпадает с именем файла — ожидается «${p.expected}»`,
  duplicateId: (p) => `статья «${p.value}» уже есть в файле ${p.otherFile}`,
  unknownDirection: (p) => `неизвестное направление деятельности «${p.value}»`,
  unknownNeed: (p) => `неизвестная потребность клиента «${p.value}»`,
  unknownTopic: (p) => `неизвестная тема «${p.value}» (список тем — в knowledge-base/README.md)`,
  organisationFormat: (p) =>
    `«${p.value}»: код организации пишется строчными латинскими буквами, цифрами и дефисами`,
  badDate: (p) => `«${p.value}» — не дата; нужна дата в виде ГГГГ-ММ-ДД, например 2026-03-01`,
  titleTooLong: (p) => `длина заголовка — ${p.length}, допустимо не больше ${p.max} знаков`,
  shortTooLong: (p) =>
    `длина короткого ответа — ${p.length}: слишком долго читать вслух, сократите до ${p.max} знаков`,
  reviewEveryRange: (p) => `«${p.value}»: срок пересмотра — целое число дней от ${p.min} до ${p.max}`,
  bodyEmpty: () => 'после блока свойств нет полного ответа',
} satisfies IssueMessages;

const directions = {
  'state-services': 'Государственные услуги',
  'support-measures': 'Меры поддержки',
  control: 'Контроль (надзор)',
  appeals: 'Обращения и запросы',
  information: 'Информация о деятельности',
  internal: 'Внутренние клиенты',
} satisfies Record<DirectionOfActivity, string>;

const needs = {
  information: 'Информация',
  consultation: 'Консультация',
  forms: 'Формы документов',
  submit: 'Подача документов',
  result: 'Результат, ответ',
  inspection: 'Предъявление объектов',
  feedback: 'Обратная связь',
  'feedback-result': 'Итог рассмотрения отзыва',
  other: 'Другое',
} satisfies Record<ClientNeed, string>;

const topics = {
  appeals: 'Обращения',
  'appeal-deadlines': 'Сроки ответа',
  'appeal-status': 'Статус обращения',
  redirect: 'Переадресация',
  reception: 'Личный приём',
  contacts: 'Контакты',
  schedule: 'Режим работы',
  accessibility: 'Доступная среда',
  feedback: 'Отзывы',
  complaints: 'Жалобы',
  'personal-data': 'Персональные данные',
  'social-networks': 'Соцсети',
  'state-services': 'Госуслуги',
  'support-measures': 'Меры поддержки',
  licensing: 'Лицензирование',
  control: 'Контроль',
  'digital-services': 'Цифровые сервисы',
  communications: 'Связь',
  'it-projects': 'ИТ-проекты',
  'sport-events': 'Спортивные мероприятия',
  'sport-titles': 'Спортивные звания',
  'sport-facilities': 'Спортивные объекты',
  'sport-grants': 'Гранты в спорте',
  'sport-youth': 'Детский и юношеский спорт',
  'internal-hr': 'Кадры',
  'internal-it': 'ИТ-поддержка',
  'internal-documents': 'Документы',
  'internal-accounting': 'Бухгалтерия',
  'internal-admin': 'Хозяйственные вопросы',
} satisfies Record<Topic, string>;

const dateFormat = new Intl.DateTimeFormat('ru-RU', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-03-01" → "1 марта 2026 г."; the text is already checked, so a bad one is shown as it is. */
function formatDay(iso: string): string {
  const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : dateFormat.format(ms);
}

export const kb = {
  issues,
  directions,
  needs,
  topics,
  formatDay,
  panel: {
    region: 'База знаний',
    searchLabel: 'Поиск по базе знаний',
    searchPlaceholder: 'Вопрос звонящего, например «сколько ждать ответа»',
    directionFilter: 'Направление',
    topicFilter: 'Тема',
    anyDirection: 'Все направления',
    anyTopic: 'Все темы',
    results: 'Найденные статьи',
    noResults: 'Ничего не найдено. Попробуйте другие слова.',
    unavailable: 'База знаний пока недоступна.',
    typeToSearch: 'Начните вводить вопрос — статьи появятся сразу.',
    searching: 'Ищем…',
    searchFailed: 'Поиск сейчас не работает. Обновите страницу.',
    back: 'К результатам',
  },
  article: {
    sayThis: 'Что сказать',
    fullAnswer: 'Подробный ответ',
    source: 'Основание',
    reviewed: (date: string) => `Проверено ${formatDay(date)}`,
    owner: (owner: string) => `Ответственный: ${owner}`,
    dueForReview: 'Пора перепроверить',
    dueForReviewHint: (date: string) =>
      `Срок пересмотра прошёл ${formatDay(date)}. Ответ, скорее всего, верен, но сверьте его с основанием.`,
    markUsed: 'Ответ помог',
    markedUsed: 'Отмечено',
    notFound: 'Статья не найдена в загруженной базе знаний.',
  },
  reviewDue: {
    title: 'Статьи, которые пора перепроверить',
    none: 'Все статьи проверены вовремя.',
    dueSince: (date: string) => `срок пересмотра — ${formatDay(date)}`,
    reviewedOn: (date: string) => `последняя проверка ${formatDay(date)}`,
  },
  version: {
    label: 'База знаний',
    info: (version: string, builtAt: string, count: number) =>
      `версия ${version} от ${formatDay(builtAt)}, статей: ${count}`,
    none: 'база знаний ещё не загружена',
  },
  check: {
    ok: (count: number) => `База знаний в порядке: статей — ${count}.`,
    failed: (issues: number, files: number) => `Найдено ошибок: ${issues}, в файлах: ${files}.`,
    noFolder: (dir: string) => `Папка ${dir} не найдена.`,
  },
  sync: {
    offlineFirstRun:
      'База знаний не загружена: нет связи с сервером. Подключитесь к сети и обновите страницу.',
    badBundle: 'Получен повреждённый файл базы знаний. Работаем с прежней версией.',
    storageFull:
      'Не хватает места в браузере, чтобы сохранить новую базу знаний. Работаем с прежней версией.',
    storageFailed: 'Не удалось сохранить базу знаний в браузере. Работаем с прежней версией.',
    indexFailed: 'Не удалось построить поиск по новой базе знаний. Работаем с прежней версией.',
    noStorage: 'Хранилище браузера недоступно: база знаний не сохранится между сеансами.',
  },
};
