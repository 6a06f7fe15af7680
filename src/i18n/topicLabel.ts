// A topic id (src/kb/topics.ts) in words, shared by the operator's transfer directory and the supervisor's
// call record; an id the catalogue does not know (an older or a flow's own) is shown as it is.
import { t } from './index';
import { TOPICS } from '../kb/topics';

export const topicLabel = (id: string): string => {
  const topic = TOPICS.find((x) => x === id);
  return topic ? t.kb.topics[topic] : id;
};
