/**
 * Plan-year policies (DESIGN.md, "Rules are data") with the 2022 row of the seed notice, and the
 * fiscal-capacity assessments of cities and counties. Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const big = dialect === 'postgres' ? 'bigint' : 'integer';
    await db.schema
      .createTable('plan_policies')
      .addColumn('plan_year', 'integer', (c) => c.primaryKey())
      .addColumn('cutoff_year', 'integer', (c) => c.notNull())
      .addColumn('latest_build_year', 'integer', (c) => c.notNull())
      // basis points: 1500 = 15 %
      .addColumn('max_post_cutoff_share_bp', 'integer', (c) =>
        c.notNull().check(sql`max_post_cutoff_share_bp between 0 and 10000`),
      )
      .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
      .addColumn('recipients', 'varchar(200)', (c) => c.notNull())
      .addColumn('source', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_by', 'varchar(64)')
      .execute();
    // 建办城〔2021〕28号 三(四) and 六: the rules of the 2022 plan.
    await sql`insert into plan_policies (plan_year, cutoff_year, latest_build_year, max_post_cutoff_share_bp, deadline, recipients, source, version, updated_at)
      values (2022, 2000, 2005, 1500, '2021-06-30', '住房和城乡建设部、国家发展改革委、财政部', '建办城〔2021〕28号', 1, '2021-04-25T00:00:00.000Z')`.execute(
      db,
    );

    await db.schema
      .createTable('fiscal_assessments')
      .addColumn('region_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('available_yuan', big, (c) => c.notNull().check(sql`available_yuan >= 0`))
      .addColumn('document', 'varchar(255)', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_by', 'varchar(64)')
      .addPrimaryKeyConstraint('fiscal_assessments_pk', ['region_code', 'plan_year'])
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('fiscal_assessments').execute();
  await db.schema.dropTable('plan_policies').execute();
}
