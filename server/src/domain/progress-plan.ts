/**
 * Which plan the progress table's 计划改造 columns count (docs/progress-table.md): the plan a
 * province submitted for the year, frozen in its snapshot, where there is one; otherwise the current
 * plan. 新开工 and the other measures always come from the current plan, so that communities added
 * after the submission count when they start: that is how a start rate passes 100 %
 * (北京 2022: 411 started of 400 planned, brief §8.3). Pure.
 */
import type { ProgressMeasures } from './progress.ts';

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
 * The frozen plan counted by reporting unit: `unitOf` maps a community's county-level code to the
 * row it belongs to (its province, or its prefecture-level unit).
 */
export function frozenPlanByUnit(
  communities: readonly FrozenCommunity[],
  unitOf: (regionCode: string) => string,
): Map<string, PlanCount> {
  const out = new Map<string, PlanCount>();
  for (const c of communities) {
    const unit = unitOf(c.regionCode);
    const plan = out.get(unit);
    if (plan) {
      plan.communities += 1;
      plan.households += c.households;
    } else out.set(unit, { communities: 1, households: c.households });
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
