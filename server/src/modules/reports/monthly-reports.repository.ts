/** All SQL of monthly reports (月报) and the provinces' due days. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { FrozenCommunity } from '../../../../common/api/monthly-reports.ts';
import type { Database, MonthlyReportTable } from '../../db/schema.ts';
import { planCommunities } from '../plan/plan-table.repository.ts';

/**
 * The communities of a unit's plan for a year (as the progress table counts them), each with its
 * latest monthly record up to `period`: what the unit reports as at that month end.
 */
export async function communitiesAsAt(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  period: string,
): Promise<FrozenCommunity[]> {
  const latest = db
    .selectFrom('progress as p')
    .select(['p.community_id', (e) => e.fn.max('p.period').as('period')])
    .where('p.period', '<=', period)
    .groupBy('p.community_id')
    .as('l');
  const rows = await planCommunities(db, scopePath, year)
    .leftJoin(latest, 'l.community_id', 'c.id')
    .leftJoin('progress as r', (j) =>
      j.onRef('r.community_id', '=', 'l.community_id').onRef('r.period', '=', 'l.period'),
    )
    .select([
      'c.id',
      'c.name',
      'c.region_code',
      'c.prefecture_code',
      'c.households',
      'r.period',
      'r.start_date',
      'r.completion_date',
      'r.investment_done_yuan',
      'r.pipelines_m',
      'r.elevators',
      'r.parking',
      'r.chargers',
      'r.elderly_care',
      'r.childcare',
      'r.housekeeping',
      'r.health',
      'r.energy_area_centi',
      'r.corrected',
    ])
    .orderBy('c.region_code')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    prefectureCode: r.prefecture_code,
    households: r.households,
    recordPeriod: r.period ?? null,
    startDate: r.start_date ?? null,
    completionDate: r.completion_date ?? null,
    investmentDoneYuan: Number(r.investment_done_yuan ?? 0),
    pipelinesM: Number(r.pipelines_m ?? 0),
    elevators: r.elevators ?? 0,
    parking: r.parking ?? 0,
    chargers: r.chargers ?? 0,
    elderlyCare: r.elderly_care ?? 0,
    childcare: r.childcare ?? 0,
    housekeeping: r.housekeeping ?? 0,
    health: r.health ?? 0,
    energyAreaCenti: Number(r.energy_area_centi ?? 0),
    corrected: r.corrected === 1,
  }));
}

export type { FrozenCommunity };

export const childRegions = (db: Kysely<Database>, parent: string) =>
  db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'path'])
    .where('parent_code', '=', parent)
    .orderBy('code')
    .execute();

const summaryColumns = [
  'id',
  'unit_code',
  'plan_year',
  'period',
  'version',
  'hash',
  'submitted_by',
  'submitted_at',
] as const;

export const latestReport = (db: Kysely<Database>, unit: string, year: number, period: string) =>
  db
    .selectFrom('monthly_reports')
    .select(summaryColumns)
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .where('period', '=', period)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();

export const reportByVersion = (
  db: Kysely<Database>,
  unit: string,
  year: number,
  period: string,
  version: number,
) =>
  db
    .selectFrom('monthly_reports')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .where('period', '=', period)
    .where('version', '=', version)
    .executeTakeFirst();

/** A unit's submissions for a plan year, newest period first, each version (no content). */
export const reportsOf = (db: Kysely<Database>, unit: string, year: number) =>
  db
    .selectFrom('monthly_reports')
    .select(summaryColumns)
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .orderBy('period', 'desc')
    .orderBy('version', 'desc')
    .execute();

export async function insertReport(
  db: Kysely<Database>,
  row: Insertable<MonthlyReportTable>,
): Promise<void> {
  await db.insertInto('monthly_reports').values(row).execute();
}

/** Per child of `parent`: how many versions it submitted for the period, first and last when. */
export const childReports = (db: Kysely<Database>, parent: string, year: number, period: string) =>
  db
    .selectFrom('monthly_reports as m')
    .innerJoin('regions as r', 'r.code', 'm.unit_code')
    .where('r.parent_code', '=', parent)
    .where('m.plan_year', '=', year)
    .where('m.period', '=', period)
    .select((e) => [
      'm.unit_code',
      e.fn.max<number>('m.version').as('version'),
      e.fn.min<string>('m.submitted_at').as('first_at'),
      e.fn.max<string>('m.submitted_at').as('last_at'),
    ])
    .groupBy('m.unit_code')
    .execute();

export const dueDaysOf = (db: Kysely<Database>, provinces: string[]) =>
  provinces.length
    ? db.selectFrom('report_due_days').selectAll().where('province_code', 'in', provinces).execute()
    : Promise.resolve([]);

export async function saveDueDay(
  db: Kysely<Database>,
  row: Insertable<Database['report_due_days']>,
): Promise<void> {
  const { province_code: _p, ...rest } = row;
  await db
    .insertInto('report_due_days')
    .values(row)
    .onConflict((oc) => oc.column('province_code').doUpdateSet(rest))
    .execute();
}

/** Whether a unit already has this notice since `since` (one reminder a day is enough). */
export async function noticeSince(
  db: Kysely<Database>,
  region: string,
  kind: string,
  link: string,
  since: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('notifications')
    .select(sql<number>`1`.as('one'))
    .where('region_code', '=', region)
    .where('kind', '=', kind)
    .where('link', '=', link)
    .where('at', '>=', since)
    .executeTakeFirst();
  return r !== undefined;
}
