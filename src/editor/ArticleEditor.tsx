import { t } from '../i18n';
import type { AppDB } from '../db';
import type { ArticleEditNotice } from '../db/editor';
import type { ArticleFields } from './articleFile';
import { ArticleForm } from './ArticleForm';
import { useArticleDraft } from './useArticleDraft';

type Props = {
  db: AppDB;
  /** The article as the list shows it; the editor's draft of it, if any, is taken up instead. */
  initial: ArticleFields;
  /** Set when a newer knowledge base changed or dropped this article since it was edited here. */
  notice?: ArticleEditNotice | undefined;
  onBack: () => void;
  onSaved: () => void;
};

/** One article's fields and Markdown body, checked as kb:check would, with the answer previewed. */
export function ArticleEditor(props: Props) {
  const draft = useArticleDraft(props.db, props.initial);
  if (!draft.fields) return <p role="status">{t.editor.loading}</p>;
  const { initial: _initial, ...rest } = props;
  return <ArticleForm {...rest} draft={draft} article={draft.fields} />;
}
