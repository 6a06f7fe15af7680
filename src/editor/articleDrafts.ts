// Article drafts per editor (issue 18): the form's fields as typed, kept on this workstation and, while an
// editor is signed in to a centre, on the server for their other workstations (GET/PUT/DELETE
// /api/v1/kb/drafts/:articleId). What comes back from either passes through restoreArticleFields.
import type { ArticleDraft } from '../protocol';
import { rememberedSession } from '../services/account/serverProbe';
import { api, ApiRefusal } from '../services/account/session';
import type { ArticleFields } from './articleFile';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * A draft's fields as stored (by this app, possibly an older or newer one): each field of the form, a
 * missing or mistyped one empty, so an odd row never breaks the editor. Null when it is not of `id`.
 */
export function restoreArticleFields(raw: unknown, id: string): ArticleFields | null {
  if (!isRecord(raw) || raw.id !== id) return null;
  return {
    id,
    title: text(raw.title),
    questions: list(raw.questions),
    short: text(raw.short),
    directions: list(raw.directions),
    needs: list(raw.needs),
    topics: list(raw.topics),
    organisations: list(raw.organisations),
    source: text(raw.source),
    reviewed: text(raw.reviewed),
    reviewEveryDays:
      typeof raw.reviewEveryDays === 'number' && Number.isFinite(raw.reviewEveryDays)
        ? raw.reviewEveryDays
        : 0,
    owner: text(raw.owner),
    body: text(raw.body),
  };
}

const draftUrl = (id: string) => `/kb/drafts/${encodeURIComponent(id)}`;

/** The server's copy of the editor's draft: found, none there, or the server could not be asked. */
export type CentreArticleDraft =
  { kind: 'found'; draft: ArticleDraft } | { kind: 'none' } | { kind: 'unreachable' };

export async function centreArticleDraft(id: string): Promise<CentreArticleDraft> {
  try {
    return { kind: 'found', draft: await api<ArticleDraft>('GET', draftUrl(id)) };
  } catch (error) {
    return error instanceof ApiRefusal && error.code === 'article_draft_not_found'
      ? { kind: 'none' }
      : { kind: 'unreachable' };
  }
}

/** The editor's drafts on the server (typed on any of their workstations); null when it cannot be asked. */
export async function centreArticleDrafts(): Promise<ArticleDraft[] | null> {
  try {
    return (await api<{ drafts: ArticleDraft[] }>('GET', '/kb/drafts')).drafts;
  } catch {
    return null;
  }
}

/** Saves the draft on the server as typed; false when it did not take it (offline: the local copy waits). */
export async function saveCentreArticleDraft(fields: ArticleFields, base: string | null): Promise<boolean> {
  return api('PUT', draftUrl(fields.id), { draft: fields, base }).then(
    () => true,
    () => false,
  );
}

export async function discardCentreArticleDraft(id: string): Promise<void> {
  await api('DELETE', draftUrl(id)).catch(() => undefined);
}

/** Whose drafts this workstation shows: the signed-in person's, or '' on a single workstation. */
export function articleDraftOwner(): string {
  return rememberedSession()?.person.id ?? '';
}
