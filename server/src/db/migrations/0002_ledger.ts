/**
 * The ledger (台账): communities, projects bundling them, funding lines, the change history, and
 * dismissed duplicate suspicions. Frozen: imports no app code.
 * Money is integer 元 and floor area integer 0.01 m² (exact; formatted at the edges).
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const id = pg ? 'serial' : 'integer';
    const big = pg ? 'bigint' : 'integer';
    await db.schema
      .createTable('communities')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('region_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('prefecture_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('region_path', 'varchar(64)', (c) => c.notNull())
      .addColumn('street', 'varchar(100)', (c) => c.notNull().defaultTo(''))
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(100)', (c) => c.notNull())
      .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('lng', 'varchar(20)')
      .addColumn('lat', 'varchar(20)')
      .addColumn('build_year', 'integer', (c) => c.notNull())
      .addColumn('area_class', 'varchar(12)', (c) =>
        c.notNull().check(sql`area_class in (${inList(['city', 'county_seat'])})`),
      )
      .addColumn('area_class_entered', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('buildings', 'integer', (c) => c.notNull().check(sql`buildings >= 1`))
      .addColumn('households', 'integer', (c) => c.notNull().check(sql`households >= 1`))
      .addColumn('floor_area_centi', big, (c) => c.notNull().check(sql`floor_area_centi > 0`))
      .addColumn('investment_yuan', big, (c) => c.notNull().check(sql`investment_yuan >= 0`))
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('content', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('housing_type', 'varchar(40)', (c) => c.notNull().defaultTo(''))
      .addColumn('ownership', 'varchar(60)', (c) => c.notNull().defaultTo(''))
      .addColumn('exclusion', 'varchar(16)', (c) =>
        c
          .notNull()
          .defaultTo('none')
          .check(
            sql`exclusion in (${inList(['none', 'unspecified', 'expropriation', 'demolition'])})`,
          ),
      )
      .addColumn('subsidy_years', 'varchar(60)', (c) => c.notNull().defaultTo(''))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    // One community, one record: the same normalised name twice in a county-level unit is a duplicate.
    await db.schema
      .createIndex('communities_unit_key')
      .on('communities')
      .columns(['region_code', 'name_key'])
      .unique()
      .execute();
    await db.schema
      .createIndex('communities_path')
      .on('communities')
      .columns(['region_path', 'plan_year'])
      .execute();
    await db.schema
      .createIndex('communities_year')
      .on('communities')
      .columns(['plan_year', 'region_path'])
      .execute();

    await db.schema
      .createTable('projects')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('code', 'varchar(32)', (c) => c.notNull().unique())
      .addColumn('name', 'varchar(200)', (c) => c.notNull())
      .addColumn('prefecture_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('region_path', 'varchar(64)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('pool', 'varchar(12)', (c) =>
        c
          .notNull()
          .defaultTo('implement')
          .check(sql`pool in (${inList(['implement', 'planning', 'reserve'])})`),
      )
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('project_communities')
      .addColumn('project_id', 'integer', (c) =>
        c.notNull().references('projects.id').onDelete('cascade'),
      )
      .addColumn('community_id', 'integer', (c) =>
        c.notNull().references('communities.id').onDelete('cascade'),
      )
      .addPrimaryKeyConstraint('project_communities_pk', ['project_id', 'community_id'])
      .execute();
    await db.schema
      .createIndex('project_communities_community')
      .on('project_communities')
      .column('community_id')
      .execute();
    await db.schema
      .createTable('project_funding')
      .addColumn('project_id', 'integer', (c) =>
        c.notNull().references('projects.id').onDelete('cascade'),
      )
      .addColumn('source', 'varchar(24)', (c) =>
        c
          .notNull()
          .check(
            sql`source in (${inList(['central', 'provincial', 'local', 'bonds', 'residents', 'utilities', 'social'])})`,
          ),
      )
      .addColumn('amount_yuan', big, (c) => c.notNull().check(sql`amount_yuan >= 0`))
      .addPrimaryKeyConstraint('project_funding_pk', ['project_id', 'source'])
      .execute();

    await db.schema
      .createTable('change_log')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('entity', 'varchar(16)', (c) =>
        c.notNull().check(sql`entity in (${inList(['community', 'project'])})`),
      )
      .addColumn('entity_id', 'integer', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addColumn('user_id', 'integer')
      .addColumn('username', 'varchar(64)')
      .addColumn('action', 'varchar(16)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('changes', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('change_log_entity')
      .on('change_log')
      .columns(['entity', 'entity_id'])
      .execute();

    // Suspected duplicates (close names in one unit), found by the scan; a user dismisses or confirms.
    await db.schema
      .createTable('duplicate_pairs')
      .addColumn('community_a', 'integer', (c) =>
        c.notNull().references('communities.id').onDelete('cascade'),
      )
      .addColumn('community_b', 'integer', (c) =>
        c.notNull().references('communities.id').onDelete('cascade'),
      )
      .addColumn('status', 'varchar(12)', (c) =>
        c.notNull().check(sql`status in (${inList(['suspected', 'dismissed', 'confirmed'])})`),
      )
      .addColumn('by_username', 'varchar(64)')
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('duplicate_pairs_pk', ['community_a', 'community_b'])
      .execute();
    await db.schema
      .createIndex('duplicate_pairs_b')
      .on('duplicate_pairs')
      .column('community_b')
      .execute();

    // Imports: the uploaded file waits here between preview and confirmation; any server can
    // pick it up, and the web UI polls its progress.
    await db.schema
      .createTable('imports')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull())
      .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
      .addColumn('file_path', 'varchar(500)', (c) => c.notNull())
      .addColumn('status', 'varchar(12)', (c) =>
        c
          .notNull()
          .check(
            sql`status in (${inList(['checking', 'checked', 'invalid', 'importing', 'imported', 'failed'])})`,
          ),
      )
      .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('result', 'text')
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'imports',
    'duplicate_pairs',
    'change_log',
    'project_funding',
    'project_communities',
    'projects',
    'communities',
  ])
    await db.schema.dropTable(t).execute();
}
