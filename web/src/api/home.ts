// 首页: the figures of the home page's tiles (GET /api/home), for the year being declared and
// within the user's region.
import { api } from './client.ts';
import type { PlanYear } from './plans.ts';

export interface HomeFigures {
  year: number;
  planYear: PlanYear;
  scope: { code: string; name: string; level: string };
  /** the unit's deadline (for the country: the plan year's) */
  deadline: string;
  /** communities in the year's plan within the region; null for the country */
  planCommunities: number | null;
  /** the unit's own declaration; toDo 1 while it has a plan to submit */
  own: { state: string; stateLabel: string; toDo: number } | null;
  /** the units directly below (for the country, the provinces) */
  children: { total: number; submitted: number; awaitingReview: number } | null;
  /** a provincial department's sign-offs (会签) */
  signoff: { pending: number; signed: number } | null;
  /** a national department's receipts (签收) of the submitted provinces */
  receipts: { signed: number; pending: number } | null;
}

export function getHomeFigures(signal?: AbortSignal): Promise<HomeFigures> {
  return api.get<HomeFigures>('/api/home', { signal });
}
