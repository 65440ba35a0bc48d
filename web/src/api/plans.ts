// 年度计划: the plan table 《城镇老旧小区改造计划表》, its checks and the plan-year policies.
import type {
  PlanChecks,
  PlanPolicy,
  PlanPolicyInput,
  PlanTable,
  PlanYear,
} from '../../../common/api/plan.ts';
import { api, buildUrl } from './client.ts';

export type {
  BlockSource,
  CheckSeverity,
  FrozenRef,
  PlanBasis,
  PlanCheck,
  PlanCheckRow,
  PlanChecks,
  PlanPolicy,
  PlanPolicyInput,
  PlanTable,
  FrozenPlanRow,
  PlanTableRow,
  PlanYear,
} from '../../../common/api/plan.ts';

/** A province as 2 or 6 digits, or 'all' for the whole country (ministry and administrators). */
export type PlanScope = string;
export type PlanTableFormat = 'xlsx' | 'csv';

/** Which table: a province's version ('signed' or a number), or the national table's basis. */
export interface PlanVersionChoice {
  version?: string;
  basis?: string;
}

export function getPlanTable(
  province: PlanScope,
  year: number,
  choice: PlanVersionChoice = {},
  signal?: AbortSignal,
): Promise<PlanTable> {
  return api.get<PlanTable>('/api/plan-table', {
    query: { province, year, version: choice.version, basis: choice.basis },
    signal,
  });
}

/** A plain link: the browser downloads the file with the session cookie. */
export function planTableUrl(
  province: PlanScope,
  year: number,
  format: PlanTableFormat,
  choice: PlanVersionChoice = {},
): string {
  return buildUrl('/api/plan-table', {
    province,
    year,
    format,
    version: choice.version,
    basis: choice.basis,
  });
}

/** The checks of a city or county (the table itself is the province's). */
export function getPlanChecks(
  region: string,
  year: number,
  signal?: AbortSignal,
): Promise<PlanChecks> {
  return api.get<PlanChecks>('/api/plan-checks', { query: { region, year }, signal });
}

export async function listPlanPolicies(signal?: AbortSignal): Promise<PlanPolicy[]> {
  return (await api.get<{ items: PlanPolicy[] }>('/api/plan-policies', { signal })).items;
}

/** A new plan year, starting as a copy of the latest earlier year's rules. */
export function addPlanPolicy(planYear: number): Promise<PlanPolicy> {
  return api.post<PlanPolicy>('/api/plan-policies', { planYear });
}

export function updatePlanPolicy(
  planYear: number,
  version: number,
  input: PlanPolicyInput,
): Promise<PlanPolicy> {
  return api.put<PlanPolicy>(`/api/plan-policies/${encodeURIComponent(String(planYear))}`, {
    ...input,
    version,
  });
}

/** The plan year being declared (the server decides: GET /api/plan-year). */
export function getPlanYear(signal?: AbortSignal): Promise<PlanYear> {
  return api.get<PlanYear>('/api/plan-year', { signal });
}

/** A check's outcome when the plan has no community: nothing checked, nothing passed. */
export const NO_PLAN_DATA = 'no_data';
