// Loading a dashboard and a progress table, each cancelled when the question changes so a late
// answer never overwrites a newer one.
import { useEffect, useState } from 'react';
import { ApiError, errorMessage } from '../../api/client.ts';
import { getDashboard, getProgressTable } from '../../api/progress.ts';
import type { Dashboard, ProgressTable } from '../../api/progress.ts';

export type Loaded<T> =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string; notFound: boolean };

function useLoad<T>(load: ((signal: AbortSignal) => Promise<T>) | null, key: string): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'idle' });
  useEffect(() => {
    if (!load) {
      setState({ status: 'idle' });
      return;
    }
    const ctrl = new AbortController();
    setState({ status: 'loading' });
    load(ctrl.signal).then(
      (data) => setState({ status: 'ready', data }),
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({
          status: 'error',
          message: errorMessage(e),
          notFound: e instanceof ApiError && e.status === 404,
        });
      },
    );
    return () => ctrl.abort();
    // `load` is a new function each render; the question it asks is `key`.
  }, [key]);
  return state;
}

/** GET /api/dashboard; nothing while `enabled` is false. */
export function useDashboard(
  query: { scope?: string; year: number; month?: number },
  enabled = true,
): Loaded<Dashboard> {
  return useLoad(
    enabled ? (signal) => getDashboard(query, signal) : null,
    `${enabled}|${query.scope ?? ''}|${query.year}|${query.month ?? ''}`,
  );
}

/** GET /api/progress-table for the country ('all') or a province; nothing when `scope` is undefined. */
export function useProgressTable(
  scope: string | undefined,
  year: number,
  month: number,
): Loaded<ProgressTable> {
  return useLoad(
    scope ? (signal) => getProgressTable(scope, year, month, signal) : null,
    `${scope ?? ''}|${year}|${month}`,
  );
}
