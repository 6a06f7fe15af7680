import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import type { KbSyncNotice, KnowledgeSource } from '../services/kbSync';
import type { Clock } from '../calls/clock';
import { systemClock } from '../services/clock';
import type { DirectionOfActivity } from '../kb/article';
import type { BundledArticle } from '../kb/bundle';
import type { Topic } from '../kb/topics';
import { ArticleView } from './ArticleView';
import { KnowledgeFilters } from './KnowledgeFilters';
import { KnowledgeResults } from './KnowledgeResults';
import { useKnowledgeSearch } from './KnowledgeSearch';
import { KnowledgeVersion } from './KnowledgeVersion';

/** What the panel reads: search through the worker, articles from the IndexedDB cache (src/services/kbSync.ts). */
export type KnowledgePanelProps = {
  /** Null while the knowledge base loads or when there is none: the box stays usable but finds nothing. */
  source: KnowledgeSource | null;
  /** The caller's organisation: its own articles and the ones for every organisation are shown. */
  organisationId?: string;
  /** Change the number (e.g. increment it from a hotkey) to move focus to the search box. */
  focusRequest?: number;
  onUse?: (articleId: string) => void;
  /** From kbSync: shown above the results when the knowledge base is missing or could not be updated. */
  notice?: KbSyncNotice | null;
  clock?: Clock;
};

export function KnowledgePanel({
  source,
  organisationId,
  focusRequest,
  onUse,
  notice,
  clock = systemClock,
}: KnowledgePanelProps) {
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const openRef = useRef<HTMLDivElement>(null);
  const [query, setQuery] = useState('');
  const [direction, setDirection] = useState<DirectionOfActivity | ''>('');
  const [topic, setTopic] = useState<Topic | ''>('');
  const [open, setOpen] = useState<BundledArticle | 'missing' | null>(null);
  const text = t.kb.panel;

  useEffect(() => {
    if (focusRequest !== undefined) inputRef.current?.focus();
  }, [focusRequest]);

  // Opening an article moves focus into it, so a keyboard user reads it next and Escape leaves it.
  // In the commit itself: a focus move left for after paint could land after a quick Escape had
  // already sent focus back to the box, and pull it into an article about to be removed.
  useLayoutEffect(() => {
    if (open !== null) openRef.current?.focus();
  }, [open]);

  const { hits, status } = useKnowledgeSearch(source, query, { direction, topic, organisationId });

  const openArticle = (id: string) => {
    if (!source) return;
    source.getArticle(id).then(
      (article) => setOpen(article ?? 'missing'),
      () => setOpen('missing'),
    );
  };
  const backToResults = () => {
    setOpen(null);
    inputRef.current?.focus();
  };

  return (
    <section className="kb-panel" aria-label={t.kb.panel.region}>
      <div className="kb-search">
        <label htmlFor={inputId}>{text.searchLabel}</label>
        <input
          id={inputId}
          ref={inputRef}
          type="search"
          value={query}
          placeholder={text.searchPlaceholder}
          autoComplete="off"
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(null);
          }}
          onKeyDown={(e) => {
            const first = hits[0];
            if (e.key === 'Enter' && first) openArticle(first.id);
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              e.currentTarget
                .closest('.kb-panel')
                ?.querySelector<HTMLButtonElement>('.kb-results button')
                ?.focus();
            }
          }}
        />
      </div>
      {notice && <p className="kb-notice">{t.kb.sync[notice]}</p>}
      <KnowledgeFilters direction={direction} topic={topic} onDirection={setDirection} onTopic={setTopic} />
      {open !== null ? (
        <div
          ref={openRef}
          tabIndex={-1}
          className="kb-open"
          onKeyDown={(e) => {
            if (e.key === 'Escape') backToResults();
          }}
        >
          <button type="button" className="kb-back" onClick={backToResults}>
            {text.back}
          </button>
          {open === 'missing' ? (
            <p role="alert">{t.kb.article.notFound}</p>
          ) : (
            <ArticleView key={open.id} article={open} now={clock.now()} onUse={onUse} />
          )}
        </div>
      ) : (
        <>
          <p className="kb-status" role="status">
            {!source && text.unavailable}
            {source && status === 'idle' && text.typeToSearch}
            {status === 'failed' && text.searchFailed}
            {status === 'done' && hits.length === 0 && text.noResults}
          </p>
          <KnowledgeResults hits={hits} onOpen={openArticle} onLeaveTop={() => inputRef.current?.focus()} />
        </>
      )}
      <KnowledgeVersion info={source?.info ?? null} />
    </section>
  );
}
