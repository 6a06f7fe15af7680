// The administrator's calls to /api/v1/groups (issue 19): lazy, with the administrator's page.
import type { GroupBody, OperatorGroup } from '../../protocol';
import { api } from './session';

const BASE = '/groups';

export const listGroups = async () => (await api<{ groups: OperatorGroup[] }>('GET', BASE)).groups;
export const createGroup = (group: GroupBody) => api<OperatorGroup>('POST', BASE, group);
export const updateGroup = (id: string, group: GroupBody) =>
  api<OperatorGroup>('PUT', `${BASE}/${encodeURIComponent(id)}`, group);
export const deleteGroup = (id: string) => api<undefined>('DELETE', `${BASE}/${encodeURIComponent(id)}`);
