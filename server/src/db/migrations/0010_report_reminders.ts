/**
 * Automatic late notices (自动催报) sent: one row per unit and month, whose primary key is what
 * keeps a month's notice to one even when several server processes and a cron job send them at
 * once (an insert that meets the key does nothing). Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createTable('report_reminders')
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('period', 'varchar(7)', (c) =>
        c
          .notNull()
          .check(sql`period like '____-__' and substr(period, 6, 2) between '01' and '12'`),
      )
      .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('notified_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('report_reminders_pk', ['unit_code', 'plan_year', 'period'])
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('report_reminders').execute();
}
