/**
 * The declaration workflow: one declaration per unit and plan year, frozen snapshots with their
 * hash, the workflow's events, reasons pinned to communities, justifications of warnings, the
 * provincial government's approval, the departments' sign-offs, internal deadlines and
 * notifications. Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const id = pg ? 'serial' : 'integer';
    await db.schema
      .createTable('declarations')
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('level', 'varchar(10)', (c) =>
        c.notNull().check(sql`level in (${inList(['county', 'city', 'province'])})`),
      )
      .addColumn('state', 'varchar(10)', (c) =>
        c
          .notNull()
          .check(sql`state in (${inList(['draft', 'submitted', 'returned', 'accepted'])})`),
      )
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('internal_deadline', 'varchar(10)')
      .addColumn('submitted_at', 'varchar(32)')
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('declarations_pk', ['unit_code', 'plan_year'])
      .execute();
    await db.schema
      .createTable('declaration_snapshots')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('kind', 'varchar(10)', (c) =>
        c.notNull().check(sql`kind in (${inList(['submission', 'candidate'])})`),
      )
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('created_by', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('declaration_snapshots_unit')
      .on('declaration_snapshots')
      .columns(['unit_code', 'plan_year', 'kind', 'version'])
      .execute();
    await db.schema
      .createTable('declaration_events')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('action', 'varchar(40)', (c) => c.notNull())
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('hash', 'varchar(64)')
      .execute();
    await db.schema
      .createIndex('declaration_events_unit')
      .on('declaration_events')
      .columns(['unit_code', 'plan_year'])
      .execute();
    await db.schema
      .createTable('return_notes')
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('return_notes_unit')
      .on('return_notes')
      .columns(['unit_code', 'plan_year'])
      .execute();
    await db.schema
      .createTable('check_justifications')
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('check_id', 'varchar(40)', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('check_justifications_pk', ['unit_code', 'plan_year', 'check_id'])
      .execute();
    await db.schema
      .createTable('plan_approvals')
      .addColumn('province_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('approved_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('document_no', 'varchar(100)', (c) => c.notNull())
      .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
      .addColumn('file_path', 'varchar(500)', (c) => c.notNull())
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('plan_approvals_pk', ['province_code', 'plan_year'])
      .execute();
    await db.schema
      .createTable('signoffs')
      .addColumn('snapshot_id', 'integer', (c) => c.notNull())
      .addColumn('role', 'varchar(20)', (c) =>
        c
          .notNull()
          .check(sql`role in (${inList(['province', 'province_ndrc', 'province_finance'])})`),
      )
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('signoffs_pk', ['snapshot_id', 'role'])
      .execute();
    await db.schema
      .createTable('notifications')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('kind', 'varchar(20)', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('link', 'varchar(200)')
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('notifications_region')
      .on('notifications')
      .columns(['region_code', 'at'])
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'notifications',
    'signoffs',
    'plan_approvals',
    'check_justifications',
    'return_notes',
    'declaration_events',
    'declaration_snapshots',
    'declarations',
  ])
    await db.schema.dropTable(t).execute();
}
