/** The SQL of the duplicate scan (duplicates.service.ts): the communities it reads, the pairs it records. */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
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

/** The strict ancestors of a subtree's path: '/000000/110000/' has '/' and '/000000/'. */
const ancestorsOf = (path: string) =>
  [...path.matchAll(/\//g)].map((m) => path.slice(0, m.index + 1)).filter((p) => p !== path);

/**
 * The prefecture-level units holding communities in a subtree, in code order. Asked of the regions,
 * a probe of the communities' prefecture index each, not by reading every community of the
 * subtree (which took 0.18 s of a 1.4 s national scan at 220,000 communities on PostgreSQL):
 * a unit inside the subtree holds communities there if it holds any (theirs lie under its path);
 * a unit the subtree lies in (a county's subtree, or the unit's own) if one of them lies in it.
 */
export const prefecturesUnder = (db: Kysely<Database>, scopePath: string) =>
  db
    .selectFrom('regions as r')
    .select('r.code as prefecture_code')
    .where((e) => {
      const holding = e
        .selectFrom('communities as c')
        .select('c.id')
        .whereRef('c.prefecture_code', '=', 'r.code');
      const above = ancestorsOf(scopePath);
      return e.or([
        e.and([underPath(e, 'r.path', scopePath), e.exists(holding)]),
        ...(above.length
          ? [
              e.and([
                e('r.path', 'in', above),
                e.exists(holding.where((c) => underPath(c, 'c.region_path', scopePath))),
              ]),
            ]
          : []),
      ]);
    })
    .orderBy('r.code')
    .execute();

/** What a check reads of the stored communities of some prefecture-level units: all it pairs by. */
export const namedCandidatesIn = (db: Kysely<Database>, prefectures: string[]) =>
  db
    .selectFrom('communities')
    .select(['id', 'name', 'name_key', 'region_code', 'prefecture_code', 'address_key', 'cell_key'])
    .where('prefecture_code', 'in', prefectures)
    .execute();

/** What the scan pairs names by: every community's name key. */
export type NameCandidate = { id: number; name_key: string; region_code: string };
/** What it pairs places by: the keys stored with a community (domain/ledger/place-keys.ts). */
export type PlaceCandidate = {
  id: number;
  region_code: string;
  prefecture_code: string;
  address_key: string | null;
  cell_key: string | null;
};

/**
 * What the scan reads of the communities of some prefecture-level units: every name key, and the
 * communities that may share a place key with another of their prefecture-level unit. PostgreSQL
 * groups the place keys itself, in a process of its own, and sends only the communities whose
 * key 2 to `groupsBelow - 1` share, at once with the names; SQLite runs in this process, where its
 * sort of the keys costs more than grouping them in JavaScript, so it sends every community's
 * keys, in one pass with the names.
 */
export async function scanCandidatesIn(
  db: Kysely<Database>,
  prefectures: string[],
  groupsBelow: number,
): Promise<{ names: NameCandidate[]; places: PlaceCandidate[] }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) {
    const rows = await db
      .selectFrom('communities')
      .select(['id', 'name_key', 'region_code', 'prefecture_code', 'address_key', 'cell_key'])
      .where('prefecture_code', 'in', prefectures)
      .execute();
    return { names: rows, places: rows };
  }
  const [names, addresses, cells] = await Promise.all([
    db
      .selectFrom('communities')
      .select(['id', 'name_key', 'region_code'])
      .where('prefecture_code', 'in', prefectures)
      .execute(),
    sharingPlaceKey(db, prefectures, 'address_key', groupsBelow),
    sharingPlaceKey(db, prefectures, 'cell_key', groupsBelow),
  ]);
  return {
    names,
    places: [
      ...addresses.map((r) => ({ ...r, address_key: r.key, cell_key: null })),
      ...cells.map((r) => ({ ...r, address_key: null, cell_key: r.key })),
    ],
  };
}

/**
 * The communities of some prefecture-level units whose address key (or position's cell) another
 * of the same prefecture-level unit shares, in groups of 2 to `groupsBelow - 1`.
 */
async function sharingPlaceKey(
  db: Kysely<Database>,
  prefectures: string[],
  column: 'address_key' | 'cell_key',
  groupsBelow: number,
): Promise<{ id: number; region_code: string; prefecture_code: string; key: string }[]> {
  const key = sql.ref(column);
  const among = sql.join(prefectures);
  const { rows } = await sql<{
    id: number;
    region_code: string;
    prefecture_code: string;
    key: string;
  }>`
    select c.id, c.region_code, c.prefecture_code, g.place_key as key
    from communities c
    join (select prefecture_code, ${key} as place_key from communities
          where prefecture_code in (${among}) and ${key} is not null
          group by prefecture_code, ${key}
          having count(*) between 2 and ${groupsBelow - 1}) g
      on g.prefecture_code = c.prefecture_code and g.place_key = c.${key}
    where c.prefecture_code in (${among})`.execute(db);
  return rows;
}

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
