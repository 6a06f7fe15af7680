import { shortcutLabel, type Shortcut } from '../services/shortcuts';
import { KeyButton } from '../ui/KeyButton';

export interface NumberedAction {
  id: string;
  label: string;
  run: () => void;
}

type Props = {
  actions: readonly NumberedAction[];
  /** The keys of the first actions, in order; the actions past them have none. */
  keys: readonly Shortcut[];
  disabled?: boolean;
  className?: string;
};

/** The items of a list of buttons, each showing the key that presses it. */
export function KeyedButtons({ actions, keys, disabled, className }: Props) {
  return actions.map((a, i) => {
    const key = keys[i];
    return (
      <li key={a.id}>
        <KeyButton
          shortcut={key ? shortcutLabel(key) : null}
          className={className}
          onClick={a.run}
          disabled={disabled}
        >
          {a.label}
        </KeyButton>
      </li>
    );
  });
}
