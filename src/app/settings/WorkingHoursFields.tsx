import { WEEKDAYS, type DaySchedule, type WeekSchedule } from '../../calls/organisation';
import { t } from '../../i18n';

interface Props {
  value: WeekSchedule;
  onChange: (value: WeekSchedule) => void;
}

const DEFAULT_DAY: DaySchedule = { start: '09:00', end: '18:00' };

type DayTimeProps = { day: string; label: string; value: string; onChange: (value: string) => void };

/** One end of a working day, its accessible name prefixed with the day. */
function DayTime({ day, label, value, onChange }: DayTimeProps) {
  return (
    <label>
      {label}{' '}
      <input
        type="time"
        aria-label={`${day}: ${label}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

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
                <DayTime
                  day={dayName}
                  label={labels.from}
                  value={day.start}
                  onChange={(start) => set({ ...day, start })}
                />
                <DayTime
                  day={dayName}
                  label={labels.to}
                  value={day.end}
                  onChange={(end) => set({ ...day, end })}
                />
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
