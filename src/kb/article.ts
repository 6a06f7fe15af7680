// A knowledge-base article as the app holds it, after restoreArticle() validated the Markdown source.

/** Directions of activity (STANDARD §7, 004 Appendix 2). */
export const DIRECTIONS = [
  'state-services',
  'support-measures',
  'control',
  'appeals',
  'information',
  'internal',
] as const;
export type DirectionOfActivity = (typeof DIRECTIONS)[number];

/** Client needs a touchpoint serves (STANDARD §7, 003 §4.9, 004 §2.6). */
export const CLIENT_NEEDS = [
  'information',
  'consultation',
  'forms',
  'submit',
  'result',
  'inspection',
  'feedback',
  'feedback-result',
  'other',
] as const;
export type ClientNeed = (typeof CLIENT_NEEDS)[number];

export interface Article {
  id: string;
  title: string;
  /** Questions as callers ask them, in several phrasings. */
  questions: string[];
  /** Two or three sentences to read aloud. */
  short: string;
  directions: DirectionOfActivity[];
  needs: ClientNeed[];
  /** Topic ids that link the article to flow steps and the transfer directory. */
  topics: string[];
  /** Organisation ids the article applies to; empty = every organisation. */
  organisations: string[];
  /** Legal act and section the answer rests on. */
  source: string;
  /** ISO date (YYYY-MM-DD) the article was last reviewed. */
  reviewed: string;
  /** Review interval in days. */
  reviewEveryDays: number;
  owner: string;
  /** The full answer, Markdown source. */
  body: string;
}

/**
 * An article's fields in a fixed order: the front matter's (src/kb/parse.ts reads them by these names, the
 * review interval as `reviewEvery`), then the body. The digest of an article (src/kb/overlay.ts) follows
 * this order, whatever order an object was built in: a field added here changes every digest.
 */
export const ARTICLE_KEYS = [
  'id',
  'title',
  'questions',
  'short',
  'directions',
  'needs',
  'topics',
  'organisations',
  'source',
  'reviewed',
  'reviewEveryDays',
  'owner',
  'body',
] as const satisfies readonly (keyof Article)[];
