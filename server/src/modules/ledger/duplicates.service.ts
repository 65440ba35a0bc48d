/**
 * Suspected duplicates: names within one edit of each other, after normalisation, in the same
 * county-level unit (exact matches are refused outright by the ledger's unique key). The scan is
 * blocked by unit and by deletion variants of the key, so it is linear, never quadratic.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { suspectedPairs } from '../../domain/ledger/names.ts';

export interface Named {
  id: number;
  name: string;
}

export interface SuspectedPair {
  a: Named;
  b: Named;
}

const UNITS_PER_QUERY = 200;

/** Scans the given units; records new suspicions; returns every pair still 'suspected' there. */
export async function scanUnits(
  db: Kysely<Database>,
  units: string[],
  now = new Date(),
): Promise<SuspectedPair[]> {
  const out: SuspectedPair[] = [];
  for (let i = 0; i < units.length; i += UNITS_PER_QUERY) {
    const rows = await db
      .selectFrom('communities')
      .select(['id', 'name', 'name_key', 'region_code'])
      .where('region_code', 'in', units.slice(i, i + UNITS_PER_QUERY))
      .execute();
    const pairs = suspectedPairs(
      rows.map((r) => ({ ref: r, unit: r.region_code, key: r.name_key })),
    );
    if (!pairs.length) continue;
    const ordered = pairs.map(([x, y]): [typeof x, typeof x] => (x.id < y.id ? [x, y] : [y, x]));
    for (let j = 0; j < ordered.length; j += 500)
      await db
        .insertInto('duplicate_pairs')
        .values(
          ordered.slice(j, j + 500).map(([a, b]) => ({
            community_a: a.id,
            community_b: b.id,
            status: 'suspected' as const,
            by_username: null,
            at: now.toISOString(),
          })),
        )
        .onConflict((oc) => oc.columns(['community_a', 'community_b']).doNothing())
        .execute();
    const status = new Map(
      (
        await db
          .selectFrom('duplicate_pairs')
          .select(['community_a', 'community_b', 'status'])
          .where(
            'community_a',
            'in',
            ordered.map(([a]) => a.id),
          )
          .execute()
      ).map((p) => [`${p.community_a}:${p.community_b}`, p.status]),
    );
    for (const [a, b] of ordered)
      if (status.get(`${a.id}:${b.id}`) === 'suspected')
        out.push({ a: { id: a.id, name: a.name }, b: { id: b.id, name: b.name } });
  }
  return out;
}

/** The whole ledger (or a subtree), unit by unit, streaming in unit order. */
export async function scanAll(
  db: Kysely<Database>,
  scopePath = '/',
  now = new Date(),
): Promise<number> {
  const units = (
    await db
      .selectFrom('regions')
      .select('code')
      .where('is_ledger_unit', '=', 1)
      .where('path', 'like', `${scopePath}%`)
      .orderBy('code')
      .execute()
  ).map((r) => r.code);
  return (await scanUnits(db, units, now)).length;
}

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

export async function setPairStatus(
  db: Kysely<Database>,
  a: number,
  b: number,
  status: 'dismissed' | 'confirmed',
  username: string,
  now = new Date(),
): Promise<boolean> {
  const [x, y] = a < b ? [a, b] : [b, a];
  const res = await db
    .updateTable('duplicate_pairs')
    .set({ status, by_username: username, at: now.toISOString() })
    .where('community_a', '=', x)
    .where('community_b', '=', y)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
