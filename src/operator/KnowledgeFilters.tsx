import { useId } from 'react';
import { t } from '../i18n';
import { DIRECTIONS, type DirectionOfActivity } from '../kb/article';
import { TOPICS, type Topic } from '../kb/topics';

type Props = {
  direction: DirectionOfActivity | '';
  topic: Topic | '';
  onDirection: (value: DirectionOfActivity | '') => void;
  onTopic: (value: Topic | '') => void;
};

/** Narrow the search to one direction of activity and one topic; empty = any. */
export function KnowledgeFilters({ direction, topic, onDirection, onTopic }: Props) {
  const id = useId();
  const text = t.kb.panel;
  return (
    <div className="kb-filters">
      <label htmlFor={`${id}-d`}>{text.directionFilter}</label>
      <select
        id={`${id}-d`}
        value={direction}
        onChange={(e) => onDirection(DIRECTIONS.find((d) => d === e.target.value) ?? '')}
      >
        <option value="">{text.anyDirection}</option>
        {DIRECTIONS.map((d) => (
          <option key={d} value={d}>
            {t.kb.directions[d]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-t`}>{text.topicFilter}</label>
      <select
        id={`${id}-t`}
        value={topic}
        onChange={(e) => onTopic(TOPICS.find((x) => x === e.target.value) ?? '')}
      >
        <option value="">{text.anyTopic}</option>
        {TOPICS.map((x) => (
          <option key={x} value={x}>
            {t.kb.topics[x]}
          </option>
        ))}
      </select>
    </div>
  );
}
