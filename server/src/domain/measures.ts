/**
 * The five measures of the plan table and a declaration's totals, exact: counts, 0.01 m², 元
 * (issue 12 §3: one helper, where the plan table, snapshots and declarations each had their own).
 * Sums of exact integers; rounding happens once, where a figure is shown. Their keys are the
 * web's too (common/measures.ts).
 */
import type { Measures } from '../../../common/measures.ts';

export type { Measures };

/** What one community counts for. */
export interface CommunityMeasures {
  households: number;
  buildings: number;
  floorAreaCenti: number;
  investmentYuan: number;
}

export const zeroMeasures = (): Measures => ({
  communities: 0,
  households: 0,
  buildings: 0,
  floorAreaCenti: 0,
  investmentYuan: 0,
});

/** Adds `m` into `into`, in place. */
export function addMeasures(into: Measures, m: Measures): void {
  into.communities += m.communities;
  into.households += m.households;
  into.buildings += m.buildings;
  into.floorAreaCenti += m.floorAreaCenti;
  into.investmentYuan += m.investmentYuan;
}

/** One community as measures: it counts once. */
export const measuresOf = (c: CommunityMeasures): Measures => ({
  communities: 1,
  households: c.households,
  buildings: c.buildings,
  floorAreaCenti: c.floorAreaCenti,
  investmentYuan: c.investmentYuan,
});

/** The sum of communities' measures. */
export function sumCommunities(communities: Iterable<CommunityMeasures>): Measures {
  const total = zeroMeasures();
  for (const c of communities) addMeasures(total, measuresOf(c));
  return total;
}
