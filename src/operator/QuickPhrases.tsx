import { t } from '../i18n';
import { PHRASE_KEYS, shortcutLabel } from '../services/shortcuts';
import type { QuickPhrase } from '../flows/types';
import { KeyButton } from '../ui/KeyButton';

type Props = { phrases: readonly QuickPhrase[]; onSay: (text: string) => void };

/** The flow's quick phrases, the first nine on Shift+1…9: one press puts the phrase under the line. */
export function QuickPhrases({ phrases, onSay }: Props) {
  if (phrases.length === 0) return null;
  return (
    <section className="quick-phrases" aria-label={t.operator.phrases.region}>
      <h3>{t.operator.phrases.region}</h3>
      <ul>
        {phrases.map((p, i) => {
          const key = PHRASE_KEYS[i];
          const label = key ? shortcutLabel(key) : undefined;
          return (
            <li key={p.id}>
              <KeyButton shortcut={label} className="secondary" onClick={() => onSay(p.text)}>
                {p.text}
              </KeyButton>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
