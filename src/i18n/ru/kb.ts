import type { ClientNeed, DirectionOfActivity } from '../../kb/article';
import type { Topic } from '../../kb/topics';

export const directions = {
  'state-services': 'Государственные услуги',
  'support-measures': 'Меры поддержки',
  control: 'Контроль (надзор)',
  appeals: 'Обращения и запросы',
  information: 'Информация о деятельности',
  internal: 'Внутренние клиенты',
} satisfies Record<DirectionOfActivity, string>;

export const needs = {
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

export const topics = {
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

// Pure, so a chunk that imports this area without reading it (the first load, through `t`) need not run it.
const dateFormat = /* @__PURE__ */ new Intl.DateTimeFormat('ru-RU', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-03-01" → "1 марта 2026 г."; the text is already checked, so a bad one is shown as it is. */
export function formatDay(iso: string): string {
  const ms = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : dateFormat.format(ms);
}

export { check, describeProblem, formatKbIssue } from './kbIssues.ts';

export const panel = {
  region: 'База знаний',
  searchLabel: 'Поиск по базе знаний',
  searchPlaceholder: 'Вопрос звонящего, например «сколько ждать ответа»',
  directionFilter: 'Направление',
  topicFilter: 'Тема статей',
  anyDirection: 'Все направления',
  anyTopic: 'Все темы',
  results: 'Найденные статьи',
  noResults: 'Ничего не найдено. Попробуйте другие слова.',
  unavailable: 'База знаний пока недоступна.',
  typeToSearch: 'Начните вводить вопрос — статьи появятся сразу.',
  searching: 'Ищем…',
  searchFailed: 'Поиск сейчас не работает. Обновите страницу.',
  back: 'К результатам',
};

export const article = {
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
};

export const reviewDue = {
  title: 'Статьи, которые пора перепроверить',
  none: 'Все статьи проверены вовремя.',
  dueSince: (date: string) => `срок пересмотра — ${formatDay(date)}`,
  reviewedOn: (date: string) => `последняя проверка ${formatDay(date)}`,
};

export const version = {
  label: 'База знаний',
  info: (version: string, builtAt: string, count: number) =>
    `версия ${version} от ${formatDay(builtAt)}, статей: ${count}`,
  none: 'база знаний ещё не загружена',
};

export const sync = {
  offlineFirstRun: 'База знаний не загружена: нет связи с сервером. Подключитесь к сети и обновите страницу.',
  badBundle: 'Получен повреждённый файл базы знаний. Работаем с прежней версией.',
  storageFull: 'Не хватает места в браузере, чтобы сохранить новую базу знаний. Работаем с прежней версией.',
  storageFailed: 'Не удалось сохранить базу знаний в браузере. Работаем с прежней версией.',
  indexFailed: 'Не удалось построить поиск по новой базе знаний. Работаем с прежней версией.',
  noStorage: 'Хранилище браузера недоступно: база знаний не сохранится между сеансами.',
};
