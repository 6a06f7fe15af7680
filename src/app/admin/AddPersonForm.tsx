// Adding a person: login, name, roles, password. The server checks every field and names the wrong ones.
import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import type { Role } from '../../protocol';
import { addPerson } from '../../services/account/people';
import { messageOf } from './AdminPage';
import { RoleBoxes } from './RoleBoxes';

const FIELDS = ['login', 'surname', 'firstName', 'patronymic', 'position', 'password'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = {
  login: '',
  surname: '',
  firstName: '',
  patronymic: '',
  position: '',
  password: '',
};

export function AddPersonForm({ onDone }: { onDone: (text: string, error?: boolean) => void }) {
  const words = t.account.admin;
  const [values, setValues] = useState(EMPTY);
  const [roles, setRoles] = useState<Role[]>(['operator']);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      await addPerson({ ...values, roles });
      onDone(words.added(values.login));
      setValues(EMPTY);
    } catch (err) {
      onDone(messageOf(err), true);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={words.add} noValidate>
      <h2>{words.add}</h2>
      {FIELDS.map((f) => (
        <label key={f}>
          {words[f]}
          <input
            type={f === 'password' ? 'password' : 'text'}
            autoComplete={f === 'password' ? 'new-password' : 'off'}
            value={values[f]}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
        </label>
      ))}
      <RoleBoxes legend={words.roles} value={roles} onChange={setRoles} />
      <button type="submit">{words.addSubmit}</button>
    </form>
  );
}
