// Four role checkboxes, each named by its role (and the person, when a table shows many).
import { t } from '../../i18n';
import { ROLES, type Role } from '../../protocol/roles';

export function RoleBoxes({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: readonly Role[];
  onChange: (roles: Role[]) => void;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {ROLES.map((role) => (
        <label key={role}>
          <input
            type="checkbox"
            checked={value.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...value, role] : value.filter((r) => r !== role))}
          />
          {t.account.admin.roleNames[role]}
        </label>
      ))}
    </fieldset>
  );
}
