/**
 * The dashboard's SQL: the progress table's measures (each community's latest record up to a
 * month, over the communities in that year's plan) grouped by any level, the month-on-month
 * changes of completed investment, and a unit's communities with their latest record.
 */
import { sql, type Kysely } from 'kysely';
import type { Counts } from '../../../../common/progress.ts';
import type { Database } from '../../db/schema.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';
import { withLatestRecord } from './progress.repository.ts';

export type Grouping = 'province' | 'prefecture' | 'county';

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

const GROUP = {
  province: sql<string>`substr(c.region_path, 9, 6)`,
  prefecture: sql<string>`c.prefecture_code`,
  county: sql<string>`c.region_code`,
} as const;

/** The measures as at a month end, per unit of `grouping` under the scope (the progress table's too). */
export async function measuresByUnit(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  period: string,
  monthEnd: string,
  grouping: Grouping,
): Promise<{ unit: string; measures: DashboardMeasures }[]> {
  const unit = GROUP[grouping];
  const sum = (expr: ReturnType<typeof sql>) => sql<number>`sum(${expr})`;
  const started = startedBy(monthEnd);
  const rows = await withLatest(db, scopePath, year, period)
    .select((e) => [
      unit.as('unit'),
      e.fn.countAll<number>().as('plan_communities'),
      e.fn.sum<number>('c.households').as('plan_households'),
      sum(sql`case when ${started} then 1 else 0 end`).as('started_communities'),
      sum(sql`case when ${started} then c.households else 0 end`).as('started_households'),
      sum(sql`case when ${completedBy(monthEnd)} then 1 else 0 end`).as('completed_communities'),
      sum(sql`coalesce(r.investment_done_yuan, 0)`).as('investment_done_yuan'),
      sum(sql`coalesce(r.elevators, 0)`).as('elevators'),
      sum(sql`coalesce(r.pipelines_m, 0)`).as('pipelines_m'),
      sum(sql`coalesce(r.parking, 0)`).as('parking'),
      sum(sql`coalesce(r.chargers, 0)`).as('chargers'),
      sum(sql`coalesce(r.elderly_care, 0)`).as('elderly_care'),
      sum(sql`coalesce(r.childcare, 0)`).as('childcare'),
      sum(sql`coalesce(r.housekeeping, 0)`).as('housekeeping'),
      sum(sql`coalesce(r.health, 0)`).as('health'),
      sum(sql`coalesce(r.energy_area_centi, 0)`).as('energy_area_centi'),
    ])
    .groupBy(unit)
    .execute();
  return rows.map((r) => ({
    unit: r.unit,
    measures: {
      planCommunities: Number(r.plan_communities),
      planHouseholds: Number(r.plan_households),
      startedCommunities: Number(r.started_communities),
      startedHouseholds: Number(r.started_households),
      completedCommunities: Number(r.completed_communities),
      investmentDoneYuan: Number(r.investment_done_yuan),
      elevators: Number(r.elevators),
      pipelinesM: Number(r.pipelines_m),
      parking: Number(r.parking),
      chargers: Number(r.chargers),
      elderlyCare: Number(r.elderly_care),
      childcare: Number(r.childcare),
      housekeeping: Number(r.housekeeping),
      health: Number(r.health),
      energyAreaCenti: Number(r.energy_area_centi),
    },
  }));
}

/**
 * Completed investment's change from each community's previous record, summed by period (within
 * the plan year): added up month by month, they give the cumulative total as at each month end.
 */
export async function investmentChanges(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
): Promise<{ period: string; delta: number }[]> {
  const changes = planCommunities(db, scopePath, year)
    .innerJoin('progress as r', 'r.community_id', 'c.id')
    .where('r.period', '<=', `${year}-12`)
    .select([
      'r.period',
      sql<number>`r.investment_done_yuan - coalesce(lag(r.investment_done_yuan) over (partition by r.community_id order by r.period), 0)`.as(
        'delta',
      ),
    ])
    .as('d');
  const rows = await db
    .selectFrom(changes)
    .select(['d.period', (e) => e.fn.sum<number>('d.delta').as('delta')])
    .groupBy('d.period')
    .execute();
  return rows.map((r) => ({ period: r.period, delta: Number(r.delta) }));
}

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
