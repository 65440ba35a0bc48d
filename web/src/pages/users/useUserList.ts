import { useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import type { Page, UserItem } from '../../api/types.ts';
import { listUsers } from '../../api/users.ts';

export interface UserListQuery {
  q: string;
  page: number;
  pageSize: number;
}

/** GET /api/users for the table: the query, its result, and a reload after changes. */
export function useUserList() {
  const [query, setQuery] = useState<UserListQuery>({ q: '', page: 1, pageSize: 20 });
  const [data, setData] = useState<Page<UserItem>>({ items: [], total: 0 });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    listUsers(query, ctrl.signal).then(
      (page) => {
        setData(page);
        setError(null);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [query, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { query, setQuery, data, loading, error, reload };
}
