/**
 * Monthly reports (月报): each unit's month, frozen as submitted — versioned, with its hash — and
 * the day of the following month by which a province's units must report. Frozen: imports no app
 * code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const id = pg ? 'serial' : 'integer';
    await db.schema
      .createTable('monthly_reports')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('period', 'varchar(7)', (c) =>
        c
          .notNull()
          .check(sql`period like '____-__' and substr(period, 6, 2) between '01' and '12'`),
      )
      .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
      .addColumn('hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull())
      .addColumn('submitted_by', 'varchar(64)', (c) => c.notNull())
      .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
      .addUniqueConstraint('monthly_reports_version', [
        'unit_code',
        'plan_year',
        'period',
        'version',
      ])
      .execute();
    await db.schema
      .createTable('report_due_days')
      .addColumn('province_code', 'varchar(6)', (c) => c.primaryKey().references('regions.code'))
      .addColumn('due_day', 'integer', (c) =>
        c.notNull().check(sql`due_day >= 1 and due_day <= 28`),
      )
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_due_days').execute();
  await db.schema.dropTable('monthly_reports').execute();
}
