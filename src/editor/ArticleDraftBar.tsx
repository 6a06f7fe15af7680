import { t } from '../i18n';
import type { ArticleDraftState } from './useArticleDraft';

type Props = { draft: ArticleDraftState };

/** Whether the article being edited is kept as a draft (here and, signed in, on the server), and a way back. */
export function ArticleDraftBar({ draft }: Props) {
  const words = t.editor.articles.draft;
  const state =
    draft.save === 'saving'
      ? words.saving
      : draft.save === 'unsaved'
        ? words.unsaved
        : draft.isDraft
          ? words.saved
          : words.none;
  return (
    <p className="muted">
      <span data-testid="article-save-state">{state}</span>{' '}
      {draft.isDraft && (
        <button type="button" onClick={() => void draft.discard()}>
          {words.discard}
        </button>
      )}
    </p>
  );
}
