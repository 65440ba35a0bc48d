/** All SQL about projects (项目): the bundles of communities, their pool and funding lines. */
import type { Kysely } from 'kysely';
import type { Database, ProjectFundingTable } from '../../db/schema.ts';

export const findProject = (db: Kysely<Database>, id: number) =>
  db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();

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
