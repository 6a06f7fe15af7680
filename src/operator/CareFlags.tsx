import { t } from '../app/i18n';
import type { CareFlag } from '../app/i18n/ru/operator';

type Props = { value: readonly CareFlag[]; onChange: (value: CareFlag[]) => void };

const FLAGS = Object.keys(t.operator.care) as CareFlag[]; // keys of the catalogue's own object

/** Clients who need extra care (STANDARD §1), each flag with a short hint on how to help. */
export function CareFlags({ value, onChange }: Props) {
  const toggle = (flag: CareFlag) =>
    onChange(value.includes(flag) ? value.filter((f) => f !== flag) : [...value, flag]);
  return (
    <fieldset className="care-flags">
      <legend>{t.operator.card.care}</legend>
      {FLAGS.map((flag) => (
        <label key={flag} className="choice">
          <input type="checkbox" checked={value.includes(flag)} onChange={() => toggle(flag)} />
          <span>
            {t.operator.care[flag].label}
            {value.includes(flag) && (
              <small className="care-hint" data-testid={`care-hint-${flag}`}>
                {t.operator.care[flag].hint}
              </small>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
