import { t } from '../i18n';

export const RATINGS = [1, 2, 3, 4, 5] as const;

type Props = { value: number | null; onChange: (value: number | null) => void };

/** The caller's rating, if they gave one (STANDARD §8); the wrap-up also sets it on keys 1–5. */
export function SatisfactionField({ value, onChange }: Props) {
  const text = t.callPanels.wrapUp;
  return (
    <fieldset className="rating">
      <legend>{text.satisfaction}</legend>
      {RATINGS.map((r) => (
        <label key={r} className="choice">
          <input type="radio" name="satisfaction" checked={value === r} onChange={() => onChange(r)} />
          {r}
        </label>
      ))}
      <label className="choice">
        <input type="radio" name="satisfaction" checked={value === null} onChange={() => onChange(null)} />
        {text.notRated}
      </label>
    </fieldset>
  );
}
