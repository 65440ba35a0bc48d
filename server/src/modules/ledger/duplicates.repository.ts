/** The SQL of the duplicate scan (duplicates.service.ts): the communities it reads, the pairs it records. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';

/** The prefecture-level units the communities of some county-level units lie in (any order). */
export const prefecturesOfUnits = (db: Kysely<Database>, units: string[]) =>
  db
    .selectFrom('communities')
    .select('prefecture_code')
    .distinct()
    .where('region_code', 'in', units)
    .execute();

/** The prefecture-level units holding communities in a subtree, in code order. */
export const prefecturesUnder = (db: Kysely<Database>, scopePath: string) =>
  db
    .selectFrom('communities')
    .select('prefecture_code')
    .distinct()
    .where((e) => underPath(e, 'region_path', scopePath))
    .orderBy('prefecture_code')
    .execute();

/** What the scan reads of the communities of some prefecture-level units, with their names. */
export const namedCandidatesIn = (db: Kysely<Database>, prefectures: string[]) =>
  db
    .selectFrom('communities')
    .select(['id', 'name', 'name_key', 'region_code', 'prefecture_code', 'address', 'lng', 'lat'])
    .where('prefecture_code', 'in', prefectures)
    .execute();

/** What the scan reads of the communities of some prefecture-level units. */
export const candidatesIn = (db: Kysely<Database>, prefectures: string[]) =>
  db
    .selectFrom('communities')
    .select(['id', 'name_key', 'region_code', 'prefecture_code', 'address', 'lng', 'lat'])
    .where('prefecture_code', 'in', prefectures)
    .execute();

/** Records pairs (lower id first) as 'suspected'; a pair already recorded keeps its status. */
export async function insertSuspectedPairs(
  db: Kysely<Database>,
  pairs: [number, number][],
  at: string,
): Promise<void> {
  await db
    .insertInto('duplicate_pairs')
    .values(
      pairs.map(([a, b]) => ({
        community_a: a,
        community_b: b,
        status: 'suspected' as const,
        by_username: null,
        at,
      })),
    )
    .onConflict((oc) => oc.columns(['community_a', 'community_b']).doNothing())
    .execute();
}

/** The recorded pairs whose lower id is one of `ids`, with their status. */
export const pairStatusesFrom = (db: Kysely<Database>, ids: number[]) =>
  db
    .selectFrom('duplicate_pairs')
    .select(['community_a', 'community_b', 'status'])
    .where('community_a', 'in', ids)
    .execute();

/** The name and county-level unit of some communities. */
export const communityNames = (db: Kysely<Database>, ids: number[]) =>
  db
    .selectFrom('communities')
    .select(['id', 'name', 'region_code'])
    .where('id', 'in', ids)
    .execute();

/** The pairs of one community: the other community of each, with the pair's status. */
export async function pairsOf(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('duplicate_pairs as d')
    .innerJoin('communities as c', (j) =>
      j.on((e) =>
        e.or([
          e.and([e('d.community_a', '=', id), e('c.id', '=', e.ref('d.community_b'))]),
          e.and([e('d.community_b', '=', id), e('c.id', '=', e.ref('d.community_a'))]),
        ]),
      ),
    )
    .select(['c.id', 'c.name', 'c.region_code', 'c.address', 'd.status', 'd.by_username', 'd.at'])
    .execute();
}

/** Sets the status of the pair (x, y), x < y; whether it was recorded. */
export async function updatePairStatus(
  db: Kysely<Database>,
  x: number,
  y: number,
  status: 'dismissed' | 'confirmed',
  username: string,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('duplicate_pairs')
    .set({ status, by_username: username, at })
    .where('community_a', '=', x)
    .where('community_b', '=', y)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
