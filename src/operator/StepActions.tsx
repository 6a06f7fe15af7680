import { t } from '../i18n';
import { ACTION_KEYS, shortcutLabel } from '../services/shortcuts';
import { KeyButton } from '../ui/KeyButton';

export interface NumberedAction {
  id: string;
  label: string;
  run: () => void;
}

type Props = { actions: readonly NumberedAction[]; disabled: boolean; label?: string };

/** The actions open now as buttons, the first nine on the number keys. */
export function StepActions({ actions, disabled, label = t.operator.actions.region }: Props) {
  if (actions.length === 0) return null;
  return (
    <section className="call-actions" aria-label={label}>
      <ol>
        {actions.map((a, i) => {
          const key = ACTION_KEYS[i];
          const keyLabel = key ? shortcutLabel(key) : null;
          return (
            <li key={a.id}>
              <KeyButton shortcut={keyLabel} onClick={a.run} disabled={disabled}>
                {a.label}
              </KeyButton>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
