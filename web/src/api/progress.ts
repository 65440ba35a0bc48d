// 进展统计: the dashboard of a region (GET /api/dashboard) and the progress table
// (GET /api/progress-table) with its csv/xlsx downloads.
import { api, buildUrl } from './client.ts';

export interface ProgressFigures {
  planCommunities: number;
  planHouseholds: number;
  startedCommunities: number;
  startedHouseholds: number;
  completedCommunities: number;
  /** Percent with one decimal; null without a plan. */
  startRateByCommunities: number | null;
  startRateByHouseholds: number | null;
  /** 万元, exact two decimals ("123.45"). */
  investmentDone: string;
}

export interface DashboardUnit extends ProgressFigures {
  code: string;
  name: string;
}

export interface DashboardCommunity {
  id: number;
  name: string;
  households: number;
  /** The month of its latest record up to the view's month, YYYY-MM; null without any. */
  period: string | null;
  startDate: string | null;
  completionDate: string | null;
  investmentDone: string;
  elevators: number;
}

export interface Outcomes {
  elevators: number;
  pipelinesKm: string;
  parking: number;
  chargers: number;
  elderlyCare: number;
  childcare: number;
  housekeeping: number;
  health: number;
  energyAreaM2: string;
}

export type Breakdown = 'province' | 'prefecture' | 'county' | 'community';

export interface Dashboard {
  scope: {
    code: string;
    name: string;
    level: 'country' | 'province' | 'prefecture' | 'county';
    /** From 全国 down to the scope itself. */
    path: { code: string; name: string }[];
  };
  year: number;
  month: number;
  breakdown: Breakdown;
  totals: ProgressFigures;
  /** where the 计划 figures come from: the submitted versions, or the ledger now (工作底稿) */
  planBasis: string;
  /** The units below, highest start rate first. */
  units: DashboardUnit[];
  /** Cumulative, months 1… up to the view's month (never a month still to come). */
  investmentByMonth: { month: number; investmentDone: string }[];
  outcomes: Outcomes;
  /** For a unit that holds communities. */
  communities: DashboardCommunity[] | null;
}

export function getDashboard(
  query: { scope?: string; year: number; month?: number },
  signal?: AbortSignal,
): Promise<Dashboard> {
  return api.get<Dashboard>('/api/dashboard', { query, signal });
}

export interface ProgressTable {
  title: string;
  scope: { code: string; name: string };
  year: number;
  month: number;
  header: string[];
  rows: (string | number)[][];
  /**
   * Per province, the plan version the 计划 figures come from: in force at the month's end
   * (accepted), else the latest submitted, else the live ledger.
   */
  planVersions: {
    code: string;
    name: string;
    basis: 'accepted' | 'submitted' | 'live';
    version: number | null;
    revision: number;
    acceptedAt: string | null;
  }[];
  /** one line naming the plan the 计划 figures are */
  planNote: string;
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
