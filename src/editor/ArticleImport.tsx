// Loading article files in the repository's format (issue 18): one or more files, or a folder's, each
// checked as kb:check checks it; the editor sees what would change and every finding, and accepts the
// files that passed as their changes (saved here as "Сохранить" does; with a centre, they then go to
// everyone through the publication list, with its conflict check). A file with a finding changes nothing.
import { useId, useState } from 'react';
import { t } from '../i18n';
import type { AppDB } from '../db';
import { saveArticles } from '../db/editor';
import type { Article } from '../kb/article';
import { planArticleImport, type ImportPlan } from '../kb/importFiles';
import { renderArticleBody } from '../kb/render';
import type { ArticleSource } from '../kb/restoreKnowledgeBase';
import { buildIndex, exportIndex } from '../kb/search';
import { useClock } from '../services/ClockContext';
import { ARTICLE_FILE_MAX_BYTES, readTextFile } from '../services/readTextFile';
import { ArticleDiff } from './ArticleDiff';
import { publishesToCentre } from './centrePublish';
import { PublishRefusal } from './PublishRefusal';

type Props = { db: AppDB; articles: readonly Article[]; onImported: () => void };

async function sourceOf(file: File): Promise<ArticleSource> {
  const name = file.webkitRelativePath || file.name;
  const read = await readTextFile(file, ARTICLE_FILE_MAX_BYTES);
  return read.ok
    ? { file: name, text: read.text }
    : { file: name, unreadable: read.problem, maxBytes: ARTICLE_FILE_MAX_BYTES };
}

export function ArticleImport({ db, articles, onImported }: Props) {
  const clock = useClock();
  const words = t.editor.articles.import;
  const id = useId();
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFiles = async (files: readonly File[]) => {
    setMessage(null);
    setPlan(planArticleImport(await Promise.all(files.map(sourceOf)), articles));
  };
  const toTake = plan?.entries.filter((e) => e.change !== 'unchanged') ?? [];
  const accept = async () => {
    setBusy(true);
    try {
      const saved = await saveArticles(
        db,
        toTake.map((e) => ({ article: e.article })),
        {
          render: renderArticleBody,
          buildIndex: (all) => Promise.resolve(exportIndex(buildIndex(all))),
          now: clock.now(),
        },
      );
      if (!saved.ok) return setMessage(t.editor.articles.saveFailed);
      setPlan(null);
      setMessage((publishesToCentre() ? words.acceptedCentre : words.accepted)(toTake.length));
      onImported();
    } finally {
      setBusy(false);
    }
  };
  const picker = (key: 'files' | 'folder') => (
    <div>
      <label htmlFor={`${id}-${key}`}>{words[key]}</label>{' '}
      <input
        id={`${id}-${key}`}
        type="file"
        multiple
        accept={key === 'files' ? '.md,text/markdown' : undefined}
        // A folder's files, as the browser lists them (not in React's typings).
        ref={(el) => {
          if (key === 'folder') el?.setAttribute('webkitdirectory', '');
        }}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) void onFiles(files);
        }}
      />
    </div>
  );
  const count = (c: string) => plan?.entries.filter((e) => e.change === c).length ?? 0;
  return (
    <section className="article-import" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{words.title}</h3>
      {picker('files')}
      {picker('folder')}
      {message && <p role="status">{message}</p>}
      {plan && (
        <div data-testid="import-plan">
          <p role="status">
            {words.summary(count('new'), count('changed'), count('unchanged'), plan.refused.length)}
          </p>
          {toTake.length === 0 && plan.refused.length === 0 && <p>{words.nothing}</p>}
          {toTake.map(({ article, before, file }) => (
            <div key={file} data-import-article={article.id}>
              <p>
                {article.title} <code>{article.id}</code> — {before ? words.changed : words.new}
              </p>
              {before && <ArticleDiff before={before} after={article} title={words.diffOf(article.title)} />}
            </div>
          ))}
          {plan.refused.length > 0 && (
            <section aria-label={words.refusedTitle}>
              <h4>{words.refusedTitle}</h4>
              {plan.refused.map((r) => (
                <PublishRefusal
                  key={r.file}
                  message={words.refusedFile(r.file, r.issues.length)}
                  unreachable=""
                  issues={r.issues.map(t.kb.formatKbIssue)}
                />
              ))}
            </section>
          )}
          {plan.skipped.length > 0 && <p className="muted">{words.skipped(plan.skipped.join(', '))}</p>}
          <div className="toolbar">
            <button
              type="button"
              className="primary"
              disabled={busy || toTake.length === 0}
              onClick={() => void accept()}
            >
              {words.accept(toTake.length)}
            </button>
            <button type="button" onClick={() => setPlan(null)}>
              {words.cancel}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
