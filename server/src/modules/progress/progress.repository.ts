/** All SQL of consultations and monthly progress. */
import type { Insertable, Kysely } from 'kysely';
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
    .select(['d.unit_code as province', 's.content', 's.id', 's.hash'])
    .where('d.plan_year', '=', year)
    .where('d.level', '=', 'province')
    .where('d.state', 'in', ['submitted', 'accepted'])
    .where('s.kind', '=', 'submission')
    .where('g.path', 'like', `${scopePath}%`)
    .execute();
