import { t } from '../i18n';
import type { Article } from '../kb/article';
import { ArticleDiff } from './ArticleDiff';
import type { ArticleConflict } from './articlePublish';
import { formatPublishedAt } from './publicationText';

type Props = {
  conflict: ArticleConflict;
  /** The editor's own text of the article (absent if it is no longer among their changes). */
  mine: Article | undefined;
  busy: boolean;
  onKeepMine: (mine: Article) => void;
  onTakeTheirs: () => void;
};

/** One article another editor published meanwhile: who, when and why, the difference, two choices. */
export function ArticleConflictView({ conflict, mine, busy, onKeepMine, onTakeTheirs }: Props) {
  const words = t.editor.articles.centre;
  const { theirs, by } = conflict;
  const at = formatPublishedAt(by.publishedAt);
  return (
    <section data-conflict={theirs.id}>
      <h4>{words.conflictTitle(theirs.title, by.version, by.author?.name ?? null, at)}</h4>
      {by.note && <p>{words.conflictNote(by.note)}</p>}
      {mine && <ArticleDiff before={theirs} after={mine} title={words.conflictDiff} />}
      <div className="toolbar">
        {mine && (
          <button type="button" disabled={busy} onClick={() => onKeepMine(mine)}>
            {words.keepMine(theirs.title, by.version)}
          </button>
        )}
        <button type="button" disabled={busy} onClick={onTakeTheirs}>
          {words.takeTheirs(theirs.title, by.version)}
        </button>
      </div>
    </section>
  );
}
