/**
 * Regions, accounts, sessions, login throttle, audit log. Frozen: imports no app code.
 * Booleans are 0/1 integers and timestamps ISO text, so both engines read the same values.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const ROLES = [
  'county',
  'city',
  'province',
  'province_ndrc',
  'province_finance',
  'ministry',
  'statistics',
  'admin',
];
const LEVELS = ['country', 'province', 'prefecture', 'county'];
const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const idType = dialect === 'postgres' ? 'serial' : 'integer';
    await db.schema
      .createTable('regions')
      .addColumn('code', 'varchar(6)', (c) => c.primaryKey())
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('level', 'varchar(12)', (c) =>
        c.notNull().check(sql`level in (${inList(LEVELS)})`),
      )
      .addColumn('kind', 'varchar(12)', (c) => c.notNull())
      .addColumn('parent_code', 'varchar(6)', (c) => c.references('regions.code'))
      .addColumn('path', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('is_ledger_unit', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('initials', 'varchar(100)', (c) => c.notNull().defaultTo(''))
      .addColumn('is_custom', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('regions_parent').on('regions').column('parent_code').execute();
    await db.schema.createIndex('regions_name').on('regions').column('name').execute();

    await db.schema
      .createTable('users')
      .addColumn('id', idType, (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
      .addColumn('password_hash', 'varchar(255)', (c) => c.notNull())
      .addColumn('region_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('last_login_at', 'varchar(32)')
      .execute();
    await db.schema.createIndex('users_region').on('users').column('region_code').execute();

    await db.schema
      .createTable('user_roles')
      .addColumn('user_id', 'integer', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('role', 'varchar(24)', (c) => c.notNull().check(sql`role in (${inList(ROLES)})`))
      .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
      .execute();

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) =>
        c.notNull().references('users.id').onDelete('cascade'),
      )
      .addColumn('csrf_token', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('last_seen_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('ip', 'varchar(64)')
      .addColumn('user_agent', 'varchar(512)')
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('login_throttle')
      .addColumn('key', 'varchar(160)', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('locked_until', 'varchar(32)')
      .addColumn('last_failure_at', 'varchar(32)', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', idType, (c) =>
        dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addColumn('actor_user_id', 'integer')
      .addColumn('actor_username', 'varchar(64)')
      .addColumn('action', 'varchar(64)', (c) => c.notNull())
      .addColumn('target', 'varchar(200)')
      .addColumn('ip', 'varchar(64)')
      .addColumn('detail', 'text')
      .execute();
    await db.schema.createIndex('audit_log_at').on('audit_log').column('at').execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['audit_log', 'login_throttle', 'sessions', 'user_roles', 'users', 'regions'])
    await db.schema.dropTable(t).execute();
}
