// Loading a dashboard and a progress table, each cancelled when the question changes so a late
// answer never overwrites a newer one.
import { getDashboard, getProgressTable } from '../../api/progress.ts';
import type { Dashboard, ProgressTable } from '../../api/progress.ts';
import { useLoaded, type Loaded } from '../../api/useResource.ts';

export type { Loaded };

/** GET /api/dashboard; nothing while `enabled` is false. */
export function useDashboard(
  query: { scope?: string; year: number; month?: number },
  enabled = true,
): Loaded<Dashboard> {
  return useLoaded(
    enabled
      ? ['progress', 'dashboard', query.scope ?? null, query.year, query.month ?? null]
      : null,
    (signal) => getDashboard(query, signal),
  );
}

/** GET /api/progress-table for the country ('all') or a province; nothing when `scope` is undefined. */
export function useProgressTable(
  scope: string | undefined,
  year: number,
  month: number,
): Loaded<ProgressTable> {
  return useLoaded(scope ? ['progress', 'table', scope, year, month] : null, (signal) =>
    getProgressTable(scope!, year, month, signal),
  );
}
