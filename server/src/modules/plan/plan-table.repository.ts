/**
 * The plan's communities: a community is in a year's plan when its plan year is that year and its
 * project is in the 实施 pool. The plan table's sums come from the maintained figures
 * (figures.repository.ts); what is read here is community by community (the checks' offenders).
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { CommunityTable, Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';

/** The communities under a scope, as `c`. */
export const communitiesUnder = (db: Kysely<Database>, scopePath: string) =>
  db.selectFrom('communities as c').where((e) => underPath(e, 'c.region_path', scopePath));

export type CommunitiesQuery = ReturnType<typeof communitiesUnder>;

/** The community `c` is in a project of the implementation pool (实施). */
export const inImplementPool = (e: ExpressionBuilder<Database & { c: CommunityTable }, 'c'>) =>
  e.exists(
    e
      .selectFrom('project_communities as pc')
      .innerJoin('projects as p', 'p.id', 'pc.project_id')
      .select('pc.project_id')
      .whereRef('pc.community_id', '=', 'c.id')
      .where('p.pool', '=', 'implement'),
  );

export const planCommunities = (
  db: Kysely<Database>,
  scopePath: string,
  year: number,
): CommunitiesQuery =>
  communitiesUnder(db, scopePath).where('c.plan_year', '=', year).where(inImplementPool);

/** The plan's communities that break a rule, for the checks (few rows in a sound plan). */
export function offendingCommunities(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  rule: { buildYearAbove?: number; excluded?: boolean; subsidised?: boolean },
) {
  let q = planCommunities(db, scopePath, year).select([
    'c.id',
    'c.name',
    'c.region_code',
    'c.prefecture_code',
    'c.build_year',
    'c.households',
    'c.exclusion',
    'c.subsidy_years',
  ]);
  if (rule.buildYearAbove !== undefined) q = q.where('c.build_year', '>', rule.buildYearAbove);
  if (rule.excluded) q = q.where('c.exclusion', '!=', 'none');
  if (rule.subsidised) q = q.where('c.subsidy_years', '!=', '');
  return q.orderBy('c.region_code').orderBy('c.id').limit(5000).execute();
}

/** Plan communities that are suspected duplicates of a community already centrally subsidised. */
export function likelySubsidisedDuplicates(db: Kysely<Database>, scopePath: string, year: number) {
  return planCommunities(db, scopePath, year)
    .innerJoin('duplicate_pairs as d', (j) =>
      j.on((e) =>
        e.or([e('d.community_a', '=', e.ref('c.id')), e('d.community_b', '=', e.ref('c.id'))]),
      ),
    )
    .innerJoin('communities as o', (j) =>
      j.on((e) =>
        e.and([
          e.or([e('o.id', '=', e.ref('d.community_a')), e('o.id', '=', e.ref('d.community_b'))]),
          e('o.id', '!=', e.ref('c.id')),
        ]),
      ),
    )
    .where('d.status', '!=', 'dismissed')
    .where('o.subsidy_years', '!=', '')
    .select([
      'c.id',
      'c.name',
      'c.region_code',
      'c.prefecture_code',
      'c.build_year',
      'c.households',
      'o.name as other_name',
      'o.subsidy_years as other_years',
    ])
    .limit(5000)
    .execute();
}

/** The province's contact for the form (联系人及电话), from its declaration of the year, if entered. */
export const declaredContact = (db: Kysely<Database>, province: string, year: number) =>
  db
    .selectFrom('declarations')
    .select(['contact_name', 'contact_phone'])
    .where('unit_code', '=', province)
    .where('plan_year', '=', year)
    .executeTakeFirst();

/** The plan years that hold plan communities under a scope. */
export const planYearsUnder = async (db: Kysely<Database>, scopePath: string): Promise<number[]> =>
  (
    await communitiesUnder(db, scopePath)
      .where(inImplementPool)
      .select('c.plan_year')
      .distinct()
      .execute()
  ).map((r) => Number(r.plan_year));

/** The number of communities in a year's plan under a scope. */
export const planCommunityCount = async (
  db: Kysely<Database>,
  scopePath: string,
  year: number,
): Promise<number> =>
  Number(
    (
      await planCommunities(db, scopePath, year)
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Every province and prefecture-level unit, in code order. */
export const provincesAndPrefectures = (db: Kysely<Database>) =>
  db
    .selectFrom('regions')
    .select(['code', 'name', 'path', 'parent_code', 'level'])
    .where('level', 'in', ['province', 'prefecture'])
    .orderBy('code')
    .execute();

/** The prefecture-level units of one province, in code order. */
export const prefecturesOf = (db: Kysely<Database>, provinceCode: string) =>
  db
    .selectFrom('regions')
    .select(['code', 'name', 'path', 'parent_code', 'level'])
    .where('parent_code', '=', provinceCode)
    .where('level', '=', 'prefecture')
    .orderBy('code')
    .execute();
