import { t } from '../i18n';
import { dayInput, dayStart } from './format';

const DAY = 86_400_000;

type Props = { from: number; to: number; onChange: (period: { from: number; to: number }) => void };

/** Whole local days; `to` is exclusive, so the picker shows the day before it. */
export function PeriodPicker({ from, to, onChange }: Props) {
  const text = t.supervisor.period;
  return (
    <fieldset className="period">
      <legend>{text.label}</legend>
      <label>
        {text.from}{' '}
        <input
          type="date"
          value={dayInput(from)}
          onChange={(e) => {
            const start = dayStart(e.target.value);
            if (start !== null) onChange({ from: start, to: Math.max(to, start + DAY) });
          }}
        />
      </label>{' '}
      <label>
        {text.to}{' '}
        <input
          type="date"
          value={dayInput(to - DAY)}
          onChange={(e) => {
            const start = dayStart(e.target.value);
            if (start !== null) onChange({ from: Math.min(from, start), to: start + DAY });
          }}
        />
      </label>
    </fieldset>
  );
}
