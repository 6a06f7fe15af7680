import type { KeyboardEvent } from 'react';
import { t } from '../i18n';
import type { SearchHit } from '../kb/search';
import { Highlight } from '../ui/Highlight';

type Props = {
  hits: readonly SearchHit[];
  onOpen: (id: string) => void;
  /** Arrow-up from the first result goes back to the search box. */
  onLeaveTop: () => void;
};

function moveFocus(e: KeyboardEvent<HTMLButtonElement>, onLeaveTop: () => void) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  e.preventDefault();
  const item = e.currentTarget.closest('li');
  const next = e.key === 'ArrowDown' ? item?.nextElementSibling : item?.previousElementSibling;
  const button = next?.querySelector('button');
  if (button) button.focus();
  else if (e.key === 'ArrowUp') onLeaveTop();
}

/** Matching articles, best first, with the matched words marked in the title and the short answer. */
export function KnowledgeResults({ hits, onOpen, onLeaveTop }: Props) {
  return (
    <ol className="kb-results" aria-label={t.kb.panel.results}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <button
            type="button"
            data-article-id={hit.id}
            onClick={() => onOpen(hit.id)}
            onKeyDown={(e) => moveFocus(e, onLeaveTop)}
          >
            <span className="kb-result-title">
              <Highlight text={hit.title} ranges={hit.titleRanges} />
            </span>
            <span className="kb-result-short">
              <Highlight text={hit.short} ranges={hit.shortRanges} />
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}
