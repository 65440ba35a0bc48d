// 年度计划: the plan table 《城镇老旧小区改造计划表》, its checks and the plan-year policies.
import { api, buildUrl } from './client.ts';

/** A body row of the form: 15 figures, per measure 2000年底前, 2000年底后, 合计. */
export interface PlanTableRow {
  unit: string;
  label: string;
  /** Counts as numbers; 万平方米 and 万元 as exact 2-decimal strings ("58.93"). */
  values: (number | string)[];
}

export type CheckSeverity = 'blocking' | 'warning' | 'info';

export interface PlanCheckRow {
  id: number;
  name: string;
  regionCode: string;
  detail: string;
}

export interface PlanCheck {
  /** the check's code (post_cutoff_share, latest_build_year, subsidised, already_declared …) */
  id: string;
  /** its outcome's code: 'passed', or the way it failed */
  outcome: string;
  title: string;
  severity: CheckSeverity;
  passed: boolean;
  message: string;
  rows: PlanCheckRow[];
}

/** A frozen version as printed on the form: its number and hash (校验码). */
export interface FrozenRef {
  number: number;
  hash: string;
  submittedAt: string;
}

/** Where a province block's figures come from; 'none': no such version, no figures. */
export interface BlockSource {
  kind: 'live' | 'frozen' | 'none';
  version: FrozenRef | null;
  label: string;
}

/**
 * 'live': the ledger now (工作底稿); 'version': one frozen version of a province; 'accepted' /
 * 'submitted': the national table from each province's accepted or latest submitted version.
 */
export type PlanBasis = 'live' | 'version' | 'accepted' | 'submitted';

export interface PlanTable {
  title: string;
  year: number;
  scope: { code: string; name: string };
  contact: string;
  cutoffYear: number;
  header: string[];
  basis: PlanBasis;
  /** 工作底稿（未冻结）, 第 3 版（已会签）, 各省已接收版本 … */
  basisLabel: string;
  /** the frozen version of a province's table, else null */
  version: FrozenRef | null;
  /** 因四舍五入，合计数与分项数之和可能略有出入 */
  note: string;
  blocks: { province: { code: string; name: string }; rows: PlanTableRow[]; source: BlockSource }[];
  /** The country's total rows, for the national table (province 'all'). */
  national: PlanTableRow[] | null;
  /** Empty for the national table and for a frozen version: the checks are of the live ledger. */
  checks: PlanCheck[];
  /** A province's submitted versions, latest first (empty for the country). */
  versions: (FrozenRef & { signed: boolean; inForce: boolean })[];
}

export interface PlanChecks {
  scope: { code: string; name: string };
  checks: PlanCheck[];
}

export interface PlanPolicy {
  planYear: number;
  cutoffYear: number;
  latestBuildYear: number;
  /** A ratio: 0.15 is 15 %. */
  maxPostCutoffShare: number;
  /** A ratio: 0.6667 is two thirds of a community's households, agreeing before a start. */
  consentThreshold: number;
  /** YYYY-MM-DD */
  deadline: string;
  recipients: string;
  source: string;
  version: number;
  ownYear: boolean;
}

export interface PlanPolicyInput {
  cutoffYear: number;
  latestBuildYear: number;
  maxPostCutoffSharePercent: number;
  consentThresholdPercent: number;
  deadline: string;
  recipients: string;
  source: string;
}

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
export interface PlanYear {
  year: number;
  basis: 'policy' | 'records' | 'calendar';
  basisLabel: string;
}

export function getPlanYear(signal?: AbortSignal): Promise<PlanYear> {
  return api.get<PlanYear>('/api/plan-year', { signal });
}

/** A check's outcome when the plan has no community: nothing checked, nothing passed. */
export const NO_PLAN_DATA = 'no_data';
