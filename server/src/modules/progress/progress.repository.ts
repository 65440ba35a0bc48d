/** All SQL of consultations and monthly progress. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, ProgressTable } from '../../db/schema.ts';
import type { CommunitiesQuery } from '../plan/plan-table.repository.ts';

/**
 * The communities, each joined as `r` with its latest monthly record (up to `upTo` if given);
 * progress is cumulative, so the latest record says it all.
 */
export function withLatestRecord(
  db: Kysely<Database>,
  communities: CommunitiesQuery,
  upTo?: string,
) {
  let latest = db
    .selectFrom('progress as p')
    .select(['p.community_id', (e) => e.fn.max('p.period').as('period')]);
  if (upTo !== undefined) latest = latest.where('p.period', '<=', upTo);
  return communities
    .leftJoin(latest.groupBy('p.community_id').as('l'), 'l.community_id', 'c.id')
    .leftJoin('progress as r', (j) =>
      j.onRef('r.community_id', '=', 'l.community_id').onRef('r.period', '=', 'l.period'),
    );
}


export const consultationsOf = (db: Kysely<Database>, communityId: number) =>
  db
    .selectFrom('consultations')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('held_on', 'desc')
    .execute();

export async function bestAgreeing(db: Kysely<Database>, communityId: number): Promise<number> {
  const r = await db
    .selectFrom('consultations')
    .select((e) => e.fn.max<number>('households_agreeing').as('best'))
    .where('community_id', '=', communityId)
    .executeTakeFirst();
  return Number(r?.best ?? 0);
}

export async function insertConsultation(
  db: Kysely<Database>,
  row: Insertable<Database['consultations']>,
): Promise<number> {
  return (
    await db.insertInto('consultations').values(row).returning('id').executeTakeFirstOrThrow()
  ).id;
}

export const progressOf = (db: Kysely<Database>, communityId: number) =>
  db
    .selectFrom('progress')
    .selectAll()
    .where('community_id', '=', communityId)
    .orderBy('period', 'desc')
    .execute();

export const latestBefore = (db: Kysely<Database>, communityId: number, period: string) =>
  db
    .selectFrom('progress')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('period', '<', period)
    .orderBy('period', 'desc')
    .limit(1)
    .executeTakeFirst();

export async function saveProgress(
  db: Kysely<Database>,
  row: Insertable<ProgressTable>,
): Promise<void> {
  const { community_id: _c, period: _p, ...rest } = row;
  await db
    .insertInto('progress')
    .values(row)
    .onConflict((oc) => oc.columns(['community_id', 'period']).doUpdateSet(rest))
    .execute();
}

/**
 * Per prefecture-level unit (or per province), the plan and the progress as at a month end: each
 * community's latest record up to that month. `grouping` is the column to group by.
 */
export async function progressByUnit(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  period: string,
  monthEnd: string,
  grouping: 'prefecture' | 'province',
) {
  const unit =
    grouping === 'prefecture'
      ? sql<string>`c.prefecture_code`
      : sql<string>`substr(c.region_path, 9, 6)`;
  const latest = db
    .selectFrom('progress as p')
    .select(['p.community_id', (e) => e.fn.max('p.period').as('period')])
    .where('p.period', '<=', period)
    .groupBy('p.community_id')
    .as('l');
  const rows = await db
    .selectFrom('communities as c')
    .leftJoin(latest, 'l.community_id', 'c.id')
    .leftJoin('progress as r', (j) =>
      j.onRef('r.community_id', '=', 'l.community_id').onRef('r.period', '=', 'l.period'),
    )
    .where('c.region_path', 'like', `${scopePath}%`)
    .where('c.plan_year', '=', year)
    .where((e) =>
      e.exists(
        e
          .selectFrom('project_communities as pc')
          .innerJoin('projects as pj', 'pj.id', 'pc.project_id')
          .select('pc.project_id')
          .whereRef('pc.community_id', '=', 'c.id')
          .where('pj.pool', '=', 'implement'),
      ),
    )
    .select((e) => [
      unit.as('unit'),
      e.fn.countAll<number>().as('plan_communities'),
      e.fn.sum<number>('c.households').as('plan_households'),
      e.fn
        .sum<number>(
          sql`case when r.start_date is not null and r.start_date <= ${monthEnd} then 1 else 0 end`,
        )
        .as('started_communities'),
      e.fn
        .sum<number>(
          sql`case when r.start_date is not null and r.start_date <= ${monthEnd} then c.households else 0 end`,
        )
        .as('started_households'),
      e.fn
        .sum<number>(
          sql`case when r.completion_date is not null and r.completion_date <= ${monthEnd} then 1 else 0 end`,
        )
        .as('completed_communities'),
      e.fn.sum<number>(sql`coalesce(r.investment_done_yuan, 0)`).as('investment_done_yuan'),
      e.fn.sum<number>(sql`coalesce(r.elevators, 0)`).as('elevators'),
      e.fn.sum<number>(sql`coalesce(r.pipelines_m, 0)`).as('pipelines_m'),
      e.fn
        .sum<number>(sql`coalesce(r.elderly_care, 0) + coalesce(r.childcare, 0)`)
        .as('elderly_childcare'),
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
      elderlyChildcare: Number(r.elderly_childcare),
    },
  }));
}

/**
 * The plan each province of the scope submitted for the year, as frozen: the snapshot of its
 * latest submission while the declaration stands submitted or accepted (a returned plan is being
 * redone, so the current plan counts until it is submitted again).
 */
export const submittedPlans = (db: Kysely<Database>, scopePath: string, year: number) =>
  db
    .selectFrom('declarations as d')
    .innerJoin('regions as g', 'g.code', 'd.unit_code')
    .innerJoin('declaration_snapshots as s', (j) =>
      j
        .onRef('s.unit_code', '=', 'd.unit_code')
        .onRef('s.plan_year', '=', 'd.plan_year')
        .onRef('s.version', '=', 'd.version'),
    )
    .select(['d.unit_code as province', 's.content'])
    .where('d.plan_year', '=', year)
    .where('d.level', '=', 'province')
    .where('d.state', 'in', ['submitted', 'accepted'])
    .where('s.kind', '=', 'submission')
    .where('g.path', 'like', `${scopePath}%`)
    .execute();

/** The prefecture-level unit of every region below a province (a prefecture-level unit is its own). */
export async function prefectureOfRegions(
  db: Kysely<Database>,
  provincePath: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'level', 'parent_code'])
    .where('path', 'like', `${provincePath}%`)
    .where('level', 'in', ['prefecture', 'county'])
    .execute();
  return new Map(rows.map((r) => [r.code, r.level === 'prefecture' ? r.code : r.parent_code!]));
}
