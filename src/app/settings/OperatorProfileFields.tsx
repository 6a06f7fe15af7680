import type { OperatorProfile } from '../../calls/organisation';
import { TextField } from '../../ui/TextField';
import { t } from '../../i18n';

interface Props {
  value: OperatorProfile;
  onChange: (value: OperatorProfile) => void;
  autoFocus?: boolean;
}

const FIELDS = ['surname', 'firstName', 'patronymic', 'position', 'department'] as const;
// The greeting on a reference line names the operator's position and department too (001 §3.8.8).
const REQUIRED = new Set<keyof OperatorProfile>(['surname', 'firstName', 'position', 'department']);
const AUTOCOMPLETE: Partial<Record<keyof OperatorProfile, string>> = {
  surname: 'family-name',
  firstName: 'given-name',
  patronymic: 'additional-name',
  position: 'organization-title',
};

export function OperatorProfileFields({ value, onChange, autoFocus }: Props) {
  return (
    <fieldset>
      <legend>{t.setup.operatorProfile.legend}</legend>
      {FIELDS.map((f, i) => (
        <TextField
          key={f}
          name={f}
          label={t.setup.operatorProfile[f]}
          value={value[f]}
          required={REQUIRED.has(f)}
          autoComplete={AUTOCOMPLETE[f]}
          autoFocus={autoFocus && i === 0}
          onChange={(v) => onChange({ ...value, [f]: v })}
        />
      ))}
    </fieldset>
  );
}

export const EMPTY_OPERATOR: OperatorProfile = {
  surname: '',
  firstName: '',
  patronymic: '',
  position: '',
  department: '',
};

export function isOperatorComplete(p: OperatorProfile): boolean {
  return [...REQUIRED].every((f) => p[f].trim() !== '');
}
