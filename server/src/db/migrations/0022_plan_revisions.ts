/**
 * Revisions of an accepted plan (计划调整, issue 11 §3): the declaration counts its revisions; each
 * revision is recorded with the unit's reason and the version it revises; a community removed
 * (added, changed) by a revision carries a reason; and every accepted version is kept with its
 * acceptance time and who accepted it, so "the plan in force at a time" is the latest version
 * accepted by then. The plans already accepted are entered with the time of their last 接收 event.
 * Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const id = pg ? 'serial' : 'integer';
    await db.schema
      .alterTable('declarations')
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createTable('declaration_revisions')
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().check(sql`revision >= 1`))
      .addColumn('base_version', 'integer', (c) => c.notNull())
      .addColumn('reason', 'varchar(2000)', (c) => c.notNull())
      .addColumn('opened_by', 'varchar(64)', (c) => c.notNull())
      .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('declaration_revisions_pk', ['unit_code', 'plan_year', 'revision'])
      .execute();
    await db.schema
      .createTable('revision_reasons')
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull())
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('code', 'varchar(20)', (c) =>
        c
          .notNull()
          .check(
            sql`code in (${inList(['not_feasible', 'residents_changed', 'merged', 'other'])})`,
          ),
      )
      .addColumn('text', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('at', 'varchar(32)', (c) => c.notNull())
      .addPrimaryKeyConstraint('revision_reasons_pk', [
        'unit_code',
        'plan_year',
        'revision',
        'community_id',
      ])
      .execute();
    await db.schema
      .createIndex('revision_reasons_community')
      .on('revision_reasons')
      .columns(['community_id', 'plan_year'])
      .execute();
    await db.schema
      .createTable('plan_acceptances')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('unit_code', 'varchar(6)', (c) => c.notNull())
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('snapshot_id', 'integer', (c) => c.notNull())
      .addColumn('accepted_by', 'varchar(64)', (c) => c.notNull())
      .addColumn('accepted_at', 'varchar(32)', (c) => c.notNull())
      .addUniqueConstraint('plan_acceptances_version', ['unit_code', 'plan_year', 'version'])
      .execute();
    await db.schema
      .createIndex('plan_acceptances_at')
      .on('plan_acceptances')
      .columns(['unit_code', 'plan_year', 'accepted_at'])
      .execute();
    // The plans accepted before: their version, accepted at their last 接收 event.
    await sql`insert into plan_acceptances
        (unit_code, plan_year, version, revision, snapshot_id, accepted_by, accepted_at)
      select d.unit_code, d.plan_year, d.version, 0, s.id,
        coalesce((select e.username from declaration_events e
          where e.unit_code = d.unit_code and e.plan_year = d.plan_year and e.action = 'accept'
          order by e.id desc limit 1), 'system'),
        coalesce((select e.at from declaration_events e
          where e.unit_code = d.unit_code and e.plan_year = d.plan_year and e.action = 'accept'
          order by e.id desc limit 1), d.updated_at)
      from declarations d join declaration_snapshots s
        on s.unit_code = d.unit_code and s.plan_year = d.plan_year
       and s.kind = 'submission' and s.version = d.version
      where d.state = 'accepted'`.execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_acceptances').execute();
  await db.schema.dropTable('revision_reasons').execute();
  await db.schema.dropTable('declaration_revisions').execute();
  await db.schema.alterTable('declarations').dropColumn('revision').execute();
}
