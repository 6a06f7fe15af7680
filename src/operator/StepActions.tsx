import { t } from '../i18n';
import { ACTION_KEYS, shortcutLabel } from '../services/shortcuts';

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
              <button
                type="button"
                onClick={a.run}
                disabled={disabled}
                aria-keyshortcuts={keyLabel ?? undefined}
              >
                {keyLabel && (
                  <kbd className="call-key" aria-hidden="true">
                    {keyLabel}
                  </kbd>
                )}
                {a.label}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
