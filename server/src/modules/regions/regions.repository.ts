/** All SQL about regions. Functions take the executor first (STYLE.md, convention 3). */
import { sql, type Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { underPath } from '../../db/under-path.ts';
import { locksRows } from '../../db/row-lock.ts';

export const countRegions = async (db: Kysely<Database>): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('regions')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function insertRegions(db: Kysely<Database>, rows: RegionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('regions')
      .values(rows.slice(i, i + 500))
      .execute();
}

export const findRegion = (db: Kysely<Database>, code: string): Promise<RegionRow | undefined> =>
  db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();

export async function getRegion(db: Kysely<Database>, code: string): Promise<RegionRow> {
  const region = await findRegion(db, code);
  if (!region) throw notFound('区划');
  return region;
}

export const findRegionsByCodes = (db: Kysely<Database>, codes: string[]): Promise<RegionRow[]> =>
  codes.length
    ? db.selectFrom('regions').selectAll().where('code', 'in', codes).execute()
    : Promise.resolve([]);

export function listChildren(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('regions as r')
    .selectAll('r')
    .select((e) =>
      e
        .exists(
          e.selectFrom('regions as c').select('c.code').whereRef('c.parent_code', '=', 'r.code'),
        )
        .as('has_children'),
    )
    .where('r.parent_code', '=', code)
    .orderBy('r.code')
    .execute();
}

/** Name, code prefix or pinyin initials, inside the subtree at scopePath. */
export function searchRegions(db: Kysely<Database>, q: string, scopePath: string, limit: number) {
  const like = `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  const prefix = `${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  return db
    .selectFrom('regions')
    .selectAll()
    .where((e) => underPath(e, 'path', scopePath))
    .where('level', '!=', 'country')
    .where((e) =>
      e.or([
        e('name', 'like', sql<string>`${like} escape '\\'`),
        e('code', 'like', sql<string>`${prefix} escape '\\'`),
        e('initials', 'like', sql<string>`${prefix.toLowerCase()} escape '\\'`),
      ]),
    )
    .orderBy(sql`length(path)`) // shallower first: 黄石市 before 黄石港区
    .orderBy('code')
    .limit(limit)
    .execute();
}

export const countCustomZones = async (db: Kysely<Database>, parentCode: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('regions')
        .select((e) => e.fn.countAll().as('n'))
        .where('parent_code', '=', parentCode)
        .where('is_custom', '=', 1)
        .executeTakeFirstOrThrow()
    ).n,
  );

export async function insertRegion(db: Kysely<Database>, row: RegionRow): Promise<void> {
  await db.insertInto('regions').values(row).execute();
}

/**
 * Locks a region's row until the transaction ends (PostgreSQL): two zones added under one parent
 * at once are checked and numbered one after the other, not both against the same siblings.
 */
export async function lockRegion(db: Kysely<Database>, code: string): Promise<void> {
  if (!locksRows(db)) return;
  await db.selectFrom('regions').select('code').where('code', '=', code).forUpdate().execute();
}
