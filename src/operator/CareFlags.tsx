import { t } from '../i18n';
import { CARE_FLAGS, type CareFlag } from '../calls';

type Props = { value: readonly CareFlag[]; disabled: boolean; onChange: (value: CareFlag[]) => void };

/** Clients who need extra care (STANDARD §1), each flag with a short hint on how to help. */
export function CareFlags({ value, disabled, onChange }: Props) {
  const toggle = (flag: CareFlag) =>
    onChange(value.includes(flag) ? value.filter((f) => f !== flag) : [...value, flag]);
  return (
    <fieldset className="care-flags" disabled={disabled}>
      <legend>{t.operator.card.care}</legend>
      {CARE_FLAGS.map((flag) => (
        <label key={flag} className="choice">
          <input
            type="checkbox"
            checked={value.includes(flag)}
            onChange={() => toggle(flag)}
            data-testid={`care-${flag}`}
          />
          <span>
            {t.care[flag].label}
            {value.includes(flag) && (
              <small className="care-hint" data-testid={`care-hint-${flag}`}>
                {t.care[flag].hint}
              </small>
            )}
          </span>
        </label>
      ))}
    </fieldset>
  );
}
