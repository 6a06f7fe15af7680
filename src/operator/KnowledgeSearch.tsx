import { useEffect, useState } from 'react';
import type { SearchFilters, SearchHit } from '../kb/search';
import type { KnowledgeSource } from '../services/kbSync';

const LIMIT = 10;

export type SearchStatus = 'idle' | 'searching' | 'done' | 'failed';

type Narrowing = { direction: string; topic: string; organisationId: string | undefined };

/** Searches as the query changes; an answer that arrives after a newer query started is dropped. */
export function useKnowledgeSearch(
  source: KnowledgeSource | null,
  query: string,
  { direction, topic, organisationId }: Narrowing,
): { hits: SearchHit[]; status: SearchStatus } {
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<SearchStatus>('idle');

  useEffect(() => {
    if (!source || query.trim() === '') {
      setHits([]);
      setStatus('idle');
      return;
    }
    let current = true;
    const filters: SearchFilters = {};
    if (direction) filters.directions = [direction];
    if (topic) filters.topics = [topic];
    if (organisationId) filters.organisation = organisationId;
    setStatus('searching');
    source.search(query, { limit: LIMIT, filters }).then(
      (result) => {
        if (!current || result === null) return;
        setHits(result.hits);
        setStatus('done');
      },
      () => current && setStatus('failed'),
    );
    return () => {
      current = false;
    };
  }, [source, query, direction, topic, organisationId]);

  return { hits, status };
}
