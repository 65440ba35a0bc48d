/**
 * The maintained figures (migrations 0030 and 0032): the views' reads, and the same figures
 * recomputed from the records for `gaizao verify` and for a rebuild.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';
import { COMPLETION_CUTOFF_YEAR } from '../../domain/five-year.ts';
import type { PlanGroup } from '../../domain/plan-table.ts';
import { communitiesUnder, inImplementPool } from '../plan/plan-table.repository.ts';
import { withLatestRecord } from '../progress/progress.repository.ts';

export type Grouping = 'province' | 'prefecture' | 'county';

const UNIT = {
  province: sql<string>`substr(f.region_path, 9, 6)`,
  prefecture: sql<string>`f.prefecture_code`,
  county: sql<string>`f.region_code`,
} as const;

const n = (v: unknown): number => Number(v ?? 0);

const planFigures = (db: Kysely<Database>, scopePath: string) =>
  db.selectFrom('plan_figures as f').where((e) => underPath(e, 'f.region_path', scopePath));
const progressFigures = (db: Kysely<Database>, scopePath: string) =>
  db.selectFrom('progress_figures as f').where((e) => underPath(e, 'f.region_path', scopePath));

/** The plan table's groups (prefecture-level unit × class × bucket) of a plan year under a scope. */
export async function planGroups(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
): Promise<PlanGroup[]> {
  const rows = await planFigures(db, scopePath)
    .where('f.plan_year', '=', year)
    .select((e) => [
      'f.prefecture_code',
      'f.area_class',
      'f.bucket',
      e.fn.sum<number>('f.communities').as('communities'),
      e.fn.sum<number>('f.households').as('households'),
      e.fn.sum<number>('f.buildings').as('buildings'),
      e.fn.sum<number>('f.floor_area_centi').as('floor_area_centi'),
      e.fn.sum<number>('f.investment_yuan').as('investment_yuan'),
    ])
    .groupBy(['f.prefecture_code', 'f.area_class', 'f.bucket'])
    .having((e) => e.fn.sum('f.communities'), '>', 0)
    .execute();
  return rows.map((r) => ({
    prefectureCode: r.prefecture_code,
    areaClass: r.area_class as PlanGroup['areaClass'],
    bucket: r.bucket,
    measures: {
      communities: n(r.communities),
      households: n(r.households),
      buildings: n(r.buildings),
      floorAreaCenti: n(r.floor_area_centi),
      investmentYuan: n(r.investment_yuan),
    },
  }));
}

/** The plan's communities and households per unit of `grouping`, for a plan year under a scope. */
export async function planByUnit(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  grouping: Grouping,
) {
  const unit = UNIT[grouping];
  const rows = await planFigures(db, scopePath)
    .where('f.plan_year', '=', year)
    .select((e) => [
      unit.as('unit'),
      e.fn.sum<number>('f.communities').as('communities'),
      e.fn.sum<number>('f.households').as('households'),
    ])
    .groupBy(unit)
    .having((e) => e.fn.sum('f.communities'), '>', 0)
    .execute();
  return rows.map((r) => ({
    unit: r.unit,
    communities: n(r.communities),
    households: n(r.households),
  }));
}

/** The progress measures per unit as at the end of `period`: the months' changes summed. */
export async function progressByUnit(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  period: string,
  grouping: Grouping,
) {
  const unit = UNIT[grouping];
  const rows = await progressFigures(db, scopePath)
    .where('f.plan_year', '=', year)
    .where('f.period', '<=', period)
    .select((e) => [
      unit.as('unit'),
      e.fn.sum<number>('f.started_c').as('started_c'),
      e.fn.sum<number>('f.started_h').as('started_h'),
      e.fn.sum<number>('f.completed_c').as('completed_c'),
      e.fn.sum<number>('f.investment_done_yuan').as('investment_done_yuan'),
      e.fn.sum<number>('f.pipelines_m').as('pipelines_m'),
      e.fn.sum<number>('f.elevators').as('elevators'),
      e.fn.sum<number>('f.parking').as('parking'),
      e.fn.sum<number>('f.chargers').as('chargers'),
      e.fn.sum<number>('f.elderly_care').as('elderly_care'),
      e.fn.sum<number>('f.childcare').as('childcare'),
      e.fn.sum<number>('f.housekeeping').as('housekeeping'),
      e.fn.sum<number>('f.health').as('health'),
      e.fn.sum<number>('f.energy_area_centi').as('energy_area_centi'),
    ])
    .groupBy(unit)
    .execute();
  return rows.map((r) => ({
    unit: r.unit,
    startedCommunities: n(r.started_c),
    startedHouseholds: n(r.started_h),
    completedCommunities: n(r.completed_c),
    investmentDoneYuan: n(r.investment_done_yuan),
    pipelinesM: n(r.pipelines_m),
    elevators: n(r.elevators),
    parking: n(r.parking),
    chargers: n(r.chargers),
    elderlyCare: n(r.elderly_care),
    childcare: n(r.childcare),
    housekeeping: n(r.housekeeping),
    health: n(r.health),
    energyAreaCenti: n(r.energy_area_centi),
  }));
}

/** Completed investment's change per month of a plan year (up to its December) under a scope. */
export async function investmentChanges(db: Kysely<Database>, scopePath: string, year: number) {
  const rows = await progressFigures(db, scopePath)
    .where('f.plan_year', '=', year)
    .where('f.period', '<=', `${year}-12`)
    .select(['f.period', (e) => e.fn.sum<number>('f.investment_done_yuan').as('delta')])
    .groupBy('f.period')
    .execute();
  return rows.map((r) => ({ period: r.period, delta: n(r.delta) }));
}

/** Per plan year in [first, last]: the plan, and how many of it have started and completed. */
export async function planYears(
  db: Kysely<Database>,
  scopePath: string,
  first: number,
  last: number,
) {
  const [plans, progress] = await Promise.all([
    planFigures(db, scopePath)
      .where('f.plan_year', '>=', first)
      .where('f.plan_year', '<=', last)
      .select((e) => [
        'f.plan_year',
        e.fn.sum<number>('f.communities').as('communities'),
        e.fn.sum<number>('f.households').as('households'),
      ])
      .groupBy('f.plan_year')
      .having((e) => e.fn.sum('f.communities'), '>', 0)
      .execute(),
    progressFigures(db, scopePath)
      .where('f.plan_year', '>=', first)
      .where('f.plan_year', '<=', last)
      .select((e) => [
        'f.plan_year',
        e.fn.sum<number>('f.started_c').as('started_c'),
        e.fn.sum<number>('f.started_h').as('started_h'),
        e.fn.sum<number>('f.completed_c').as('completed_c'),
        e.fn.sum<number>('f.completed_h').as('completed_h'),
        e.fn.sum<number>('f.completed_before').as('completed_before'),
      ])
      .groupBy('f.plan_year')
      .execute(),
  ]);
  const byYear = new Map(progress.map((r) => [Number(r.plan_year), r]));
  return plans.map((p) => {
    const r = byYear.get(Number(p.plan_year));
    return {
      year: Number(p.plan_year),
      plan: { communities: n(p.communities), households: n(p.households) },
      started: { communities: n(r?.started_c), households: n(r?.started_h) },
      completed: {
        communities: n(r?.completed_c),
        households: n(r?.completed_h),
        before2000: n(r?.completed_before),
      },
    };
  });
}

// ---- recomputed from the records ---------------------------------------------------------------

const PLACE = ['region_path', 'region_code', 'prefecture_code', 'plan_year'] as const;
export const MEMBER_MEASURES = [
  'area_class',
  'build_year',
  'households',
  'buildings',
  'floor_area_centi',
  'investment_yuan',
] as const;
export const PROGRESS_MEASURES = [
  'started_c',
  'started_h',
  'completed_c',
  'completed_h',
  'completed_before',
  'investment_done_yuan',
  'pipelines_m',
  'elevators',
  'parking',
  'chargers',
  'elderly_care',
  'childcare',
  'housekeeping',
  'health',
  'energy_area_centi',
] as const;

/** The communities in a plan, with their values, in id order: what `figure_members` must hold. */
export const planMembersFromLedger = (db: Kysely<Database>) =>
  db
    .selectFrom('communities as c')
    .where(inImplementPool)
    .select([
      'c.id as community_id',
      ...PLACE.map((p) => `c.${p}` as const),
      ...MEMBER_MEASURES.map((m) => `c.${m}` as const),
    ])
    .orderBy('c.id')
    .execute();

export const storedMembers = (db: Kysely<Database>) =>
  db.selectFrom('figure_members').selectAll().orderBy('community_id').execute();

/** The plan's measures per place, plan year, class and build year, from the ledger. */
export const planByBuildYearFromLedger = (db: Kysely<Database>) =>
  db
    .selectFrom('communities as c')
    .where(inImplementPool)
    .select((e) => [
      ...PLACE.map((p) => `c.${p}` as const),
      'c.area_class',
      'c.build_year',
      e.fn.countAll<number>().as('communities'),
      e.fn.sum<number>('c.households').as('households'),
      e.fn.sum<number>('c.buildings').as('buildings'),
      e.fn.sum<number>('c.floor_area_centi').as('floor_area_centi'),
      e.fn.sum<number>('c.investment_yuan').as('investment_yuan'),
    ])
    .groupBy([...PLACE.map((p) => `c.${p}` as const), 'c.area_class', 'c.build_year'])
    .execute();

export const storedPlanFigures = (db: Kysely<Database>) =>
  db.selectFrom('plan_figures').selectAll().execute();

export const storedProgressFigures = (db: Kysely<Database>) =>
  db.selectFrom('progress_figures').selectAll().execute();

/**
 * Each month's change of the progress measures per place and plan year, from the records: every
 * record of a community in a plan, less that community's record before it.
 */
export async function progressChangesFromLedger(db: Kysely<Database>) {
  const flag = (date: string, weight: RawBuilder<unknown> | number) =>
    sql`case when ${sql.ref(date)} is not null then ${weight} else 0 end`;
  const values = {
    started_c: flag('r.start_date', 1),
    started_h: flag('r.start_date', sql.ref('c.households')),
    completed_c: flag('r.completion_date', 1),
    completed_h: flag('r.completion_date', sql.ref('c.households')),
    completed_before: flag(
      'r.completion_date',
      sql`case when c.build_year <= ${sql.lit(COMPLETION_CUTOFF_YEAR)} then 1 else 0 end`,
    ),
    investment_done_yuan: sql.ref('r.investment_done_yuan'),
    pipelines_m: sql.ref('r.pipelines_m'),
    elevators: sql.ref('r.elevators'),
    parking: sql.ref('r.parking'),
    chargers: sql.ref('r.chargers'),
    elderly_care: sql.ref('r.elderly_care'),
    childcare: sql.ref('r.childcare'),
    housekeeping: sql.ref('r.housekeeping'),
    health: sql.ref('r.health'),
    energy_area_centi: sql.ref('r.energy_area_centi'),
  } satisfies Record<(typeof PROGRESS_MEASURES)[number], unknown>;
  const changes = PROGRESS_MEASURES.map((m) =>
    sql`${values[m]} - coalesce(lag(${values[m]}) over (partition by r.community_id order by r.period), 0)`.as(
      m,
    ),
  );
  const records = db
    .selectFrom('communities as c')
    .innerJoin('progress as r', 'r.community_id', 'c.id')
    .where(inImplementPool)
    .select([...PLACE.map((p) => `c.${p}` as const), 'r.period', ...changes])
    .as('d');
  return db
    .selectFrom(records)
    .select((e) => [
      ...PLACE.map((p) => `d.${p}` as const),
      'd.period',
      ...PROGRESS_MEASURES.map((m) => e.fn.sum<number>(`d.${m}`).as(m)),
    ])
    .groupBy([...PLACE.map((p) => `d.${p}` as const), 'd.period'])
    .execute();
}

/** The communities whose latest record has a start date, as recomputed from the records. */
const startedInLedger = (db: Kysely<Database>) =>
  withLatestRecord(db, communitiesUnder(db, '/'))
    .where('r.start_date', 'is not', null)
    .select('c.id as community_id');

export const startedFromLedger = (db: Kysely<Database>) =>
  startedInLedger(db).orderBy('c.id').execute();

export const storedStarted = (db: Kysely<Database>) =>
  db.selectFrom('started_communities').select('community_id').orderBy('community_id').execute();

/**
 * Empties the figures and lets the members' trigger add them again from the ledger; the started
 * communities are written again from the records.
 */
export async function rebuildFigures(db: Kysely<Database>): Promise<void> {
  await db.deleteFrom('figure_members').execute();
  await db.deleteFrom('plan_figures').execute();
  await db.deleteFrom('progress_figures').execute();
  await db.deleteFrom('started_communities').execute();
  await db
    .insertInto('started_communities')
    .columns(['community_id'])
    .expression(startedInLedger(db))
    .execute();
  await db
    .insertInto('figure_members')
    .columns(['community_id', ...PLACE, ...MEMBER_MEASURES])
    .expression(
      db
        .selectFrom('communities as c')
        .where(inImplementPool)
        .select([
          'c.id',
          ...PLACE.map((p) => `c.${p}` as const),
          ...MEMBER_MEASURES.map((m) => `c.${m}` as const),
        ]),
    )
    .execute();
}
