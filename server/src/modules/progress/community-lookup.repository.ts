/** The SQL of community-lookup.ts: the names of one county-level unit's communities. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function communityNamesOfUnit(db: Kysely<Database>, unitCode: string) {
  return db
    .selectFrom('communities')
    .select(['id', 'name', 'name_key'])
    .where('region_code', '=', unitCode)
    .orderBy('id')
    .execute();
}
