/** Reading every frozen record for `gaizao verify`, page by page (all SQL of integrity checks). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { APPROVAL_HASHED, CONSULTATION_HASHED } from './integrity.ts';

const PAGE = 500;

export interface FrozenRow {
  id: number;
  unit_code: string;
  hash: string;
  content: string;
}

/**
 * Declaration snapshots (submissions and sign-off candidates) after `afterId`, in id order, with
 * the counts by region stored beside each (null where there are none).
 */
export const snapshotsAfter = (db: Kysely<Database>, afterId: number) =>
  db
    .selectFrom('declaration_snapshots as s')
    .leftJoin('snapshot_counts as c', 'c.snapshot_id', 's.id')
    .select([
      's.id',
      's.unit_code',
      's.hash',
      's.content',
      's.kind',
      's.plan_year',
      's.version',
      'c.counts',
      'c.hash as counts_hash',
    ])
    .where('s.id', '>', afterId)
    .orderBy('s.id')
    .limit(PAGE)
    .execute();

/** A snapshot's counts by region written again (`gaizao verify --rebuild-figures`). */
export async function replaceCounts(
  db: Kysely<Database>,
  r: { snapshot_id: number; counts: string; hash: string },
): Promise<void> {
  await db.deleteFrom('snapshot_counts').where('snapshot_id', '=', r.snapshot_id).execute();
  await db.insertInto('snapshot_counts').values(r).execute();
}

export const reportsAfter = (db: Kysely<Database>, afterId: number) =>
  db
    .selectFrom('monthly_reports')
    .select(['id', 'unit_code', 'hash', 'content', 'plan_year', 'period', 'version'])
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(PAGE)
    .execute();

/** Consultation records after `afterId`, with the fields their hash covers and their county. */
export const consultationsAfter = (db: Kysely<Database>, afterId: number) =>
  db
    .selectFrom('consultations as k')
    .innerJoin('communities as c', 'c.id', 'k.community_id')
    .select([
      'k.id',
      'c.region_code as unit_code',
      'k.hash',
      ...CONSULTATION_HASHED.map((f) => `k.${f}` as const),
    ])
    .where('k.id', '>', afterId)
    .orderBy('k.id')
    .limit(PAGE)
    .execute();

/** Every approval of a provincial government, with the fields its hash covers and its file. */
export const approvals = (db: Kysely<Database>) =>
  db
    .selectFrom('plan_approvals')
    .select([
      'id',
      'province_code as unit_code',
      'hash',
      'file_path',
      ...APPROVAL_HASHED.map((f) => f),
    ])
    .orderBy('id')
    .execute();

/** Every sign-off beside the hash of the version it signed. */
export const signoffsWithSnapshots = (db: Kysely<Database>) =>
  db
    .selectFrom('signoffs as s')
    .leftJoin('declaration_snapshots as d', 'd.id', 's.snapshot_id')
    .select(['s.snapshot_id', 's.role', 's.hash', 'd.hash as snapshot_hash', 'd.unit_code'])
    .orderBy('s.snapshot_id')
    .orderBy('s.role')
    .execute();

export const PAGE_SIZE = PAGE;

/** How many entries the audit log holds. */
export async function countAuditEntries(db: Kysely<Database>): Promise<number> {
  const count = await db
    .selectFrom('audit_log')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(count.n);
}
