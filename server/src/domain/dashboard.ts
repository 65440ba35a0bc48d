/**
 * The progress dashboard's arithmetic (issue 5): which units a scope breaks down into, the month a
 * view stands at, start rates as numbers, the ranking of units and the cumulative investment curve.
 * Pure; the figures are the progress table's (docs/progress-table.md), from exact values.
 */
import type { RegionLevel } from './regions.ts';

/** How a scope breaks down: into provinces, prefecture-level units, county-level units, or its communities. */
export type Breakdown = 'province' | 'prefecture' | 'county' | 'community';

/**
 * The country shows provinces, a province its prefecture-level units, a city its county-level
 * units; a unit that holds communities itself (a county, a district, or a prefecture-level unit
 * without counties such as 儋州市 or 五指山市) shows its communities.
 */
export function breakdownOf(level: RegionLevel, isLedgerUnit: boolean): Breakdown {
  if (isLedgerUnit) return 'community';
  switch (level) {
    case 'country':
      return 'province';
    case 'province':
      return 'prefecture';
    case 'prefecture':
      return 'county';
    case 'county':
      return 'community';
  }
}

/** The last month a plan year can have reports for, as of `today` (YYYY-MM-DD): 0 for a future year. */
export function lastReportableMonth(year: number, today: string): number {
  const [y, m] = today.split('-').map(Number) as [number, number];
  if (year < y) return 12;
  return year === y ? m : 0;
}

/** The month a view stands at when none is asked for: the latest reportable one, December for a year not begun. */
export const defaultMonth = (year: number, today: string): number =>
  lastReportableMonth(year, today) || 12;

/** A rate in percent with one decimal, half up from exact counts (as `rate` in progress.ts): 197/200 → 98.5; null without a plan. */
export function ratePercent(part: number, whole: number): number | null {
  if (!whole) return null;
  return Math.floor((part * 2000 + whole) / (2 * whole)) / 10;
}

export interface RankedUnit {
  code: string;
  planCommunities: number;
  planHouseholds: number;
  startedCommunities: number;
  startedHouseholds: number;
}

/**
 * Highest start rate by communities first; ties by the rate by households, then by code. Exact:
 * rates compare as cross products of integers. Units without a plan come last, in code order.
 */
export function byStartRate<T extends RankedUnit>(units: readonly T[]): T[] {
  const cmp = (a: number, b: number, c: number, d: number) => c * b - a * d; // a/b vs c/d, descending
  return [...units].sort((x, y) => {
    if (!x.planCommunities || !y.planCommunities)
      return (
        Number(!x.planCommunities) - Number(!y.planCommunities) || x.code.localeCompare(y.code)
      );
    return (
      cmp(x.startedCommunities, x.planCommunities, y.startedCommunities, y.planCommunities) ||
      cmp(x.startedHouseholds, x.planHouseholds || 1, y.startedHouseholds, y.planHouseholds || 1) ||
      x.code.localeCompare(y.code)
    );
  });
}

/**
 * Completed investment as at each month end, months 1…`months` of `year`: the sum of each
 * community's latest cumulative figure, given the month-on-month changes of all records by period.
 */
export function cumulativeByMonth(
  deltas: readonly { period: string; delta: number }[],
  year: number,
  months: number,
): { month: number; period: string; yuan: number }[] {
  const byPeriod = new Map<string, number>();
  for (const d of deltas) byPeriod.set(d.period, (byPeriod.get(d.period) ?? 0) + d.delta);
  const out: { month: number; period: string; yuan: number }[] = [];
  let total = 0;
  for (let month = 1; month <= months; month++) {
    const period = `${year}-${String(month).padStart(2, '0')}`;
    total += byPeriod.get(period) ?? 0;
    out.push({ month, period, yuan: total });
  }
  return out;
}
