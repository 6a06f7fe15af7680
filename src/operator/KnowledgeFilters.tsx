import { t } from '../i18n';
import { DIRECTIONS, type DirectionOfActivity } from '../kb/article';
import type { Topic } from '../kb/topics';
import { OptionSelect } from '../ui/OptionSelect';
import { TopicSelect } from './TopicSelect';

type Props = {
  direction: DirectionOfActivity | '';
  topic: Topic | '';
  onDirection: (value: DirectionOfActivity | '') => void;
  onTopic: (value: Topic | '') => void;
};

/** Narrow the search to one direction of activity and one topic; empty = any. */
export function KnowledgeFilters({ direction, topic, onDirection, onTopic }: Props) {
  const text = t.kb.panel;
  return (
    <div className="kb-filters">
      <OptionSelect
        label={text.directionFilter}
        emptyLabel={text.anyDirection}
        value={direction}
        options={DIRECTIONS}
        optionLabel={(d) => t.kb.directions[d]}
        onChange={onDirection}
      />
      <TopicSelect label={text.topicFilter} emptyLabel={text.anyTopic} value={topic} onChange={onTopic} />
    </div>
  );
}
