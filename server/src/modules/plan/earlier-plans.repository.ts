/**
 * What a year's plan is checked against for “不得重复申报” (issue 9 §4): the subsidised history
 * lists and the communities of earlier years' accepted plans, under a scope; and the plan's own
 * communities in the units where any of those lie.
 */
import type { Kysely } from 'kysely';
import type { Database, DeclaredCommunityTable } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';
import { planCommunities } from './plan-table.repository.ts';

export const historyUnder = (db: Kysely<Database>, scopePath: string) =>
  db
    .selectFrom('subsidy_history as h')
    .where((e) => underPath(e, 'h.region_path', scopePath))
    .select(['h.id', 'h.name', 'h.region_code', 'h.subsidy_year'])
    .orderBy('h.id')
    .execute();

/** Communities of accepted plans of years before `year` under the scope, with the unit's name. */
export const declaredBefore = (db: Kysely<Database>, scopePath: string, year: number) =>
  db
    .selectFrom('declared_communities as d')
    .innerJoin('regions as u', 'u.code', 'd.unit_code')
    .where((e) => underPath(e, 'd.region_path', scopePath))
    .where('d.plan_year', '<', year)
    .select([
      'd.unit_code',
      'u.name as unit_name',
      'd.plan_year',
      'd.level',
      'd.version',
      'd.community_id',
      'd.region_code',
      'd.name',
    ])
    .execute();

/** The accepted plans a community sits in (any level), for refusing a change of its plan year. */
export const acceptedPlansOf = (db: Kysely<Database>, communityId: number) =>
  db
    .selectFrom('declared_communities as d')
    .innerJoin('regions as u', 'u.code', 'd.unit_code')
    .where('d.community_id', '=', communityId)
    .select(['d.unit_code', 'u.name as unit_name', 'd.plan_year', 'd.level', 'd.version'])
    .execute();

/**
 * Whether any of the units' declarations of the year is being revised (计划调整: a draft or a
 * returned revision, issue 11 §3).
 */
export async function anyRevising(
  db: Kysely<Database>,
  unitCodes: string[],
  year: number,
): Promise<boolean> {
  if (!unitCodes.length) return false;
  const row = await db
    .selectFrom('declarations')
    .select('unit_code')
    .where('unit_code', 'in', unitCodes)
    .where('plan_year', '=', year)
    .where('revision', '>', 0)
    .where('state', 'in', ['draft', 'returned'])
    .executeTakeFirst();
  return row !== undefined;
}

/** Forgets the declared communities of a unit's plan that an accepted revision took out. */
export async function forgetDeclared(
  db: Kysely<Database>,
  unitCode: string,
  year: number,
  communityIds: number[],
): Promise<void> {
  for (let i = 0; i < communityIds.length; i += 500)
    await db
      .deleteFrom('declared_communities')
      .where('unit_code', '=', unitCode)
      .where('plan_year', '=', year)
      .where('community_id', 'in', communityIds.slice(i, i + 500))
      .execute();
}

/** The communities recorded as declared in a unit's accepted plan of the year. */
export const declaredIdsOf = (db: Kysely<Database>, unitCode: string, year: number) =>
  db
    .selectFrom('declared_communities')
    .select('community_id')
    .where('unit_code', '=', unitCode)
    .where('plan_year', '=', year)
    .execute();

/** The plan's communities of a year in the given county-level units. */
export const plannedIn = (
  db: Kysely<Database>,
  scopePath: string,
  year: number,
  regionCodes: string[],
) =>
  regionCodes.length
    ? planCommunities(db, scopePath, year)
        .where('c.region_code', 'in', regionCodes)
        .select(['c.id', 'c.name', 'c.region_code'])
        .orderBy('c.region_code')
        .orderBy('c.id')
        .execute()
    : Promise.resolve([]);

/** Written when a plan is accepted: its communities as the accepted version declared them. */
export async function recordDeclared(
  db: Kysely<Database>,
  rows: DeclaredCommunityTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('declared_communities')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['unit_code', 'plan_year', 'community_id']).doNothing())
      .execute();
}
