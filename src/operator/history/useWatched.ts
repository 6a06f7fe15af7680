import { useEffect, useRef, useState } from 'react';
import { watchQuery } from '../../db/records';

export type Watched<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed' };

/**
 * A repository read kept current: re-runs when the data it read changes, in this tab or another.
 * `query` is null when there is nothing to read (no storage); `key` names what is read, so a new
 * closure on every render does not re-subscribe.
 */
export function useWatched<T>(query: (() => Promise<T>) | null, key: string): Watched<T> {
  const [state, setState] = useState<Watched<T>>({ status: 'loading' });
  const latest = useRef(query);
  latest.current = query;
  const enabled = query !== null;
  useEffect(() => {
    const read = latest.current;
    if (!read) return;
    setState({ status: 'loading' });
    return watchQuery(
      read,
      (value) => setState({ status: 'ready', value }),
      () => setState({ status: 'failed' }),
    );
  }, [key, enabled]);
  return enabled ? state : { status: 'failed' };
}
