/** All SQL about projects (项目): the bundles of communities, their pool and funding lines. */
import { sql, type Kysely } from 'kysely';
import { locksRows } from '../../db/row-lock.ts';
import type { Database, ProjectFundingTable } from '../../db/schema.ts';

/**
 * A project; with `lock`, its row is held (`for update`, PostgreSQL) until the transaction ends,
 * so a merge or another edit of it waits.
 */
export function findProject(db: Kysely<Database>, id: number, lock = false) {
  const q = db.selectFrom('projects').selectAll().where('id', '=', id);
  return (lock && locksRows(db) ? q.forUpdate() : q).executeTakeFirst();
}

/** The advisory-lock class of project changes (PostgreSQL): 'gz' 'pj'. */
const PROJECT_LOCKS = 0x677a706a;

/**
 * Changes of projects' membership and pool take turns within a prefecture-level unit (PostgreSQL;
 * SQLite has one writer anyway), held to the transaction's end. A merge or a pool change moves
 * communities of several counties in or out of the plan, and the figures' triggers then update
 * several `plan_figures` rows, one per county: two such changes touching the same counties in
 * another order deadlocked (seen with 60 merges and pool changes in parallel). A project never
 * spans two prefecture-level units, so this is enough, and no other unit waits.
 */
export async function lockPrefectures(db: Kysely<Database>, codes: string[]): Promise<void> {
  if (!locksRows(db)) return;
  for (const code of [...new Set(codes)].sort())
    await sql`select pg_advisory_xact_lock(${PROJECT_LOCKS}, ${Number(code)})`.execute(db);
}

/**
 * Row locks of a merge, after the unit's lock and always in this order: first the projects (by
 * id), then the communities (by id). An edit of a project locks the project and then, through the
 * figures' pool trigger, its communities; a monthly record or an edit of a community locks that
 * community alone. So no two of them wait for each other in a circle. A project deleted meanwhile
 * is not returned.
 */
export function lockProjects(db: Kysely<Database>, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  const q = db.selectFrom('projects').selectAll().where('id', 'in', ids).orderBy('id');
  return (locksRows(db) ? q.forUpdate() : q).execute();
}

/** The prefecture-level units of the communities (read without a lock, to lock them). */
export const prefecturesOf = async (db: Kysely<Database>, ids: number[]) =>
  (
    await db
      .selectFrom('communities')
      .select('prefecture_code')
      .distinct()
      .where('id', 'in', ids)
      .execute()
  ).map((r) => r.prefecture_code);

/** The communities, held against a concurrent edit (`for no key update`, PostgreSQL), by id. */
export function lockCommunities(db: Kysely<Database>, ids: number[]) {
  const q = db.selectFrom('communities').selectAll().where('id', 'in', ids).orderBy('id');
  return (locksRows(db) ? q.forNoKeyUpdate() : q).execute();
}

/** Where each community of the projects lies: the scope check of reading and changing them. */
export const membersOfProjects = (db: Kysely<Database>, ids: number[]) =>
  ids.length
    ? db
        .selectFrom('project_communities as pc')
        .innerJoin('communities as c', 'c.id', 'pc.community_id')
        .select(['pc.project_id', 'c.id', 'c.name', 'c.region_path'])
        .where('pc.project_id', 'in', ids)
        .orderBy('c.id')
        .execute()
    : Promise.resolve([]);

export const communitiesOfProject = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('communities as c')
    .innerJoin('project_communities as pc', 'pc.community_id', 'c.id')
    .selectAll('c')
    .where('pc.project_id', '=', id)
    .orderBy('c.id')
    .execute();

export const fundingOf = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('project_funding')
    .selectAll()
    .where('project_id', '=', id)
    .orderBy('source')
    .execute();

export async function replaceFunding(
  db: Kysely<Database>,
  id: number,
  lines: { source: ProjectFundingTable['source']; amount_yuan: number }[],
): Promise<void> {
  await db.deleteFrom('project_funding').where('project_id', '=', id).execute();
  if (lines.length)
    await db
      .insertInto('project_funding')
      .values(lines.map((l) => ({ project_id: id, ...l })))
      .execute();
}

export async function updateProject(
  db: Kysely<Database>,
  id: number,
  version: number,
  patch: { name?: string; pool?: 'implement' | 'planning' | 'reserve' },
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('projects')
    .set({ ...patch, version: version + 1, updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export const projectIdsOfCommunities = (db: Kysely<Database>, communityIds: number[]) =>
  db
    .selectFrom('project_communities')
    .select(['project_id', 'community_id'])
    .where('community_id', 'in', communityIds)
    .execute();

export async function moveCommunities(
  db: Kysely<Database>,
  communityIds: number[],
  toProject: number,
): Promise<void> {
  await db.deleteFrom('project_communities').where('community_id', 'in', communityIds).execute();
  await db
    .insertInto('project_communities')
    .values(communityIds.map((community_id) => ({ project_id: toProject, community_id })))
    .execute();
}

/** Projects left with no community after a merge are removed (their funding goes with them). */
export async function deleteEmptyProjects(db: Kysely<Database>, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const stillUsed = new Set(
    (
      await db
        .selectFrom('project_communities')
        .select('project_id')
        .where('project_id', 'in', ids)
        .execute()
    ).map((r) => r.project_id),
  );
  const empty = ids.filter((id) => !stillUsed.has(id));
  if (empty.length) await db.deleteFrom('projects').where('id', 'in', empty).execute();
  return empty;
}
