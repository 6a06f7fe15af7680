import { t } from '../i18n';
import type { Article } from '../kb/article';
import { articleChanges } from '../kb/overlay';

type Props = { before: Article; after: Article; title: string };

/** The fields of an article two texts disagree on: the published one struck through beside the editor's. */
export function ArticleDiff({ before, after, title }: Props) {
  const words = t.editor.articles;
  const diff = t.editor.diff;
  return (
    <section className="diff-view" aria-label={title}>
      <h4>{title}</h4>
      <dl>
        {articleChanges(before, after).map((c) => (
          <div key={c.field} className="diff-field" data-field={c.field}>
            <dt>{words.fields[c.field === 'reviewEveryDays' ? 'reviewEvery' : c.field]}</dt>
            <dd>
              <span className="visually-hidden">{diff.before}: </span>
              <del>{c.before}</del>
            </dd>
            <dd>
              <span className="visually-hidden">{diff.after}: </span>
              <ins>{c.after}</ins>
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
