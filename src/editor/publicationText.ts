// How a publication's time reads in the editor: a long Russian date and time, in this browser's zone.
import { t } from '../i18n';
import type { KbArticlePublication } from '../protocol';

const format = new Intl.DateTimeFormat('ru-RU', { dateStyle: 'long', timeStyle: 'short' });

export const formatPublishedAt = (iso: string): string => format.format(Date.parse(iso));

/** "в центре: версия 4, Иванова Анна, 6 декабря 2026 г. в 21:05". */
export const publicationText = (p: KbArticlePublication): string =>
  t.editor.articles.centre.publication(p.version, p.author?.name ?? null, formatPublishedAt(p.publishedAt));
