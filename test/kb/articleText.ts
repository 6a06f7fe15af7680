// Builds article sources for tests: a valid article by default, with any front-matter line replaced.
export interface ArticleParts {
  id: string;
  title?: string;
  questions?: string[];
  short?: string;
  directions?: string[];
  needs?: string[];
  topics?: string[];
  organisations?: string[];
  reviewed?: string;
  reviewEvery?: number;
  body?: string;
}

export function articleText(p: ArticleParts): string {
  const list = (xs: string[]) => `[${xs.join(', ')}]`;
  const questions = (
    p.questions ?? ['Когда мне ответят на обращение?', 'Сколько рассматривают заявление']
  ).map((q) => `  - ${q}`);
  return [
    '---',
    `id: ${p.id}`,
    `title: ${p.title ?? 'Сколько ждать ответа на письменное обращение'}`,
    'questions:',
    ...questions,
    'short: >',
    `  ${p.short ?? 'Письменное обращение рассматривают до 30 дней со дня регистрации.'}`,
    `directions: ${list(p.directions ?? ['appeals'])}`,
    `needs: ${list(p.needs ?? ['information'])}`,
    `topics: ${list(p.topics ?? ['appeals', 'appeal-deadlines'])}`,
    `organisations: ${list(p.organisations ?? [])}`,
    'source: Порядок взаимодействия с клиентами, п. 3.4.4',
    `reviewed: ${p.reviewed ?? '2026-09-01'}`,
    `reviewEvery: ${p.reviewEvery ?? 180}`,
    'owner: Отдел по работе с обращениями граждан',
    '---',
    '',
    p.body ?? 'Срок считают в **календарных** днях со дня регистрации.',
    '',
  ].join('\n');
}
