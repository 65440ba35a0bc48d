/** All SQL of plan revisions (计划调整) and of the acceptance history. */
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';

export const findRevision = (db: Kysely<Database>, unit: string, year: number, revision: number) =>
  db
    .selectFrom('declaration_revisions')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .where('revision', '=', revision)
    .executeTakeFirst();

export const revisionsOf = (db: Kysely<Database>, unit: string, year: number) =>
  db
    .selectFrom('declaration_revisions')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .orderBy('revision')
    .execute();

export async function insertRevision(
  db: Kysely<Database>,
  row: Insertable<Database['declaration_revisions']>,
): Promise<void> {
  await db.insertInto('declaration_revisions').values(row).execute();
}

/** Sets (or replaces) the reason of one community in one revision. */
export async function saveRevisionReason(
  db: Kysely<Database>,
  row: Insertable<Database['revision_reasons']>,
): Promise<void> {
  const { unit_code: _u, plan_year: _y, revision: _r, community_id: _c, ...rest } = row;
  await db
    .insertInto('revision_reasons')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['unit_code', 'plan_year', 'revision', 'community_id']).doUpdateSet(rest),
    )
    .execute();
}

/**
 * The reasons given for the communities of a year's plan since `since` (by this unit or a unit
 * below it: a community is reasoned once, where it was removed), oldest first, so that a later
 * reason replaces an earlier one when read into a map.
 */
export async function reasonsSince(
  db: Kysely<Database>,
  communityIds: number[],
  year: number,
  since: string,
) {
  const out = [];
  for (let i = 0; i < communityIds.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('revision_reasons as r')
        .innerJoin('regions as g', 'g.code', 'r.unit_code')
        .select([
          'r.community_id',
          'r.code',
          'r.text',
          'r.unit_code',
          'g.name as unit_name',
          'r.revision',
          'r.username',
          'r.at',
        ])
        .where('r.community_id', 'in', communityIds.slice(i, i + 500))
        .where('r.plan_year', '=', year)
        .where('r.at', '>=', since)
        .orderBy('r.at')
        .execute()),
    );
  return out;
}

/** The reasons a unit gave in one revision. */
export const reasonsOfRevision = (
  db: Kysely<Database>,
  unit: string,
  year: number,
  revision: number,
) =>
  db
    .selectFrom('revision_reasons')
    .selectAll()
    .where('unit_code', '=', unit)
    .where('plan_year', '=', year)
    .where('revision', '=', revision)
    .execute();

export async function insertAcceptance(
  db: Kysely<Database>,
  row: Insertable<Database['plan_acceptances']>,
): Promise<void> {
  await db.insertInto('plan_acceptances').values(row).execute();
}

/** Every accepted version of a unit's plan for the year, oldest first, with its snapshot. */
export const acceptancesOf = (db: Kysely<Database>, unit: string, year: number) =>
  db
    .selectFrom('plan_acceptances as a')
    .innerJoin('declaration_snapshots as s', 's.id', 'a.snapshot_id')
    .select([
      'a.version',
      'a.revision',
      'a.accepted_by',
      'a.accepted_at',
      's.id',
      's.hash',
      's.content',
      's.unit_code',
      's.created_at',
      's.created_by',
    ])
    .where('a.unit_code', '=', unit)
    .where('a.plan_year', '=', year)
    .orderBy('a.id')
    .execute();

/**
 * The version of a unit's plan in force at `at` (ISO time; default: any time): the latest accepted
 * at or before it, with its snapshot.
 */
export function acceptedAt(db: Kysely<Database>, unit: string, year: number, at?: string) {
  let q = db
    .selectFrom('plan_acceptances as a')
    .innerJoin('declaration_snapshots as s', 's.id', 'a.snapshot_id')
    .selectAll('s')
    .select(['a.accepted_at', 'a.accepted_by', 'a.revision'])
    .where('a.unit_code', '=', unit)
    .where('a.plan_year', '=', year);
  if (at !== undefined) q = q.where('a.accepted_at', '<=', at);
  return q.orderBy('a.id', 'desc').limit(1).executeTakeFirst();
}

/**
 * The plan in force at `at` of each province within `scopePath`: its latest version accepted at
 * or before that time, with its snapshot's id, hash and counts by region (a province none of whose
 * versions was accepted by then is left out).
 */
export const provincePlansInForce = (
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  at: string,
) =>
  db
    .selectFrom('plan_acceptances as a')
    .innerJoin('regions as g', 'g.code', 'a.unit_code')
    .innerJoin('declaration_snapshots as s', 's.id', 'a.snapshot_id')
    .leftJoin('snapshot_counts as c', 'c.snapshot_id', 's.id')
    .select([
      'a.unit_code as province',
      'g.name',
      'a.version',
      'a.revision',
      'a.accepted_at',
      's.id',
      's.hash',
      'c.counts',
      'c.hash as counts_hash',
    ])
    .where('a.plan_year', '=', year)
    .where('g.level', '=', 'province')
    .where((e) => underPath(e, 'g.path', scopePath))
    .where('a.accepted_at', '<=', at)
    .where((e) =>
      e.not(
        e.exists(
          e
            .selectFrom('plan_acceptances as b')
            .select('b.id')
            .whereRef('b.unit_code', '=', 'a.unit_code')
            .whereRef('b.plan_year', '=', 'a.plan_year')
            .where('b.accepted_at', '<=', at)
            .whereRef('b.id', '>', 'a.id'),
        ),
      ),
    )
    .execute();
