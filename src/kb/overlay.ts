// Editors' saved article changes laid over whichever knowledge-base bundle is active. Each change records
// the official text it was based on, so a newer official text never silently loses to it nor erases it.
import { ARTICLE_KEYS, type Article } from './article';
import type { BundledArticle } from './bundle';

/** The official text an edit was made against: which bundle, and a digest of that article (null = absent). */
export interface EditBase {
  version: string;
  hash: string | null;
}

/** One saved change as the overlay needs it; `basedOn` is missing on changes saved before it was recorded. */
export interface ArticleEdit {
  article: Article;
  /** The body rendered when the change was saved. */
  html: string;
  basedOn?: EditBase | undefined;
  /** The active bundle's own text of this article (null = the bundle has none), refreshed on every switch. */
  official?: { version: string; article: Article | null } | undefined;
}

/**
 * current: nothing to reconcile. officialChanged: the bundle's text differs from what the edit was based on.
 * officialRemoved: the bundle no longer has the article the edit changed. absorbed: the bundle's text is
 * the edit itself (it was exported and shipped), so the edit has nothing left to say.
 */
export type EditStatus = 'current' | 'officialChanged' | 'officialRemoved' | 'absorbed';

/** A short digest of an article's content (not its rendered HTML): equal content, equal digest. */
export function articleHash(article: Article): string {
  const text = JSON.stringify(ARTICLE_KEYS.map((k) => article[k]));
  // cyrb53: two 32-bit lanes, enough to tell versions of one article apart; not a security measure.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The base a change saved now records: the official text it replaces (null when the bundle has none). */
export function baseOf(version: string, official: Article | null): EditBase {
  return { version, hash: official ? articleHash(official) : null };
}

/** How an edit stands against an official text; `official` undefined = not known yet (no switch seen). */
export function editStatus(edit: ArticleEdit, official: Article | null | undefined): EditStatus {
  if (official === undefined) return 'current';
  if (official && articleHash(official) === articleHash(edit.article)) return 'absorbed';
  const base = edit.basedOn;
  // Saved before bases were recorded: whether the official text moved is unknown, so ask rather than assume.
  if (!base) return official ? 'officialChanged' : 'current';
  if (base.hash === null) return official ? 'officialChanged' : 'current';
  if (!official) return 'officialRemoved';
  return articleHash(official) === base.hash ? 'current' : 'officialChanged';
}

/** The status against the official text last recorded on the edit (after the latest bundle switch). */
export function recordedStatus(edit: ArticleEdit): EditStatus {
  return editStatus(edit, edit.official?.article);
}

export interface OverlayResult<E extends ArticleEdit> {
  /** The bundle's articles with every kept edit in place of (or beside) the official one. */
  articles: BundledArticle[];
  /** Edits to keep, each with the new bundle's official text recorded on it. */
  kept: E[];
  /** Ids of edits the bundle has absorbed (its text equals the edit): they can be dropped. */
  absorbed: string[];
}

/**
 * Lays edits over a freshly arrived bundle. Official articles are never dropped and edits are never
 * lost: an edit whose base moved stays in place and is flagged (recordedStatus) for the editor.
 */
export function overlayBundle<E extends ArticleEdit>(
  bundle: { version: string; articles: readonly BundledArticle[] },
  edits: readonly E[],
): OverlayResult<E> {
  const officialById = new Map(bundle.articles.map((a) => [a.id, a]));
  const kept: E[] = [];
  const absorbed: string[] = [];
  const replaced = new Map<string, BundledArticle>();
  for (const edit of edits) {
    const bundled = officialById.get(edit.article.id);
    const official = bundled ? withoutHtml(bundled) : null;
    if (editStatus(edit, official) === 'absorbed') {
      absorbed.push(edit.article.id);
      continue;
    }
    kept.push({ ...edit, official: { version: bundle.version, article: official } });
    replaced.set(edit.article.id, { ...edit.article, html: edit.html });
  }
  const articles = bundle.articles.map((a) => replaced.get(a.id) ?? a);
  for (const [id, article] of replaced) if (!officialById.has(id)) articles.push(article);
  return { articles, kept, absorbed };
}

function withoutHtml({ html: _html, ...article }: BundledArticle): Article {
  return article;
}

/** One field two texts of an article disagree on, each side as the editor reads it (lists joined). */
export interface ArticleFieldChange {
  field: (typeof ARTICLE_KEYS)[number];
  before: string;
  after: string;
}

const fieldText = (value: Article[keyof Article]): string =>
  Array.isArray(value) ? value.join(', ') : String(value);

/** The fields `after` changes against `before`, in the article's order: what a conflict shows. */
export function articleChanges(before: Article, after: Article): ArticleFieldChange[] {
  return ARTICLE_KEYS.flatMap((field) => {
    const [b, a] = [fieldText(before[field]), fieldText(after[field])];
    return b === a ? [] : [{ field, before: b, after: a }];
  });
}
