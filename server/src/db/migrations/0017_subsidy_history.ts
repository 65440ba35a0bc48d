/**
 * Issue 9 §4, "already centrally subsidised" from the records: the subsidised lists of earlier
 * plans (2019–2021, before gaizao) as history, and the communities of every accepted plan, written
 * when the plan is accepted, so that later declarations are checked against both. The accepted
 * plans already stored are filled in from their frozen snapshots. Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

interface SnapshotCommunity {
  id: number;
  name: string;
  regionCode: string;
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const big = pg ? 'bigint' : 'integer';
    // Paths compare by code point on PostgreSQL, so a subtree is a range (as migration 0011).
    const pathType = pg ? sql`varchar(64) collate "C"` : 'varchar(64)';
    await db.schema
      .createTable('subsidy_history')
      .addColumn('id', pg ? 'serial' : 'integer', (c) =>
        pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('region_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('prefecture_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('region_path', pathType, (c) => c.notNull())
      .addColumn('street', 'varchar(100)', (c) => c.notNull().defaultTo(''))
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addColumn('name_key', 'varchar(100)', (c) => c.notNull())
      .addColumn('address', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('subsidy_year', 'integer', (c) => c.notNull())
      .addColumn('build_year', 'integer')
      .addColumn('buildings', 'integer', (c) => c.check(sql`buildings >= 1`))
      .addColumn('households', 'integer', (c) => c.check(sql`households >= 1`))
      .addColumn('floor_area_centi', big, (c) => c.check(sql`floor_area_centi > 0`))
      .addColumn('investment_yuan', big, (c) => c.check(sql`investment_yuan >= 0`))
      .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('source_file', 'varchar(255)', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(64)')
      .execute();
    // One entry per community and subsidy year (a community may have had two subsidised phases).
    await db.schema
      .createIndex('subsidy_history_unit_key_year')
      .on('subsidy_history')
      .columns(['region_code', 'name_key', 'subsidy_year'])
      .unique()
      .execute();
    await db.schema
      .createIndex('subsidy_history_path')
      .on('subsidy_history')
      .column('region_path')
      .execute();

    await db.schema
      .createTable('declared_communities')
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('level', 'varchar(10)', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('region_path', pathType, (c) => c.notNull())
      // the name as declared: a later rename does not hide the community from the check
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      .addPrimaryKeyConstraint('declared_communities_pk', [
        'unit_code',
        'plan_year',
        'community_id',
      ])
      .execute();
    await db.schema
      .createIndex('declared_communities_community')
      .on('declared_communities')
      .column('community_id')
      .execute();
    await db.schema
      .createIndex('declared_communities_path')
      .on('declared_communities')
      .columns(['region_path', 'plan_year'])
      .execute();

    // The accepted plans already stored: their accepted version's snapshot.
    const accepted = await sql<{
      unit_code: string;
      plan_year: number;
      level: string;
      version: number;
      content: string;
    }>`select d.unit_code, d.plan_year, d.level, d.version, s.content
       from declarations d join declaration_snapshots s
         on s.unit_code = d.unit_code and s.plan_year = d.plan_year
        and s.kind = 'submission' and s.version = d.version
       where d.state = 'accepted'`.execute(db);
    const paths = new Map<string, string>();
    for (const d of accepted.rows) {
      const communities = (JSON.parse(d.content) as { communities: SnapshotCommunity[] })
        .communities;
      for (const c of communities) {
        let path = paths.get(c.regionCode);
        if (path === undefined) {
          const r = await sql<{
            path: string;
          }>`select path from regions where code = ${c.regionCode}`.execute(db);
          path = r.rows[0]?.path ?? '';
          paths.set(c.regionCode, path);
        }
        await sql`insert into declared_communities
          (unit_code, plan_year, level, version, community_id, region_code, region_path, name)
          values (${d.unit_code}, ${d.plan_year}, ${d.level}, ${d.version}, ${c.id},
                  ${c.regionCode}, ${path}, ${c.name})`.execute(db);
      }
    }
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('declared_communities').execute();
  await db.schema.dropTable('subsidy_history').execute();
}
