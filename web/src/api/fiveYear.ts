// 十四五: the five-year view of a region (targets, plan, starts, completions, pools, green
// communities) and the writes that set its targets and green-community figures.
import { api } from './client.ts';
import type { RegionLevel } from './types.ts';

export interface Count {
  communities: number;
  households: number;
}

export interface Edited {
  source: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

export interface FiveYearYear {
  year: number;
  target: ({ communities: number; households: number | null } & Edited) | null;
  plan: Count;
  started: Count;
  completed: Count & { before2000: number };
  /** started against the target, percent with one decimal; null without a target */
  startRatePercent: number | null;
  cumulative: {
    /** null from the first year without a target on */
    target: number | null;
    plan: number;
    started: number;
    completed: number;
    completedBefore2000: number;
  };
}

export type PoolKey = 'implement' | 'planning' | 'reserve';

export interface PoolRow {
  pool: PoolKey;
  label: string;
  projects: number;
  communities: number;
  households: number;
  before2000: number;
}

export interface GreenNumbers {
  urbanCommunities: number;
  participating: number;
  meeting: number;
  participatingPercent: number | null;
  meetingPercent: number | null;
  meetsGoal: boolean;
}

export interface GreenCity extends GreenNumbers, Edited {
  code: string;
  name: string;
  year: number;
}

export interface FiveYearView {
  scope: { code: string; name: string; level: RegionLevel };
  period: { first: number; last: number };
  asOf: string;
  hasTargets: boolean;
  canEditTargets: boolean;
  years: FiveYearYear[];
  completion: {
    target: ({ communities: number; lastYear: number } & Edited) | null;
    completedBefore2000: number;
    percent: number | null;
    gap: number | null;
  };
  pools: {
    rows: PoolRow[];
    total: Omit<PoolRow, 'pool' | 'label'>;
    remainingYears: { year: number; target: number | null; started: number; outstanding: number }[];
    toStart: number;
    startCoveragePercent: number | null;
    completionGap: number | null;
    completionCoveragePercent: number | null;
  };
  green: {
    goal: { year: number; percent: number; source: string };
    citiesInScope: number;
    editableCities: { code: string; name: string }[];
    years: (GreenNumbers & { year: number; citiesReporting: number })[];
    cities: GreenCity[];
  };
}

export const getFiveYear = (scope: string | undefined, signal?: AbortSignal) =>
  api.get<FiveYearView>('/api/five-year', { query: { scope }, signal });

export interface StartTargetBody {
  communities: number;
  households?: number | null;
  source?: string;
  version?: number;
}

export const putStartTarget = (code: string, year: number, body: StartTargetBody) =>
  api.put<{ version: number }>(`/api/five-year/targets/${encodeURIComponent(code)}/${year}`, body);

export const putCompletionTarget = (
  code: string,
  body: { communities: number; source?: string; version?: number },
) =>
  api.put<{ version: number }>(
    `/api/five-year/completion-targets/${encodeURIComponent(code)}`,
    body,
  );

export interface GreenBody {
  urbanCommunities: number;
  participating: number;
  meeting: number;
  source?: string;
  version?: number;
}

export const putGreen = (code: string, year: number, body: GreenBody) =>
  api.put<{ version: number }>(
    `/api/five-year/green-communities/${encodeURIComponent(code)}/${year}`,
    body,
  );
