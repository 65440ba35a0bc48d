import { useState } from 'react';
import type { Page, UserItem } from '../../api/types.ts';
import { listUsers } from '../../api/users.ts';
import { useResource } from '../../api/useResource.ts';

export interface UserListQuery {
  q: string;
  page: number;
  pageSize: number;
}

const EMPTY: Page<UserItem> = { items: [], total: 0 };

/** GET /api/users for the table: the query, its result, and a reload after changes. */
export function useUserList() {
  const [query, setQuery] = useState<UserListQuery>({ q: '', page: 1, pageSize: 20 });
  // The table keeps the last page on screen while the next one loads.
  const list = useResource(['users', 'list', query], (signal) => listUsers(query, signal), {
    keepPrevious: true,
  });
  return {
    query,
    setQuery,
    data: list.data ?? EMPTY,
    loading: list.loading,
    error: list.error?.message ?? null,
    reload: list.reload,
  };
}
