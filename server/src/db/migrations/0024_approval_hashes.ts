/**
 * The provincial government's approval verified like every frozen record (cli.md `verify`): each
 * row carries the SHA-256 of its file and the hash of its own fields (integrity.ts
 * `approvalHash`). Rows recorded before this migration get the hash of their fields here, with no
 * file digest (the upload directory is not known to a migration). Frozen: imports no app code (the
 * hash is spelled out again below, exactly as integrity.ts computes it).
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const HASHED = [
  'province_code',
  'plan_year',
  'approved_on',
  'document_no',
  'file_name',
  'file_sha256',
  'username',
  'at',
  'candidate_version',
  'candidate_hash',
] as const;

export function hashOf(row: Record<string, unknown>): string {
  const json = `{${[...HASHED]
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(row[k] ?? null)}`)
    .join(',')}}`;
  return createHash('sha256').update(json).digest('hex');
}

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const t = () => db.schema.alterTable('plan_approvals');
    await t()
      .addColumn('file_sha256', 'varchar(64)', (c) => c.notNull().defaultTo(''))
      .execute();
    await t()
      .addColumn('hash', 'varchar(64)', (c) => c.notNull().defaultTo(''))
      .execute();
    const { rows } = await sql<Record<string, unknown> & { id: number }>`
      select * from plan_approvals order by id`.execute(db);
    for (const r of rows)
      await sql`update plan_approvals set hash = ${hashOf(r)} where id = ${r.id}`.execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('plan_approvals').dropColumn('hash').execute();
  await db.schema.alterTable('plan_approvals').dropColumn('file_sha256').execute();
}
