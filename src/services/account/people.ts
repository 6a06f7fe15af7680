// The administrator's calls to /api/v1/admin/people (issue 16): lazy, with the administrator's page.
import type { AdminPerson, NewPerson, Role } from '../../protocol';
import { api } from './session';

const BASE = '/admin/people';

export const listPeople = async () => (await api<{ people: AdminPerson[] }>('GET', BASE)).people;
export const addPerson = (person: NewPerson) => api<AdminPerson>('POST', BASE, person);
export const resetPassword = (id: string, password: string) =>
  api<undefined>('PUT', `${BASE}/${id}/password`, { password });
export const setDisabled = (id: string, disabled: boolean) =>
  api<AdminPerson>('PUT', `${BASE}/${id}/status`, { disabled });
export const setRoles = (id: string, roles: Role[]) =>
  api<AdminPerson>('PUT', `${BASE}/${id}/roles`, { roles });
