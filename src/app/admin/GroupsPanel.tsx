// The organisation's groups of operators (issue 19): the administrator names them and chooses who is in
// each; supervisors then filter calls, figures and exports by group. Every refusal shows the server's words.
import { useCallback, useEffect, useState } from 'react';
import { t } from '../../i18n';
import type { AdminPerson, OperatorGroup } from '../../protocol';
import { createGroup, deleteGroup, listGroups, updateGroup } from '../../services/account/groups';
import { ColumnHeads } from '../../ui/ColumnHeads';
import { messageOf } from './AdminPage';
import { GroupForm } from './GroupForm';

type Props = {
  people: readonly AdminPerson[] | null;
  onDone: (text: string, error?: boolean) => void;
};

export function GroupsPanel({ people, onDone }: Props) {
  const words = t.account.admin.groups;
  const [groups, setGroups] = useState<OperatorGroup[] | null>(null);
  const [editing, setEditing] = useState<OperatorGroup | null>(null);
  const operators = (people ?? []).filter((p) => p.roles.includes('operator'));

  const reload = useCallback(async () => {
    try {
      setGroups(await listGroups());
    } catch (err) {
      onDone(messageOf(err), true);
    }
  }, [onDone]);
  useEffect(() => void reload(), [reload]);

  const save = async (body: { name: string; members: string[] }) => {
    try {
      await (editing ? updateGroup(editing.id, body) : createGroup(body));
      onDone(words.saved(body.name));
      setEditing(null);
      await reload();
      return true;
    } catch (err) {
      onDone(messageOf(err), true);
      return false;
    }
  };
  const remove = async (group: OperatorGroup) => {
    try {
      await deleteGroup(group.id);
      onDone(words.removed(group.name));
      if (editing?.id === group.id) setEditing(null);
      await reload();
    } catch (err) {
      onDone(messageOf(err), true);
    }
  };

  return (
    <section aria-labelledby="admin-groups-title">
      <h2 id="admin-groups-title">{words.title}</h2>
      <p>{words.hint}</p>
      {groups === null ? (
        <p role="status">{words.loading}</p>
      ) : groups.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <table aria-labelledby="admin-groups-title">
          <ColumnHeads columns={[words.columns.name, words.columns.members, words.columns.actions]} />
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">{g.name}</th>
                <td>{g.members.length === 0 ? words.noMembers : g.members.map((m) => m.name).join(', ')}</td>
                <td>
                  <button type="button" onClick={() => setEditing(g)}>
                    {words.edit(g.name)}
                  </button>{' '}
                  <button type="button" onClick={() => void remove(g)}>
                    {words.remove(g.name)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <GroupForm
        key={editing?.id ?? 'new'}
        group={editing}
        operators={operators}
        onSave={save}
        onCancel={() => setEditing(null)}
      />
    </section>
  );
}
