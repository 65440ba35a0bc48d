/**
 * Which plan the progress table's 计划改造 columns count (docs/progress-table.md): the plan a
 * province submitted for the year, frozen in its snapshot, where there is one; otherwise the current
 * plan. 新开工 and the other measures always come from the current plan, so that communities added
 * after the submission count when they start: that is how a start rate passes 100 %
 * (北京 2022: 411 started of 400 planned, brief §8.3). Pure.
 */
import type { ProgressMeasures } from './progress.ts';
import { CHINA_OFFSET_MS, chinaDate } from '../../../common/china-time.ts';

export interface PlanCount {
  communities: number;
  households: number;
}

/** A community as a submitted snapshot froze it: the fields the table needs. */
export interface FrozenCommunity {
  regionCode: string;
  households: number;
}

/**
 * A snapshot's communities and households per county-level code, in code order: what is stored
 * beside it as it is frozen (snapshot_counts, migration 0031), so readers need not parse it.
 */
export type RegionCount = readonly [regionCode: string, communities: number, households: number];

export function regionCounts(communities: readonly FrozenCommunity[]): RegionCount[] {
  const by = new Map<string, [number, number]>();
  for (const c of communities) {
    const n = by.get(c.regionCode) ?? [0, 0];
    n[0] += 1;
    n[1] += c.households;
    by.set(c.regionCode, n);
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([region, [n, h]]) => [region, n, h] as const);
}

/**
 * The frozen plan counted by reporting unit: `unitOf` maps a county-level code to the row it
 * belongs to (its province, or its prefecture-level unit).
 */
export function frozenPlanByUnit(
  counts: readonly RegionCount[],
  unitOf: (regionCode: string) => string,
): Map<string, PlanCount> {
  const out = new Map<string, PlanCount>();
  for (const [region, communities, households] of counts) {
    const unit = unitOf(region);
    const plan = out.get(unit);
    if (plan) {
      plan.communities += communities;
      plan.households += households;
    } else out.set(unit, { communities, households });
  }
  return out;
}

/**
 * Each unit's measures with its 计划 columns taken from the frozen plan where its province
 * submitted one (`frozen(unit)` tells whether it did): a unit of such a province that the snapshot
 * does not mention planned nothing, whatever the current plan holds now.
 */
export function withFrozenPlan(
  current: ProgressMeasures,
  frozen: PlanCount | undefined,
  submitted: boolean,
): ProgressMeasures {
  if (!submitted) return current;
  return {
    ...current,
    planCommunities: frozen?.communities ?? 0,
    planHouseholds: frozen?.households ?? 0,
  };
}

/** Which version of a province's plan the 计划 columns count. */
export interface PlanVersion {
  province: string;
  /** accepted: in force at the month's end; submitted: none accepted by then, the latest submission */
  basis: 'accepted' | 'submitted';
  version: number;
  revision: number;
  acceptedAt: string | null;
}

/** A province's plan version as the progress table names it; 'live': no frozen plan, the ledger. */
export interface PlanVersionOfUnit {
  code: string;
  name: string;
  basis: PlanVersion['basis'] | 'live';
  version: number | null;
  revision: number;
  acceptedAt: string | null;
}

/** The last instant of a month in China (UTC+8), as an ISO time: a plan accepted by then counts. */
export const chinaMonthEnd = (year: number, month: number): string =>
  new Date(Date.UTC(year, month, 1) - CHINA_OFFSET_MS - 1).toISOString();

/** The end of a report period ('YYYY-MM') in China, as an ISO time. */
export function periodEndInChina(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return chinaMonthEnd(y, m);
}

/** 计划数为…: which version the 计划 figures are, in one line. */
export function planNote(versions: PlanVersionOfUnit[], year: number, month: number): string {
  const when = `${year}年${month}月末`;
  const one = (v: PlanVersionOfUnit) => {
    switch (v.basis) {
      case 'accepted':
        return `${v.name}按${when}现行的已接收计划第 ${v.version} 版（${
          v.revision ? `计划调整（第${v.revision}次），` : ''
        }${chinaDate(v.acceptedAt!)} 接收）`;
      case 'submitted':
        return `${v.name}按最近上报的第 ${v.version} 版（${when}尚无已接收版本）`;
      case 'live':
        return `${v.name}按当前台账（${when}尚未上报，未冻结）`;
    }
  };
  if (versions.length === 1) return `计划数：${one(versions[0]!)}。`;
  const count = (b: string) => versions.filter((v) => v.basis === b).length;
  return `计划数：${count('accepted')} 个省按${when}现行的已接收版本，${count('submitted')} 个省按最近上报版本，${count('live')} 个省按当前台账（尚未上报）。`;
}
