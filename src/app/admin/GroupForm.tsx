// A group of operators as the administrator writes it: its name and who is in it (issue 19).
import { useState, type FormEvent } from 'react';
import { t } from '../../i18n';
import type { AdminPerson, OperatorGroup } from '../../protocol';

type Props = {
  /** The group being changed; null for a new one. */
  group: OperatorGroup | null;
  operators: readonly AdminPerson[];
  onSave: (body: { name: string; members: string[] }) => Promise<boolean>;
  onCancel: () => void;
};

const fullName = (p: AdminPerson) => [p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ');

export function GroupForm({ group, operators, onSave, onCancel }: Props) {
  const words = t.account.admin.groups;
  const [name, setName] = useState(group?.name ?? '');
  const [members, setMembers] = useState<string[]>(() => group?.members.map((m) => m.personId) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const title = group ? words.editing(group.name) : words.add;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') return setProblem(words.emptyName);
    setProblem(null);
    if ((await onSave({ name: name.trim(), members })) && !group) {
      setName('');
      setMembers([]);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={title} noValidate>
      <h3>{title}</h3>
      {problem && <p role="alert">{problem}</p>}
      <label>
        {words.name} <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      </label>
      <fieldset>
        <legend>{words.members}</legend>
        {operators.map((p) => (
          <label key={p.id}>
            <input
              type="checkbox"
              checked={members.includes(p.id)}
              onChange={(e) =>
                setMembers((m) => (e.target.checked ? [...m, p.id] : m.filter((id) => id !== p.id)))
              }
            />
            {fullName(p)}
          </label>
        ))}
      </fieldset>
      <button type="submit">{words.save}</button>
      {group && (
        <button type="button" onClick={onCancel}>
          {words.cancel}
        </button>
      )}
    </form>
  );
}
