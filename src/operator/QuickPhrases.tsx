import { t } from '../i18n';
import { PHRASE_KEYS } from '../services/shortcuts';
import type { QuickPhrase } from '../flows/types';
import { KeyedButtons } from './KeyedButtons';

type Props = { phrases: readonly QuickPhrase[]; onSay: (text: string) => void };

/** The flow's quick phrases, the first nine on Shift+1…9: one press puts the phrase under the line. */
export function QuickPhrases({ phrases, onSay }: Props) {
  if (phrases.length === 0) return null;
  const says = phrases.map((p) => ({ id: p.id, label: p.text, run: () => onSay(p.text) }));
  return (
    <section className="quick-phrases" aria-label={t.operator.phrases.region}>
      <h3>{t.operator.phrases.region}</h3>
      <ul>
        <KeyedButtons actions={says} keys={PHRASE_KEYS} className="secondary" />
      </ul>
    </section>
  );
}
