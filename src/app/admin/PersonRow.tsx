// One person in the administrator's table: roles, status, a new password.
import { useState } from 'react';
import { t } from '../../i18n';
import type { AdminPerson, Role } from '../../protocol';
import { resetPassword, setDisabled, setRoles } from '../../services/account/people';
import { messageOf } from './AdminPage';
import { RoleBoxes } from './RoleBoxes';
import { LabelledInput } from '../../ui/LabelledInput';

export function PersonRow({
  person,
  onDone,
}: {
  person: AdminPerson;
  onDone: (text: string, error?: boolean) => void;
}) {
  const words = t.account.admin;
  const [roles, setRoleList] = useState<Role[]>(person.roles);
  const [password, setPassword] = useState('');
  const run = async (action: () => Promise<unknown>, ok: string) => {
    try {
      await action();
      onDone(ok);
    } catch (err) {
      onDone(messageOf(err), true);
    }
  };
  const name = [person.surname, person.firstName, person.patronymic].filter(Boolean).join(' ');
  return (
    <tr>
      <td>{person.login}</td>
      <td>{name}</td>
      <td>
        <RoleBoxes legend={words.rolesOf(person.login)} value={roles} onChange={setRoleList} />
        <button type="button" onClick={() => void run(() => setRoles(person.id, roles), words.saved)}>
          {words.saveRoles(person.login)}
        </button>
      </td>
      <td>{person.disabled ? words.disabled : words.active}</td>
      <td>
        <button
          type="button"
          onClick={() => void run(() => setDisabled(person.id, !person.disabled), words.saved)}
        >
          {person.disabled ? words.enable(person.login) : words.disable(person.login)}
        </button>
        <LabelledInput
          label={words.newPasswordOf(person.login)}
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
        />
        <button
          type="button"
          onClick={() =>
            void run(() => resetPassword(person.id, password), words.passwordSet(person.login)).then(() =>
              setPassword(''),
            )
          }
        >
          {words.resetPassword(person.login)}
        </button>
      </td>
    </tr>
  );
}
