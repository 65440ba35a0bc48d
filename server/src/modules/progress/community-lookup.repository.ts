/** The SQL of community-lookup.ts: the communities of one county-level unit. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export async function communitiesOfUnit(db: Kysely<Database>, unitCode: string) {
  return db
    .selectFrom('communities')
    .selectAll()
    .where('region_code', '=', unitCode)
    .orderBy('id')
    .execute();
}

export type UnitCommunity = Awaited<ReturnType<typeof communitiesOfUnit>>[number];
