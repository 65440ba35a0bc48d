/** All SQL of a community's photos, consultation documents, funds in place, and its projects' consent. */
import type { Insertable, Kysely } from 'kysely';
import type { CommunityAttachmentTable, Database, ProgressFundTable } from '../../db/schema.ts';

export async function insertAttachment(
  db: Kysely<Database>,
  row: Insertable<CommunityAttachmentTable>,
): Promise<number> {
  return (
    await db
      .insertInto('community_attachments')
      .values(row)
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/** Photos (kind before/after) of a community, newest first. */
export const photosOf = (db: Kysely<Database>, communityId: number) =>
  db
    .selectFrom('community_attachments')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('kind', 'in', ['before', 'after'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();

/** Documents of a community's consultations (all of them, or of one), oldest first. */
export function documentsOf(db: Kysely<Database>, communityId: number, consultationId?: number) {
  let q = db
    .selectFrom('community_attachments')
    .selectAll()
    .where('community_id', '=', communityId)
    .where('kind', '=', 'document');
  if (consultationId !== undefined) q = q.where('consultation_id', '=', consultationId);
  return q.orderBy('id').execute();
}

export const findAttachment = (db: Kysely<Database>, id: number) =>
  db.selectFrom('community_attachments').selectAll().where('id', '=', id).executeTakeFirst();

export async function deleteAttachment(db: Kysely<Database>, id: number): Promise<void> {
  await db.deleteFrom('community_attachments').where('id', '=', id).execute();
}

export const findConsultation = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('consultations')
    .select(['id', 'community_id', 'held_on'])
    .where('id', '=', id)
    .executeTakeFirst();

/** The funds in place of one month, replacing what was there. */
export async function replaceFunds(
  db: Kysely<Database>,
  communityId: number,
  period: string,
  rows: Omit<Insertable<ProgressFundTable>, 'community_id' | 'period'>[],
): Promise<void> {
  await db
    .deleteFrom('progress_funds')
    .where('community_id', '=', communityId)
    .where('period', '=', period)
    .execute();
  if (rows.length)
    await db
      .insertInto('progress_funds')
      .values(rows.map((r) => ({ ...r, community_id: communityId, period })))
      .execute();
}

export const fundsOf = (db: Kysely<Database>, communityId: number) =>
  db
    .selectFrom('progress_funds')
    .select(['period', 'source', 'amount_yuan'])
    .where('community_id', '=', communityId)
    .execute();

/**
 * Every project each of the communities belongs to, with each of its communities (the community
 * itself included) and the most households agreeing in any of their consultations. The maxima are
 * read for those projects' communities only (by consultations_community), never by grouping the
 * whole table: a start is checked in time proportional to its projects, not to the ledger.
 */
export async function projectMembersConsentOf(db: Kysely<Database>, communityIds: number[]) {
  if (!communityIds.length) return [];
  const members = (ids: number[]) =>
    db
      .selectFrom('project_communities as mine')
      .innerJoin('project_communities as pc2', 'pc2.project_id', 'mine.project_id')
      .select('pc2.community_id')
      .where('mine.community_id', 'in', ids);
  const best = db
    .selectFrom('consultations')
    .select(['community_id', (e) => e.fn.max<number>('households_agreeing').as('best')])
    .where('community_id', 'in', members(communityIds))
    .groupBy('community_id')
    .as('b');
  const rows = await db
    .selectFrom('project_communities as mine')
    .innerJoin('projects as p', 'p.id', 'mine.project_id')
    .innerJoin('project_communities as pc', 'pc.project_id', 'mine.project_id')
    .innerJoin('communities as c', 'c.id', 'pc.community_id')
    .leftJoin(best, 'b.community_id', 'c.id')
    .select([
      'mine.community_id as of',
      'p.id as project_id',
      'p.name as project',
      'c.id',
      'c.name',
      'c.households',
      'b.best',
    ])
    .where('mine.community_id', 'in', communityIds)
    .orderBy('p.id')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    of: r.of,
    projectId: r.project_id,
    project: r.project,
    communityId: r.id,
    name: r.name,
    households: r.households,
    bestAgreeing: Number(r.best ?? 0),
  }));
}

export const projectMembersConsent = (db: Kysely<Database>, communityId: number) =>
  projectMembersConsentOf(db, [communityId]);
