import { isTimeZone, type Organisation } from '../../calls/organisation';
import { TextField } from '../../ui/TextField';
import { t } from '../../i18n';
import { WorkingHoursFields } from './WorkingHoursFields';
import { DepartmentsEditor } from './DepartmentsEditor';

interface Props {
  value: Organisation;
  onChange: (value: Organisation) => void;
}

const TEXT_FIELDS = ['fullName', 'shortName', 'phone', 'email', 'website', 'address'] as const;
const TYPES = { phone: 'tel', email: 'email', website: 'url' } as const;

export function OrganisationFields({ value, onChange }: Props) {
  return (
    <fieldset>
      <legend>{t.setup.organisation.legend}</legend>
      {TEXT_FIELDS.map((f) => (
        <TextField
          key={f}
          name={f}
          label={t.setup.organisation[f]}
          type={f in TYPES ? TYPES[f as keyof typeof TYPES] : 'text'}
          required={f === 'fullName' || f === 'shortName'}
          value={value[f]}
          onChange={(v) => onChange({ ...value, [f]: v })}
        />
      ))}
      <TextField
        name="timeZone"
        label={t.setup.organisation.timeZone}
        value={value.timeZone}
        error={isTimeZone(value.timeZone) ? null : t.setup.organisation.badTimeZone}
        onChange={(v) => onChange({ ...value, timeZone: v })}
      />
      <WorkingHoursFields
        value={value.workingHours}
        onChange={(workingHours) => onChange({ ...value, workingHours })}
      />
      <DepartmentsEditor
        value={value.departments}
        onChange={(departments) => onChange({ ...value, departments })}
      />
    </fieldset>
  );
}

export function isOrganisationValid(o: Organisation): boolean {
  return o.fullName.trim() !== '' && o.shortName.trim() !== '' && isTimeZone(o.timeZone);
}
