/** The subsidised-history list's rows (issue 9 §4): written by its import, read by the checks. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, SubsidyHistoryTable } from '../../../db/schema.ts';

export async function insertHistory(
  db: Kysely<Database>,
  rows: Insertable<SubsidyHistoryTable>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('subsidy_history')
      .values(rows.slice(i, i + 500))
      .execute();
}

/** The stored entry of each (unit, name key, year), if any. */
export async function storedHistoryTwins(
  db: Kysely<Database>,
  keys: { regionCode: string; key: string; year: number }[],
) {
  if (!keys.length) return [];
  const found = await db
    .selectFrom('subsidy_history')
    .select(['region_code', 'name_key', 'subsidy_year', 'name', 'source_file'])
    .where('region_code', 'in', [...new Set(keys.map((k) => k.regionCode))])
    .where('name_key', 'in', [...new Set(keys.map((k) => k.key))])
    .execute();
  const byKey = new Map(found.map((f) => [`${f.region_code}|${f.name_key}|${f.subsidy_year}`, f]));
  return keys.map((k) => byKey.get(`${k.regionCode}|${k.key}|${k.year}`));
}
