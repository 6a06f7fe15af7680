// The administrator's page (issue 16, lazy): the people of the organisation, add one, reset a password,
// disable or enable, set roles; the groups of operators. Every refusal shows the server's Russian message.
import { useCallback, useEffect, useState } from 'react';
import { t } from '../../i18n';
import type { AdminPerson } from '../../protocol';
import { ApiRefusal } from '../../services/account/session';
import { listPeople } from '../../services/account/people';
import { PersonRow } from './PersonRow';
import { AddPersonForm } from './AddPersonForm';
import { GroupsPanel } from './GroupsPanel';
import { ColumnHeads } from '../../ui/ColumnHeads';

export function messageOf(err: unknown): string {
  return err instanceof ApiRefusal && err.message ? err.message : t.account.admin.unreachable;
}

export function AdminPage() {
  const words = t.account.admin;
  const [people, setPeople] = useState<AdminPerson[] | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const reload = useCallback(async () => {
    try {
      setPeople(await listPeople());
    } catch (err) {
      setMessage({ text: messageOf(err), error: true });
    }
  }, []);
  useEffect(() => void reload(), [reload]);

  const done = useCallback(
    (text: string, error = false) => {
      setMessage({ text, error });
      if (!error) void reload();
    },
    [reload],
  );

  return (
    <section>
      <h1>{words.title}</h1>
      {message && <p role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      <h2>{words.people}</h2>
      {people === null ? (
        <p role="status">{words.loading}</p>
      ) : (
        <table>
          <ColumnHeads
            columns={[
              words.columns.login,
              words.columns.name,
              words.columns.roles,
              words.columns.status,
              words.columns.actions,
            ]}
          />
          <tbody>
            {people.map((p) => (
              <PersonRow key={p.id} person={p} onDone={done} />
            ))}
          </tbody>
        </table>
      )}
      <AddPersonForm onDone={done} />
      <GroupsPanel people={people} onDone={done} />
    </section>
  );
}
