// The organisation's groups of operators (issue 19), read once the workspace opens over a centre: the
// filters offer them. A failed reading offers none; the rest of the workspace says what the link is.
import { useEffect, useState } from 'react';

const centre = () => import('../../services/supervision');

export interface GroupChoice {
  id: string;
  name: string;
}

export function useCentreGroups(on: boolean): readonly GroupChoice[] {
  const [groups, setGroups] = useState<readonly GroupChoice[]>([]);
  useEffect(() => {
    if (!on) return;
    let live = true;
    void centre()
      .then((s) => s.fetchGroups())
      .then(
        (found) => live && setGroups(found.map(({ id, name }) => ({ id, name }))),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [on]);
  return groups;
}
