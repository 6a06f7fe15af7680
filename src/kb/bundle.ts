// The knowledge-base bundle the build emits as kb-bundle.json and the app stores in IndexedDB.
// restoreBundle() guards the app against a truncated or foreign file: it never trusts the network.
import { CLIENT_NEEDS, DIRECTIONS, type Article } from './article.ts';

export const KB_BUNDLE_FILE = 'kb-bundle.json';
export const KB_BUNDLE_FORMAT = 1;

export interface BundledArticle extends Article {
  /** The body compiled by renderArticleBody(): inert HTML, ready to insert. */
  html: string;
}

export interface KbBundle {
  format: typeof KB_BUNDLE_FORMAT;
  /** Short hash of the content: the same articles always give the same version. */
  version: string;
  /** ISO date-time of the build. */
  builtAt: string;
  articles: BundledArticle[];
}

export interface AssembleOptions {
  render: (markdown: string) => string;
  /** Hex digest of a string (the build passes SHA-256). */
  hash: (text: string) => string;
  builtAt: string;
}

export const VERSION_LENGTH = 12;

export function assembleBundle(articles: readonly Article[], options: AssembleOptions): KbBundle {
  const bundled = articles.map((a) => ({ ...a, html: options.render(a.body) }));
  const version = options
    .hash(JSON.stringify({ format: KB_BUNDLE_FORMAT, articles: bundled }))
    .slice(0, VERSION_LENGTH);
  return { format: KB_BUNDLE_FORMAT, version, builtAt: options.builtAt, articles: bundled };
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string';
const isTextList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isText);

function restoreBundledArticle(raw: unknown): BundledArticle | null {
  if (!isRec(raw)) return null;
  const r = raw;
  const texts = ['id', 'title', 'short', 'source', 'reviewed', 'owner', 'body', 'html'] as const;
  if (!texts.every((k) => isText(r[k])) || typeof r.reviewEveryDays !== 'number') return null;
  if (!isTextList(r.questions) || !isTextList(r.topics) || !isTextList(r.organisations)) return null;
  const directions = Array.isArray(r.directions)
    ? r.directions.flatMap((d) => DIRECTIONS.filter((x) => x === d))
    : [];
  const needs = Array.isArray(r.needs) ? r.needs.flatMap((n) => CLIENT_NEEDS.filter((x) => x === n)) : [];
  return {
    id: String(r.id),
    title: String(r.title),
    questions: r.questions,
    short: String(r.short),
    directions,
    needs,
    topics: r.topics,
    organisations: r.organisations,
    source: String(r.source),
    reviewed: String(r.reviewed),
    reviewEveryDays: r.reviewEveryDays,
    owner: String(r.owner),
    body: String(r.body),
    html: String(r.html),
  };
}

/** The bundle if the JSON is one this app can use, or null (a foreign format or a damaged file). */
export function restoreBundle(raw: unknown): KbBundle | null {
  if (!isRec(raw) || raw.format !== KB_BUNDLE_FORMAT) return null;
  if (!isText(raw.version) || raw.version === '' || !isText(raw.builtAt) || !Array.isArray(raw.articles))
    return null;
  const articles: BundledArticle[] = [];
  for (const a of raw.articles) {
    const article = restoreBundledArticle(a);
    if (!article) return null;
    articles.push(article);
  }
  return { format: KB_BUNDLE_FORMAT, version: raw.version, builtAt: raw.builtAt, articles };
}
