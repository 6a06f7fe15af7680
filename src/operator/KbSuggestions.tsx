import { useEffect, useState } from 'react';
import { t } from '../i18n';
import type { Clock } from '../calls/clock';
import type { BundledArticle } from '../kb/bundle';
import type { KbLinks } from '../flows/types';
import { TOPICS } from '../kb/topics';
import { ArticleView } from './ArticleView';
import type { KnowledgeSource } from '../services/kbSync';

type Props = {
  source: KnowledgeSource | null;
  organisationId: string;
  links: KbLinks;
  /** The topic the operator picked for the call, searched first. */
  topic: string | null;
  clock: Clock;
  onUse: (articleId: string) => void;
};

type Suggestion = { id: string; title: string };
const PER_TOPIC = 3;

async function suggest(source: KnowledgeSource, articles: string[], topics: string[], org: string) {
  const found = new Map<string, Suggestion>();
  for (const id of articles) {
    const a = await source.getArticle(id);
    if (a) found.set(a.id, { id: a.id, title: a.title });
  }
  for (const tp of topics) {
    const label = TOPICS.find((x) => x === tp);
    if (!label) continue;
    // A lane of its own: these searches must not make the operator's own query stale.
    const result = await source.search(
      t.kb.topics[label],
      { limit: PER_TOPIC, filters: { topics: [tp], organisation: org } },
      'suggestions',
    );
    for (const hit of result?.hits ?? []) if (!found.has(hit.id)) found.set(hit.id, hit);
  }
  return [...found.values()];
}

/** Articles for the current step and topic, one press from the script; reading one marks it usable. */
export function KbSuggestions({ source, organisationId, links, topic, clock, onUse }: Props) {
  const [items, setItems] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState<BundledArticle | null>(null);
  // Joined into strings so a new step with the same links keeps the list instead of searching again.
  const articlesKey = links.articles.join('\n');
  const topicsKey = [...new Set([...(topic ? [topic] : []), ...links.topics])].join('\n');
  useEffect(() => {
    if (!source) return;
    let current = true;
    const split = (k: string) => (k === '' ? [] : k.split('\n'));
    suggest(source, split(articlesKey), split(topicsKey), organisationId).then(
      (list) => current && setItems(list),
      () => current && setItems([]),
    );
    return () => {
      current = false;
    };
  }, [source, articlesKey, topicsKey, organisationId]);
  const text = t.callPanels.suggestions;
  return (
    <section className="kb-suggestions" aria-label={text.suggestions}>
      <h3>{text.suggestions}</h3>
      {items.length === 0 && <p className="muted">{text.none}</p>}
      <ul>
        {items.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              onClick={() => void source?.getArticle(s.id).then((a) => setOpen(a ?? null))}
            >
              {s.title}
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <div className="kb-open">
          <button type="button" onClick={() => setOpen(null)}>
            {text.close}
          </button>
          <ArticleView key={open.id} article={open} now={clock.now()} onUse={onUse} />
        </div>
      )}
    </section>
  );
}
