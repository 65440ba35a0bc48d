/**
 * Through the year: resident consultations (居民协商) and monthly progress per community, and the
 * consent threshold on the plan-year policy. Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const id = pg ? 'serial' : 'integer';
    const big = pg ? 'bigint' : 'integer';
    // 未经居民充分协商取得共识的，不得开工改造: default two thirds of households; local rules vary.
    await db.schema
      .alterTable('plan_policies')
      .addColumn('consent_threshold_bp', 'integer', (c) => c.notNull().defaultTo(6667))
      .execute();

    await db.schema
      .createTable('consultations')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('community_id', 'integer', (c) =>
        c.notNull().references('communities.id').onDelete('cascade'),
      )
      .addColumn('held_on', 'varchar(10)', (c) => c.notNull())
      .addColumn('method', 'varchar(16)', (c) =>
        c
          .notNull()
          .check(sql`method in (${inList(['meeting', 'door_to_door', 'online', 'written'])})`),
      )
      .addColumn('households_consulted', 'integer', (c) =>
        c.notNull().check(sql`households_consulted >= 0`),
      )
      .addColumn('households_agreeing', 'integer', (c) =>
        c
          .notNull()
          .check(sql`households_agreeing >= 0 and households_agreeing <= households_consulted`),
      )
      .addColumn('agreed_scheme', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agreed_contribution', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('agreed_aftercare', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consultations_community')
      .on('consultations')
      .column('community_id')
      .execute();

    await db.schema
      .createTable('progress')
      .addColumn('community_id', 'integer', (c) =>
        c.notNull().references('communities.id').onDelete('cascade'),
      )
      .addColumn('period', 'varchar(7)', (c) => c.notNull())
      .addColumn('start_date', 'varchar(10)')
      .addColumn('completion_date', 'varchar(10)')
      .addColumn('investment_done_yuan', big, (c) => c.notNull().defaultTo(0))
      .addColumn('pipelines_m', big, (c) => c.notNull().defaultTo(0))
      .addColumn('elevators', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('parking', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('chargers', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('elderly_care', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('childcare', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('housekeeping', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('health', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('energy_area_centi', big, (c) => c.notNull().defaultTo(0))
      .addColumn('corrected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('progress_pk', ['community_id', 'period'])
      .execute();
    await db.schema
      .createIndex('progress_period')
      .on('progress')
      .columns(['period', 'community_id'])
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('progress').execute();
  await db.schema.dropTable('consultations').execute();
  await db.schema.alterTable('plan_policies').dropColumn('consent_threshold_bp').execute();
}
