// 进展统计: the dashboard of a region (GET /api/dashboard) and the progress table
// (GET /api/progress-table) with its csv/xlsx downloads.
import type { Dashboard, DashboardQuery } from '../../../common/api/dashboard.ts';
import type { ProgressTable } from '../../../common/api/progress.ts';
import { api, buildUrl } from './client.ts';

export type {
  Breakdown,
  Dashboard,
  DashboardCommunity,
  DashboardUnit,
  Outcomes,
  ProgressFigures,
} from '../../../common/api/dashboard.ts';
export type { ProgressTable } from '../../../common/api/progress.ts';

export function getDashboard(query: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> {
  return api.get<Dashboard>('/api/dashboard', { query, signal });
}

/** The progress table of the country ('all') or a province. */
export function getProgressTable(
  scope: string,
  year: number,
  month: number,
  signal?: AbortSignal,
): Promise<ProgressTable> {
  return api.get<ProgressTable>('/api/progress-table', { query: { scope, year, month }, signal });
}

/** A plain link: the browser downloads the file with the session cookie. */
/**
 * 统计局共享: the year's project list with its stable IDs and indicators as at a month end, for the
 * statistics bureau (server: stats-export.service.ts).
 */
export function statisticsExportUrl(scope: string, year: number, month: number): string {
  return buildUrl('/api/statistics-export', { scope, year, month, format: 'xlsx' });
}

export function progressTableUrl(
  scope: string,
  year: number,
  month: number,
  format: 'csv' | 'xlsx',
): string {
  return buildUrl('/api/progress-table', { scope, year, month, format });
}
