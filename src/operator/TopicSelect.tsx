import { t } from '../i18n';
import { TOPICS, type Topic } from '../kb/topics';
import { OptionSelect } from '../ui/OptionSelect';

type Props = {
  label: string;
  /** What the empty first choice says ("any topic", "not chosen"). */
  emptyLabel: string;
  value: string;
  onChange: (topic: Topic | '') => void;
  /** The topics offered, in order; every topic of the knowledge base by default. */
  options?: readonly Topic[];
};

/** A labelled choice of one of the knowledge base's topics, named as the catalogue names them. */
export function TopicSelect({ options = TOPICS, ...rest }: Props) {
  return <OptionSelect {...rest} options={options} optionLabel={(x) => t.kb.topics[x]} />;
}
