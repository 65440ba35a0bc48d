import type { Role } from '../../../common/roles.ts';
import { api } from './client.ts';
import type { Page, UserItem } from './types.ts';

export interface UserQuery {
  q?: string;
  page: number;
  pageSize: number;
}

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: Role[];
  regionCode: string;
}

export interface UserPatch {
  version: number;
  displayName?: string;
  roles?: Role[];
  disabled?: boolean;
  password?: string;
}

export function listUsers(query: UserQuery, signal?: AbortSignal): Promise<Page<UserItem>> {
  return api.get<Page<UserItem>>('/api/users', { query: { ...query }, signal });
}

export function createUser(user: NewUser): Promise<UserItem> {
  return api.post<UserItem>('/api/users', user);
}

export function updateUser(id: UserItem['id'], patch: UserPatch): Promise<UserItem> {
  return api.patch<UserItem>(`/api/users/${encodeURIComponent(String(id))}`, patch);
}
