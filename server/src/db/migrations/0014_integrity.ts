/**
 * Integrity and separation of duties (issue 10): the audit log becomes a hash chain (each entry
 * carries the hash of the one before, and one head row holds the last, so that a deleted, edited
 * or truncated entry is detectable and appends serialise on that row); two roles apart from the
 * system administrator (security administrator, audit administrator); and uploaded files are
 * stored relative to UPLOAD_DIR, so a restored archive finds them wherever UPLOAD_DIR is.
 * Frozen: imports no app code — the entry hash below is the one audit.chain.ts computes, by intent
 * written twice.
 */
import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const OLD_ROLES = [
  'county',
  'city',
  'province',
  'province_ndrc',
  'province_finance',
  'ministry',
  'statistics',
  'admin',
];
const NEW_ROLES = [...OLD_ROLES, 'security_admin', 'audit_admin'];
const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));
const GENESIS = '0'.repeat(64);

interface AuditRow {
  id: number;
  at: string;
  actor_user_id: number | null;
  actor_username: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  detail: string | null;
}

const entryHash = (prev: string, e: AuditRow): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        prev,
        e.at,
        e.actor_user_id === null ? null : Number(e.actor_user_id),
        e.actor_username,
        e.action,
        e.target,
        e.ip,
        e.detail,
      ]),
    )
    .digest('hex');

async function setRoleCheck(db: Kysely<unknown>, dialect: Dialect, roles: string[]) {
  if (dialect === 'postgres') {
    await sql`alter table user_roles drop constraint if exists user_roles_role_check`.execute(db);
    await sql`alter table user_roles add constraint user_roles_role_check check (role in (${inList(roles)}))`.execute(
      db,
    );
    return;
  }
  // SQLite cannot alter a CHECK constraint: rebuild the table (nothing refers to it).
  await db.schema
    .createTable('user_roles_new')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'varchar(24)', (c) => c.notNull().check(sql`role in (${inList(roles)})`))
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();
  await sql`insert into user_roles_new (user_id, role) select user_id, role from user_roles where role in (${inList(roles)})`.execute(
    db,
  );
  await db.schema.dropTable('user_roles').execute();
  await sql`alter table user_roles_new rename to user_roles`.execute(db);
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema.alterTable('audit_log').addColumn('prev_hash', 'varchar(64)').execute();
    await db.schema.alterTable('audit_log').addColumn('hash', 'varchar(64)').execute();
    await db.schema
      .createTable('audit_chain')
      .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
      .addColumn('last_id', 'integer', (c) => c.notNull())
      .addColumn('last_hash', 'varchar(64)', (c) => c.notNull())
      .execute();
    // Chain the entries written before this migration, in order.
    const rows = (
      await sql<AuditRow>`select id, at, actor_user_id, actor_username, action, target, ip, detail from audit_log order by id`.execute(
        db,
      )
    ).rows;
    let prev = GENESIS;
    let lastId = 0;
    for (const r of rows) {
      const hash = entryHash(prev, r);
      await sql`update audit_log set prev_hash = ${prev}, hash = ${hash} where id = ${r.id}`.execute(
        db,
      );
      prev = hash;
      lastId = Number(r.id);
    }
    await sql`insert into audit_chain (id, last_id, last_hash) values (1, ${lastId}, ${prev})`.execute(
      db,
    );

    await setRoleCheck(db, dialect, NEW_ROLES);

    // Uploaded files: every one is written flat into UPLOAD_DIR, so its name is its relative path.
    for (const table of ['community_attachments', 'plan_approvals'] as const) {
      const paths = (
        await sql<{
          file_path: string;
        }>`select distinct file_path from ${sql.table(table)} where file_path like '%/%'`.execute(
          db,
        )
      ).rows;
      for (const { file_path } of paths)
        await sql`update ${sql.table(table)} set file_path = ${file_path.slice(file_path.lastIndexOf('/') + 1)} where file_path = ${file_path}`.execute(
          db,
        );
    }
  };
}

/** The file paths stay relative: the code before this migration resolves them from its cwd. */
export async function down(db: Kysely<unknown>): Promise<void> {
  const dialect: Dialect =
    db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
  await sql`delete from user_roles where role not in (${inList(OLD_ROLES)})`.execute(db);
  await setRoleCheck(db, dialect, OLD_ROLES);
  await db.schema.dropTable('audit_chain').execute();
  await db.schema.alterTable('audit_log').dropColumn('hash').execute();
  await db.schema.alterTable('audit_log').dropColumn('prev_hash').execute();
}
