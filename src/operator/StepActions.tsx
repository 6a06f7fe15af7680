import { t } from '../i18n';
import { ACTION_KEYS } from '../services/shortcuts';
import { KeyedButtons, type NumberedAction } from './KeyedButtons';

type Props = { actions: readonly NumberedAction[]; disabled: boolean; label?: string };

/** The actions open now as buttons, the first nine on the number keys. */
export function StepActions({ actions, disabled, label = t.operator.actions.region }: Props) {
  if (actions.length === 0) return null;
  return (
    <section className="call-actions" aria-label={label}>
      <ol>
        <KeyedButtons actions={actions} keys={ACTION_KEYS} disabled={disabled} />
      </ol>
    </section>
  );
}
