/** All SQL of the five-year view: the ledger by plan year and by pool, targets, green communities. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { COMPLETION_CUTOFF_YEAR, FIVE_YEAR } from '../../domain/five-year.ts';
import { communitiesUnder } from '../plan/plan-table.repository.ts';
import * as figures from '../figures/figures.repository.ts';
import { underPath } from '../../db/under-path.ts';

const n = (v: unknown): number => Number(v ?? 0);
// An integer, checked, inlined: PostgreSQL does not equate two bound parameters across clauses.
const cutoff = sql.lit(COMPLETION_CUTOFF_YEAR);

/**
 * Per plan year of the period, the plan (communities in the 实施 pool with that plan year, as the
 * plan table counts them) and how many of them have started and completed: from the maintained
 * figures, every month's changes summed.
 */
export const planYears = (db: Kysely<Database>, scopePath: string) =>
  figures.planYears(db, scopePath, FIVE_YEAR.first, FIVE_YEAR.last);

/**
 * Per pool (实施/谋划/储备), the projects, communities and households not yet started: not among
 * the communities whose latest record has a start date (maintained, migration 0032).
 */
export async function pools(db: Kysely<Database>, scopePath: string) {
  const rows = await communitiesUnder(db, scopePath)
    .innerJoin('project_communities as pc', 'pc.community_id', 'c.id')
    .innerJoin('projects as pj', 'pj.id', 'pc.project_id')
    .where((e) =>
      e.not(
        e.exists(
          e
            .selectFrom('started_communities as s')
            .select('s.community_id')
            .whereRef('s.community_id', '=', 'c.id'),
        ),
      ),
    )
    .select((e) => [
      'pj.pool',
      e.fn.count<number>('pj.id').distinct().as('projects'),
      e.fn.count<number>('c.id').distinct().as('communities'),
      e.fn.sum<number>('c.households').as('households'),
      e.fn
        .sum<number>(sql`case when c.build_year <= ${cutoff} then 1 else 0 end`)
        .as('before_2000'),
    ])
    .groupBy('pj.pool')
    .execute();
  return rows.map((r) => ({
    pool: r.pool,
    projects: n(r.projects),
    communities: n(r.communities),
    households: n(r.households),
    before2000: n(r.before_2000),
  }));
}

export const startTargetsOf = (db: Kysely<Database>, regionCode: string) =>
  db
    .selectFrom('start_targets')
    .selectAll()
    .where('region_code', '=', regionCode)
    .orderBy('year')
    .execute();

export const findStartTarget = (db: Kysely<Database>, regionCode: string, year: number) =>
  db
    .selectFrom('start_targets')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();

export const findCompletionTarget = (db: Kysely<Database>, regionCode: string, lastYear: number) =>
  db
    .selectFrom('completion_targets')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('last_year', '=', lastYear)
    .executeTakeFirst();

export const findGreen = (db: Kysely<Database>, regionCode: string, year: number) =>
  db
    .selectFrom('green_communities')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();

/** Green-community figures of the prefecture-level units inside the scope, with their names. */
export const greenInScope = (db: Kysely<Database>, scopePath: string) =>
  db
    .selectFrom('green_communities as g')
    .innerJoin('regions as rg', 'rg.code', 'g.region_code')
    .selectAll('g')
    .select(['rg.name', 'rg.parent_code'])
    .where((e) => underPath(e, 'rg.path', scopePath))
    .orderBy('g.region_code')
    .orderBy('g.year')
    .execute();

/** The prefecture-level units inside the scope (the scope itself if it is one). */
export const prefecturesInScope = (db: Kysely<Database>, scopePath: string) =>
  db
    .selectFrom('regions')
    .select(['code', 'name', 'level', 'path'])
    .where((e) => underPath(e, 'path', scopePath))
    .where('level', '=', 'prefecture')
    .orderBy('code')
    .execute();

/*
 * Saving: a new row starts at version 1; an existing row changes only from the version the editor
 * saw. Each returns the new version, or undefined when the row changed (or appeared) meanwhile.
 */
const inserted = (r: { numInsertedOrUpdatedRows?: bigint }) =>
  Number(r.numInsertedOrUpdatedRows ?? 0) === 1 ? 1 : undefined;
const updated = (r: { numUpdatedRows: bigint }, version: number) =>
  Number(r.numUpdatedRows) === 1 ? version + 1 : undefined;

/** The versioned tables, each keyed by its region and a year column. */
const YEAR_COLUMN = {
  start_targets: 'year',
  completion_targets: 'last_year',
  green_communities: 'year',
} as const;
type Versioned = keyof typeof YEAR_COLUMN;
type VersionedRow = Record<string, string | number | null>;

export async function saveVersioned<T extends Versioned>(
  db: Kysely<Database>,
  table: T,
  current: Database[T] | undefined,
  version: number | undefined,
  row: Omit<Database[T], 'version'>,
): Promise<number | undefined> {
  // The three tables share the columns used here, which Kysely cannot follow through a union.
  const anyTable = db as unknown as Kysely<Record<string, VersionedRow>>;
  const name: string = table;
  const values = row as unknown as VersionedRow;
  if (!current) {
    if (version) return undefined;
    const r = await anyTable
      .insertInto(name)
      .values({ ...values, version: 1 })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    return inserted(r);
  }
  if (version !== current.version) return undefined;
  const yearColumn: string = YEAR_COLUMN[table];
  const { region_code: regionCode, [yearColumn]: year, ...changes } = values;
  const r = await anyTable
    .updateTable(name)
    .set({ ...changes, version: current.version + 1 })
    .where('region_code', '=', regionCode!)
    .where(yearColumn, '=', year!)
    .where('version', '=', current.version)
    .executeTakeFirst();
  return updated(r, current.version);
}
