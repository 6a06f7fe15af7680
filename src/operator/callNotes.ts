// What the operator notes on screen during a call (need category, topic, articles used): screen state
// that feeds the suggestions and the wrap-up. Care flags and the client kind are call events instead.
import type { ClientNeed } from '../kb/article';
import type { Topic } from '../kb/topics';

export interface CallNotes {
  need: ClientNeed | null;
  topic: Topic | null;
  articlesUsed: string[];
  /** Titles of the used articles, for the wrap-up; looked up after marking, so one may be missing. */
  articleTitles: Record<string, string>;
}

export const EMPTY_NOTES: CallNotes = {
  need: null,
  topic: null,
  articlesUsed: [],
  articleTitles: {},
};

export type NotesUpdate = (change: Partial<CallNotes>) => void;
