import { useMemo, useState } from 'react';
import { t } from '../i18n';
import { useClock } from '../services/ClockContext';
import type { AppDB } from '../db';
import { saveArticle, type ArticleEditNotice } from '../db/editor';
import { renderArticleBody } from '../kb/render';
import { buildIndex, exportIndex } from '../kb/search';
import {
  articleFileName,
  articleFileText,
  checkArticle,
  markReviewed,
  type ArticleFields,
} from './articleFile';
import { downloadText } from './download';
import { EdField } from './EdField';
import { EditorPage } from './EditorPage';
import { KbIssueText } from './KbIssueText';
import { ListField } from './ListField';
import { OfficialNotice } from './OfficialNotice';
import { ArticleDraftBar } from './ArticleDraftBar';
import { publishesToCentre } from './centrePublish';
import type { ArticleDraftState } from './useArticleDraft';

type Props = {
  db: AppDB;
  /** Set when a newer knowledge base changed or dropped this article since it was edited here. */
  notice?: ArticleEditNotice | undefined;
  onBack: () => void;
  onSaved: () => void;
};

type ListKey = 'questions' | 'directions' | 'needs' | 'topics' | 'organisations';
type TextKey = 'title' | 'short' | 'source' | 'reviewed' | 'owner';

/** The article's fields and Markdown body as the editor types them, checked as kb:check would. */
export function ArticleForm({
  db,
  notice,
  onBack,
  onSaved,
  draft,
  article,
}: Props & { draft: ArticleDraftState; article: ArticleFields }) {
  const clock = useClock();
  const text = t.editor.articles;
  const [message, setMessage] = useState<string | null>(null);
  const check = useMemo(() => checkArticle(article), [article]);
  const html = useMemo(() => renderArticleBody(article.body), [article.body]);
  const issuesOf = (field: string | null) => (check.ok ? [] : check.issues.filter((i) => i.field === field));
  const set = (patch: Partial<ArticleFields>) => {
    draft.edit((a) => ({ ...a, ...patch }));
    setMessage(null);
  };
  const id = (f: string) => `ed-article-${f}`;
  /** One text of the article as a control: its id and label, its value and its change. */
  const bound = (f: TextKey | 'body') => ({
    id: id(f),
    label: text.fields[f],
    value: article[f],
    onChange: (v: string) => set({ [f]: v }),
  });
  const textField = (f: TextKey, area = false) => (
    <div key={f}>
      <EdField kind={area ? 'area' : 'text'} {...bound(f)} />
      <KbIssueText id={`${id(f)}-issues`} issues={issuesOf(f)} />
    </div>
  );
  const listField = (f: ListKey) => (
    <div key={f}>
      <ListField
        id={id(f)}
        label={text.fields[f]}
        by={f === 'questions' ? 'line' : 'comma'}
        value={article[f]}
        onChange={(v) => set({ [f]: v })}
      />
      <KbIssueText id={`${id(f)}-issues`} issues={issuesOf(f)} />
    </div>
  );
  const save = async () => {
    if (!check.ok) return;
    await draft.flush();
    const result = await saveArticle(
      db,
      check.article,
      {
        render: renderArticleBody,
        buildIndex: (articles) => Promise.resolve(exportIndex(buildIndex(articles))),
        now: clock.now(),
      },
      // The text the edit began from, wherever it began: publishing compares with that one. With the
      // newer official text shown beside it, saving is the editor's answer to it: the change rests on it.
      notice ? undefined : draft.base,
    );
    setMessage(result.ok ? text.saved : text.saveFailed);
    if (!result.ok) return;
    // With a centre, the draft waits on the server until published (from any of the editor's desks).
    if (!publishesToCentre()) await draft.settle();
    onSaved();
  };
  return (
    <EditorPage
      kind="article"
      edited={article}
      onBack={onBack}
      subtitle={<code>knowledge-base/{articleFileName(article)}</code>}
    >
      <ArticleDraftBar draft={draft} />
      {notice && <OfficialNotice notice={notice} />}
      <KbIssueText id="ed-article-file-issues" issues={issuesOf(null)} />
      {textField('title')}
      {listField('questions')}
      {textField('short', true)}
      {listField('directions')}
      {listField('needs')}
      {listField('topics')}
      {listField('organisations')}
      {textField('source')}
      {textField('reviewed')}
      <EdField
        kind="number"
        id={id('reviewEvery')}
        label={text.fields.reviewEvery}
        value={article.reviewEveryDays}
        onChange={(v) => set({ reviewEveryDays: v })}
      />
      <KbIssueText id={`${id('reviewEvery')}-issues`} issues={issuesOf('reviewEvery')} />
      {textField('owner')}
      <EdField kind="area" {...bound('body')} />
      <h3>{text.preview}</h3>
      {/* renderArticleBody produces inert HTML (no raw HTML, safe links): the same the operator sees. */}
      <div
        className="article-body"
        data-testid="article-preview"
        dangerouslySetInnerHTML={{ __html: html }}
      />
      <div className="toolbar">
        <button type="button" className="primary" disabled={!check.ok} onClick={() => void save()}>
          {text.save}
        </button>
        <button type="button" onClick={() => set(markReviewed(article, new Date(clock.now()).toISOString()))}>
          {text.markReviewed}
        </button>
        <button
          type="button"
          onClick={() => downloadText(articleFileName(article), articleFileText(article), 'text/markdown')}
        >
          {text.export}
        </button>
      </div>
      {!check.ok && <p className="muted">{text.fix}</p>}
      {message && <p role="status">{message}</p>}
    </EditorPage>
  );
}
