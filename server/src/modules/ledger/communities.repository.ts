/** All SQL about communities and the projects bundling them. */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { AreaClass, Pool, SortColumn, YearBucket } from '../../../../common/ledger.ts';
import type { CommunityRow, CommunityTable, Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';
import { policyInForce } from '../../domain/plan-policy.ts';
import type { Insertable } from 'kysely';
import { orthographicKey } from '../../domain/ledger/names.ts';

export type NewCommunity = Insertable<CommunityTable>;

export interface CommunityFilter {
  scopePath: string;
  regionPath?: string;
  planYear?: number;
  pool?: Pool;
  /** 'before' ≤ the cut-off of the community's plan-year policy < 'after' */
  bucket?: YearBucket;
  /** the plan-year policies' cut-offs (every policy), needed with `bucket` */
  cutoffs?: readonly { planYear: number; cutoffYear: number }[];
  areaClass?: AreaClass;
  excluded?: boolean;
  suspected?: boolean;
  q?: string;
}

const escapeLike = (s: string) => s.replace(/[%_\\]/g, (m) => `\\${m}`);

/**
 * Built before or after the cut-off of the policy in force for each community's plan year: one
 * condition for a filtered year, else one per policy's span of plan years (a handful of rows).
 */
function bucketCondition(
  e: ExpressionBuilder<Database & { c: CommunityTable }, 'c'>,
  bucket: 'before' | 'after',
  cutoffs: readonly { planYear: number; cutoffYear: number }[],
  planYear: number | undefined,
): Expression<SqlBool> {
  const side = (cutoff: number) =>
    bucket === 'before' ? e('c.build_year', '<=', cutoff) : e('c.build_year', '>', cutoff);
  if (!cutoffs.length) throw new Error('the bucket filter needs the plan-year policies');
  if (planYear !== undefined) return side(policyInForce(cutoffs, planYear).cutoffYear);
  const sorted = [...cutoffs].sort((a, b) => a.planYear - b.planYear);
  return e.or(
    sorted.map((p, i) => {
      const next = sorted[i + 1];
      const span: Expression<SqlBool>[] = [side(p.cutoffYear)];
      // The earliest policy also stands for the years before it (as policyFor does).
      if (i > 0) span.push(e('c.plan_year', '>=', p.planYear));
      if (next) span.push(e('c.plan_year', '<', next.planYear));
      return e.and(span);
    }),
  );
}

function filtered(db: Kysely<Database>, f: CommunityFilter) {
  return db.selectFrom('communities as c').where((e) => {
    const conds: Expression<SqlBool>[] = [
      underPath(e, 'c.region_path', f.regionPath ?? f.scopePath),
    ];
    if (f.regionPath && !f.regionPath.startsWith(f.scopePath)) conds.push(sql<boolean>`1 = 0`);
    if (f.planYear !== undefined) conds.push(e('c.plan_year', '=', f.planYear));
    if (f.bucket) conds.push(bucketCondition(e, f.bucket, f.cutoffs ?? [], f.planYear));
    if (f.areaClass) conds.push(e('c.area_class', '=', f.areaClass));
    if (f.excluded !== undefined)
      conds.push(f.excluded ? e('c.exclusion', '!=', 'none') : e('c.exclusion', '=', 'none'));
    if (f.pool)
      conds.push(
        e.exists(
          e
            .selectFrom('project_communities as pc')
            .innerJoin('projects as p', 'p.id', 'pc.project_id')
            .select('pc.project_id')
            .whereRef('pc.community_id', '=', 'c.id')
            .where('p.pool', '=', f.pool),
        ),
      );
    if (f.suspected)
      conds.push(
        e.exists(
          e
            .selectFrom('duplicate_pairs as d')
            .select('d.status')
            .where('d.status', '=', 'suspected')
            .where((x) =>
              x.or([
                x('d.community_a', '=', x.ref('c.id')),
                x('d.community_b', '=', x.ref('c.id')),
              ]),
            ),
        ),
      );
    if (f.q) {
      const like = `%${escapeLike(f.q)}%`;
      // The name as the ledger keys it too: a search finds what the duplicate check would call the
      // same name (spaces, brackets, full-width digits, 三 for 3 written otherwise).
      const key = orthographicKey(f.q);
      conds.push(
        e.or([
          e('c.name', 'like', sql<string>`${like} escape '\\'`),
          e('c.address', 'like', sql<string>`${like} escape '\\'`),
          ...(key
            ? [e('c.name_key', 'like', sql<string>`${`%${escapeLike(key)}%`} escape '\\'`)]
            : []),
        ]),
      );
    }
    return e.and(conds);
  });
}

export async function listCommunities(
  db: Kysely<Database>,
  f: CommunityFilter,
  page: { offset: number; limit: number; sort: SortColumn; desc: boolean },
) {
  return filtered(db, f)
    .selectAll('c')
    .orderBy(`c.${page.sort}`, page.desc ? 'desc' : 'asc')
    .orderBy('c.id', 'asc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

/** Which of these communities are in a pair still suspected of being a duplicate. */
export async function suspectedAmong(db: Kysely<Database>, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('duplicate_pairs')
    .select(['community_a', 'community_b'])
    .where('status', '=', 'suspected')
    .where((e) => e.or([e('community_a', 'in', ids), e('community_b', 'in', ids)]))
    .execute();
  const wanted = new Set(ids);
  return new Set(
    rows.flatMap((r) => [r.community_a, r.community_b]).filter((id) => wanted.has(id)),
  );
}

export async function totalsOf(db: Kysely<Database>, f: CommunityFilter) {
  const row = await filtered(db, f)
    .select((e) => [
      e.fn.countAll<number>().as('count'),
      e.fn.coalesce(e.fn.sum<number>('c.households'), sql<number>`0`).as('households'),
      e.fn.coalesce(e.fn.sum<number>('c.buildings'), sql<number>`0`).as('buildings'),
      e.fn.coalesce(e.fn.sum<number>('c.floor_area_centi'), sql<number>`0`).as('floor_area_centi'),
      e.fn.coalesce(e.fn.sum<number>('c.investment_yuan'), sql<number>`0`).as('investment_yuan'),
    ])
    .executeTakeFirstOrThrow();
  return {
    count: Number(row.count),
    households: Number(row.households),
    buildings: Number(row.buildings),
    floorAreaCenti: Number(row.floor_area_centi),
    investmentYuan: Number(row.investment_yuan),
  };
}

/** Every community of a filter, in code order, a page at a time (exports stream through this). */
export async function* iterateCommunities(
  db: Kysely<Database>,
  f: CommunityFilter,
  batch = 2000,
): AsyncGenerator<CommunityRow[]> {
  let lastId = 0;
  for (;;) {
    const rows = await filtered(db, f)
      .selectAll('c')
      .where('c.id', '>', lastId)
      .orderBy('c.id')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    yield rows;
    lastId = rows[rows.length - 1]!.id;
  }
}

export const findCommunity = (db: Kysely<Database>, id: number) =>
  db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();

export async function insertCommunities(
  db: Kysely<Database>,
  rows: NewCommunity[],
): Promise<{ id: number; region_code: string; name_key: string }[]> {
  if (!rows.length) return [];
  return db
    .insertInto('communities')
    .values(rows)
    .returning(['id', 'region_code', 'name_key'])
    .execute();
}

/** Existing communities with these (unit, key) pairs — exact duplicates of import rows. */
export async function findByKeys(db: Kysely<Database>, unit: string, keys: string[]) {
  if (!keys.length) return [];
  return db
    .selectFrom('communities')
    .select(['id', 'name', 'name_key', 'plan_year', 'region_code'])
    .where('region_code', '=', unit)
    .where('name_key', 'in', keys)
    .execute();
}

export async function updateCommunity(
  db: Kysely<Database>,
  id: number,
  version: number,
  patch: Partial<CommunityRow>,
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('communities')
    .set({ ...patch, version: version + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const projectsOfCommunity = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('projects as p')
    .innerJoin('project_communities as pc', 'pc.project_id', 'p.id')
    .selectAll('p')
    .where('pc.community_id', '=', id)
    .orderBy('p.plan_year')
    .execute();

export async function insertProjects(
  db: Kysely<Database>,
  rows: Insertable<Database['projects']>[],
): Promise<{ id: number; code: string }[]> {
  if (!rows.length) return [];
  return db.insertInto('projects').values(rows).returning(['id', 'code']).execute();
}

export async function linkProjectCommunities(
  db: Kysely<Database>,
  links: { project_id: number; community_id: number }[],
): Promise<void> {
  if (links.length) await db.insertInto('project_communities').values(links).execute();
}
