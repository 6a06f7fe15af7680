// What the operator notes beside the engine during a call (need category, topic, care flags, articles
// used): screen state that feeds the caller card, the suggestions and the wrap-up.
import type { CareFlag } from '../app/i18n/ru/operator';
import type { ClientNeed } from '../kb/article';
import type { Topic } from '../kb/topics';

export interface CallNotes {
  need: ClientNeed | null;
  topic: Topic | null;
  person: 'citizen' | 'business';
  care: CareFlag[];
  articlesUsed: string[];
  /** Titles of the used articles, for the wrap-up; looked up after marking, so one may be missing. */
  articleTitles: Record<string, string>;
}

export const EMPTY_NOTES: CallNotes = {
  need: null,
  topic: null,
  person: 'citizen',
  care: [],
  articlesUsed: [],
  articleTitles: {},
};

export type NotesUpdate = (change: Partial<CallNotes>) => void;
