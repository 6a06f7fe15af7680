import { WEEKDAYS, type DaySchedule, type WeekSchedule } from '../../calls/organisation';
import { t } from '../../i18n';

interface Props {
  value: WeekSchedule;
  onChange: (value: WeekSchedule) => void;
}

const DEFAULT_DAY: DaySchedule = { start: '09:00', end: '18:00' };

export function WorkingHoursFields({ value, onChange }: Props) {
  const labels = t.setup.organisation;
  return (
    <fieldset className="working-hours">
      <legend>{labels.workingHours}</legend>
      {WEEKDAYS.map((d) => {
        const day = value[d];
        const dayName = labels.weekdays[d - 1] ?? '';
        const set = (next: DaySchedule | undefined) => {
          const copy = { ...value };
          if (next) copy[d] = next;
          else delete copy[d];
          onChange(copy);
        };
        return (
          <div key={d} className="working-day">
            <label>
              <input
                type="checkbox"
                checked={Boolean(day)}
                onChange={(e) => set(e.target.checked ? DEFAULT_DAY : undefined)}
              />
              {dayName}
            </label>
            {day ? (
              <>
                <label>
                  {labels.from}{' '}
                  <input
                    type="time"
                    aria-label={`${dayName}: ${labels.from}`}
                    value={day.start}
                    onChange={(e) => set({ ...day, start: e.target.value })}
                  />
                </label>
                <label>
                  {labels.to}{' '}
                  <input
                    type="time"
                    aria-label={`${dayName}: ${labels.to}`}
                    value={day.end}
                    onChange={(e) => set({ ...day, end: e.target.value })}
                  />
                </label>
              </>
            ) : (
              <span className="muted">{labels.dayOff}</span>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
