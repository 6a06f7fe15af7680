// The administrator's groups of operators (issue 19) on the administration page: name a group and tick
// who is in it, change it, remove it; the server's refusal (a taken name) is shown in its own words. The
// server here is a fake behind fetch that keeps the groups as the real one does.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { AdminPage } from '../../../src/app/admin/AdminPage';

const person = (id: string, surname: string, firstName: string, roles: string[]) => ({
  id,
  login: `${surname}.login`,
  surname,
  firstName,
  patronymic: '',
  position: '',
  department: '',
  roles,
  disabled: false,
  createdAt: '2026-12-01T00:00:00.000Z',
});
const ANNA = person('11111111-1111-4111-8111-111111111111', 'Смирнова', 'Анна', ['operator']);
const BORIS = person('22222222-2222-4222-8222-222222222222', 'Петров', 'Борис', ['operator']);
const CHIEF = person('33333333-3333-4333-8333-333333333333', 'Кузнецов', 'Игорь', ['supervisor']);
const PEOPLE = [ANNA, BORIS, CHIEF];

type Group = { id: string; name: string; members: { personId: string; name: string }[] };
let groups: Group[];
let n: number;
const writes: string[] = [];

const json = (status: number, body: unknown) =>
  Promise.resolve(
    status === 204
      ? new Response(null, { status })
      : new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }),
  );

function fakeServer(url: string, init: RequestInit = {}): Promise<Response> {
  const method = init.method ?? 'GET';
  if (url === '/api/v1/session')
    return json(200, {
      person: { ...CHIEF, roles: ['administrator'] },
      organisation: { id: 'org', shortName: 'Орг', fullName: 'Организация' },
      csrfToken: 'token',
      expiresAt: '2027-01-01T00:00:00.000Z',
    });
  if (url === '/api/v1/admin/people') return json(200, { people: PEOPLE });
  if (url === '/api/v1/groups' && method === 'GET') return json(200, { groups });
  writes.push(`${method} ${url}`);
  // The client sends its JSON as a string.
  const sent = typeof init.body === 'string' ? init.body : '{}';
  const body = JSON.parse(sent) as { name: string; members: string[] };
  const named = () => ({
    name: body.name,
    members: body.members.map((id) => {
      const p = PEOPLE.find((x) => x.id === id);
      return { personId: id, name: `${p?.surname} ${p?.firstName}` };
    }),
  });
  const taken = groups.some((g) => g.name.toLowerCase() === body.name?.toLowerCase() && !url.endsWith(g.id));
  if (method !== 'DELETE' && taken)
    return json(409, {
      code: 'group_name_taken',
      message: 'Группа с таким названием уже есть. Выберите другое.',
    });
  if (method === 'POST') {
    const made = { id: `g-${++n}`, ...named() };
    groups.push(made);
    return json(201, made);
  }
  const id = url.split('/').pop();
  if (method === 'PUT') {
    groups = groups.map((g) => (g.id === id ? { id: g.id, ...named() } : g));
    return json(
      200,
      groups.find((g) => g.id === id),
    );
  }
  groups = groups.filter((g) => g.id !== id);
  return json(204, null);
}

beforeEach(() => {
  groups = [];
  n = 0;
  writes.length = 0;
  vi.stubGlobal('fetch', fakeServer);
});
afterEach(() => vi.unstubAllGlobals());

it('defines a group of operators, changes who is in it, refuses a taken name and removes it', async () => {
  render(<AdminPage />);
  expect(await screen.findByText('Групп пока нет.')).toBeTruthy();
  const form = screen.getByRole('form', { name: 'Новая группа' });
  // Only operators are offered as members.
  const members = within(form).getByRole('group', { name: 'Операторы в группе' });
  expect(
    within(members)
      .getAllByRole('checkbox')
      .map((b) => b.closest('label')?.textContent),
  ).toEqual(['Смирнова Анна', 'Петров Борис']);
  fireEvent.click(within(form).getByRole('button', { name: 'Сохранить группу' }));
  expect(await within(form).findByRole('alert')).toHaveProperty('textContent', 'Назовите группу.');
  expect(writes).toEqual([]);

  fireEvent.change(within(form).getByLabelText('Название группы'), { target: { value: 'Первая линия' } });
  fireEvent.click(within(form).getByLabelText('Смирнова Анна'));
  fireEvent.click(within(form).getByRole('button', { name: 'Сохранить группу' }));
  expect(await screen.findByText('Группа «Первая линия» сохранена.')).toBeTruthy();
  const table = await screen.findByRole('table', { name: 'Группы операторов' });
  expect(within(table).getByRole('row', { name: /Первая линия/ }).textContent).toContain('Смирнова Анна');

  // A second group under the same name is refused with the server's words.
  const fresh = screen.getByRole('form', { name: 'Новая группа' });
  fireEvent.change(within(fresh).getByLabelText('Название группы'), { target: { value: 'первая линия' } });
  fireEvent.click(within(fresh).getByRole('button', { name: 'Сохранить группу' }));
  expect(await screen.findByText('Группа с таким названием уже есть. Выберите другое.')).toBeTruthy();

  // Boris joins, Anna leaves.
  fireEvent.click(screen.getByRole('button', { name: 'Изменить группу «Первая линия»' }));
  const edit = screen.getByRole('form', { name: 'Группа «Первая линия»' });
  expect(within(edit).getByLabelText('Смирнова Анна')).toHaveProperty('checked', true);
  fireEvent.click(within(edit).getByLabelText('Смирнова Анна'));
  fireEvent.click(within(edit).getByLabelText('Петров Борис'));
  fireEvent.click(within(edit).getByRole('button', { name: 'Сохранить группу' }));
  await vi.waitFor(() =>
    expect(
      within(screen.getByRole('table', { name: 'Группы операторов' })).getByRole('row', {
        name: /Первая линия/,
      }).textContent,
    ).toContain('Петров Борис'),
  );
  expect(groups[0]?.members.map((m) => m.personId)).toEqual([BORIS.id]);

  fireEvent.click(screen.getByRole('button', { name: 'Удалить группу «Первая линия»' }));
  expect(await screen.findByText('Группа «Первая линия» удалена.')).toBeTruthy();
  expect(await screen.findByText('Групп пока нет.')).toBeTruthy();
  expect(writes).toEqual([
    'POST /api/v1/groups',
    'POST /api/v1/groups',
    'PUT /api/v1/groups/g-1',
    'DELETE /api/v1/groups/g-1',
  ]);
});
