import type { NewUser, UserList, UserPatch, UserQuery } from '../../../common/api/users.ts';
import { api } from './client.ts';
import type { UserItem } from './types.ts';

export type { NewUser, UserPatch, UserQuery };

export function listUsers(query: UserQuery, signal?: AbortSignal): Promise<UserList> {
  return api.get<UserList>('/api/users', { query: { ...query }, signal });
}

export function createUser(user: NewUser): Promise<UserItem> {
  return api.post<UserItem>('/api/users', user);
}

export function updateUser(id: UserItem['id'], patch: UserPatch): Promise<UserItem> {
  return api.patch<UserItem>(`/api/users/${encodeURIComponent(String(id))}`, patch);
}
