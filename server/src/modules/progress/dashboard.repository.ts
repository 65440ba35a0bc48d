/**
 * The dashboard's reads: the progress table's measures (each community's latest record up to a
 * month, over the communities in that year's plan) grouped by any level and the month-on-month
 * changes of completed investment, both from the maintained figures; and a unit's communities
 * with their latest record, from the records.
 */
import { sql, type Kysely } from 'kysely';
import type { Counts } from '../../../../common/progress.ts';
import type { Database } from '../../db/schema.ts';
import * as figures from '../figures/figures.repository.ts';
import type { Grouping } from '../figures/figures.repository.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';
import { withLatestRecord } from './progress.repository.ts';

export type { Grouping };

/** 已开工 / 已完工 as at a day, of the latest record `r` (the progress table's rule; the map's too). */
export const startedBy = (day: string) =>
  sql<boolean>`r.start_date is not null and r.start_date <= ${day}`;
export const completedBy = (day: string) =>
  sql<boolean>`r.completion_date is not null and r.completion_date <= ${day}`;

/** Each community in the year's plan under the scope, with its latest record up to `period` as `r`. */
const withLatest = (db: Kysely<Database>, scopePath: string, year: number, period: string) =>
  withLatestRecord(db, planCommunities(db, scopePath, year), period);

/** The progress table's measures of a unit: plan, starts, completions, and raw outcomes to date. */
export interface DashboardMeasures extends Counts {
  planCommunities: number;
  planHouseholds: number;
  startedCommunities: number;
  startedHouseholds: number;
  completedCommunities: number;
  investmentDoneYuan: number;
  pipelinesM: number;
  energyAreaCenti: number;
}

/**
 * The measures as at a month end, per unit of `grouping` under the scope (the progress table's
 * too), from the maintained figures: the plan's sums and the months' changes up to `period`
 * (figures.repository.ts; `gaizao verify` recomputes them from the records).
 */
export async function measuresByUnit(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  period: string,
  grouping: Grouping,
): Promise<{ unit: string; measures: DashboardMeasures }[]> {
  const [plans, progress] = await Promise.all([
    figures.planByUnit(db, scopePath, year, grouping),
    figures.progressByUnit(db, scopePath, year, period, grouping),
  ]);
  const done = new Map(progress.map(({ unit, ...m }) => [unit, m]));
  return plans.map((p) => ({
    unit: p.unit,
    measures: {
      planCommunities: p.communities,
      planHouseholds: p.households,
      ...(done.get(p.unit) ?? NOTHING_DONE),
    },
  }));
}

const NOTHING_DONE: Omit<DashboardMeasures, 'planCommunities' | 'planHouseholds'> = {
  startedCommunities: 0,
  startedHouseholds: 0,
  completedCommunities: 0,
  investmentDoneYuan: 0,
  pipelinesM: 0,
  energyAreaCenti: 0,
  elevators: 0,
  parking: 0,
  chargers: 0,
  elderlyCare: 0,
  childcare: 0,
  housekeeping: 0,
  health: 0,
};

/**
 * Completed investment's change from each community's previous record, summed by period (within
 * the plan year): added up month by month, they give the cumulative total as at each month end.
 */
export const investmentChanges = figures.investmentChanges;

/** A unit's communities in the year's plan, each with its latest record up to `period`. */
export async function communitiesWithLatest(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  period: string,
) {
  const rows = await withLatest(db, scopePath, year, period)
    .select([
      'c.id',
      'c.name',
      'c.region_code',
      'c.households',
      'r.period',
      'r.start_date',
      'r.completion_date',
      'r.investment_done_yuan',
      'r.elevators',
    ])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    households: r.households,
    period: r.period ?? null,
    startDate: r.start_date ?? null,
    completionDate: r.completion_date ?? null,
    investmentDoneYuan: Number(r.investment_done_yuan ?? 0),
    elevators: Number(r.elevators ?? 0),
  }));
}
