/** All SQL of consultations and monthly progress, with the regions its tables and exports list. */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, ProgressTable, RegionRow } from '../../db/schema.ts';
import type { CommunitiesQuery } from '../plan/plan-table.repository.ts';
import { consultationHash } from '../integrity/integrity.ts';
import { underPath } from '../../db/under-path.ts';

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

type NewConsultation = Omit<Insertable<Database['consultations']>, 'hash'>;
const withHash = (row: NewConsultation) => ({ ...row, hash: consultationHash(row) });

/** Stores a consultation record with the hash of its fields (verified by `gaizao verify`). */
export async function insertConsultation(
  db: Kysely<Database>,
  row: NewConsultation,
): Promise<number> {
  return (
    await db
      .insertInto('consultations')
      .values(withHash(row))
      .returning('id')
      .executeTakeFirstOrThrow()
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
 * redone, so the current plan counts until it is submitted again), with its counts by region
 * (null where none were stored: frozen before migration 0031 and not intact then).
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
    .leftJoin('snapshot_counts as c', 'c.snapshot_id', 's.id')
    .select([
      'd.unit_code as province',
      's.id',
      's.hash',
      's.version',
      'c.counts',
      'c.hash as counts_hash',
    ])
    .where('d.plan_year', '=', year)
    .where('d.level', '=', 'province')
    .where('d.state', 'in', ['submitted', 'accepted'])
    .where('s.kind', '=', 'submission')
    .where((e) => underPath(e, 'g.path', scopePath))
    .execute();

/** Batches of ids for `in (…)`: well under both engines' limits on bound parameters. */
export function* chunks<T>(items: T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** The consultations on record of many communities (what an import needs of them). */
export async function consultationsOfMany(db: Kysely<Database>, communityIds: number[]) {
  const out: {
    community_id: number;
    held_on: string;
    households_agreeing: number;
    source: 'form' | 'import';
  }[] = [];
  for (const ids of chunks([...new Set(communityIds)]))
    out.push(
      ...(await db
        .selectFrom('consultations')
        .select(['community_id', 'held_on', 'households_agreeing', 'source'])
        .where('community_id', 'in', ids)
        .execute()),
    );
  return out;
}

export async function insertConsultationImport(
  db: Kysely<Database>,
  row: Insertable<Database['consultation_imports']>,
): Promise<number> {
  return (
    await db
      .insertInto('consultation_imports')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function insertConsultations(
  db: Kysely<Database>,
  rows: NewConsultation[],
): Promise<void> {
  for (const batch of chunks(rows, 400))
    await db.insertInto('consultations').values(batch.map(withHash)).execute();
}

/** Every monthly record of many communities, oldest first (an import's previous months). */
export async function progressOfMany(db: Kysely<Database>, communityIds: number[]) {
  const out: Selectable<ProgressTable>[] = [];
  for (const ids of chunks([...new Set(communityIds)]))
    out.push(
      ...(await db
        .selectFrom('progress')
        .selectAll()
        .where('community_id', 'in', ids)
        .orderBy('community_id')
        .orderBy('period')
        .execute()),
    );
  return out;
}

/** Many monthly records stored at once, each replacing that community's month if there. */
export async function saveProgressMany(
  db: Kysely<Database>,
  rows: Insertable<ProgressTable>[],
): Promise<void> {
  for (const batch of chunks(rows, 400))
    await db
      .insertInto('progress')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['community_id', 'period']).doUpdateSet((eb) => ({
          start_date: eb.ref('excluded.start_date'),
          completion_date: eb.ref('excluded.completion_date'),
          investment_done_yuan: eb.ref('excluded.investment_done_yuan'),
          pipelines_m: eb.ref('excluded.pipelines_m'),
          elevators: eb.ref('excluded.elevators'),
          parking: eb.ref('excluded.parking'),
          chargers: eb.ref('excluded.chargers'),
          elderly_care: eb.ref('excluded.elderly_care'),
          childcare: eb.ref('excluded.childcare'),
          housekeeping: eb.ref('excluded.housekeeping'),
          health: eb.ref('excluded.health'),
          energy_area_centi: eb.ref('excluded.energy_area_centi'),
          corrected: eb.ref('excluded.corrected'),
          username: eb.ref('excluded.username'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

/** The regions one level below a region, at that level, in code order: their code and name. */
export const unitsBelow = (db: Kysely<Database>, parentCode: string, level: RegionRow['level']) =>
  db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('parent_code', '=', parentCode)
    .where('level', '=', level)
    .orderBy('code')
    .execute();

/** The code and path of every region in a subtree. */
export const regionPathsUnder = (db: Kysely<Database>, scopePath: string) =>
  db
    .selectFrom('regions')
    .select(['code', 'path'])
    .where((e) => underPath(e, 'path', scopePath))
    .execute();

/**
 * The statistics export's rows (stats-export.service.ts) a batch at a time, in project-code and
 * community order: each project of the plan year under the scope, its communities, and each
 * community's latest monthly record up to `period` (one index seek a community on the progress
 * key), so a province's or the country's export streams in bounded memory.
 *
 * The plan year's projects under the scope are listed first (their ids and codes only), then
 * their rows are read `batch` projects at a time. Reading
 * the rows in code order straight from the ledger went through the index on the code, one random
 * read of a project for every project of every year: at 220,000 communities on SQLite, 0.15 s
 * of a province's query against 0.04 s for a scan of projects (docs/benchmarks.md).
 */
export async function* iterateStatisticsCommunities(
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  period: string,
  batch = 2000,
) {
  const projects = await db
    .selectFrom('projects as p')
    .select(['p.id', 'p.code'])
    .where((e) => underPath(e, 'p.region_path', scopePath))
    .where('p.plan_year', '=', year)
    .execute();
  // Sorted here, not by the query: an `order by` on the code would send SQLite down its index
  // again. Codes are ASCII (XM, the plan year, the unit's code, a sequence): compared as
  // strings, they sort as the database sorts them.
  projects.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 0; i < projects.length; i += batch) {
    const ids = projects.slice(i, i + batch).map((p) => p.id);
    const rows = await statisticsBatch(db, ids, period);
    if (rows.length) yield rows;
  }
}

/** The rows of some projects of iterateStatisticsCommunities, by project code and community. */
function statisticsBatch(db: Kysely<Database>, projectIds: number[], period: string) {
  return db
    .selectFrom('projects as p')
    .innerJoin('project_communities as pc', 'pc.project_id', 'p.id')
    .innerJoin('communities as c', 'c.id', 'pc.community_id')
    .leftJoin('progress as r', (j) =>
      j.onRef('r.community_id', '=', 'c.id').on('r.period', '=', (e) =>
        e
          .selectFrom('progress as l')
          .select((l) => l.fn.max('l.period').as('period'))
          .whereRef('l.community_id', '=', 'c.id')
          .where('l.period', '<=', period),
      ),
    )
    .where('p.id', 'in', projectIds)
    .select([
      'p.code',
      'p.name as project_name',
      'p.pool',
      'c.id',
      'c.name',
      'c.region_code',
      'c.plan_year',
      'c.households',
      'c.buildings',
      'c.floor_area_centi',
      'c.investment_yuan',
      'r.start_date',
      'r.completion_date',
      'r.investment_done_yuan',
      'r.elevators',
      'r.pipelines_m',
      'r.elderly_care',
      'r.childcare',
      'r.housekeeping',
      'r.health',
    ])
    .orderBy('p.code')
    .orderBy('c.id')
    .execute();
}
