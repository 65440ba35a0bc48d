import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.ts';
import { MIGRATION_NAMES, migrateAllDown, migrateToLatest } from './migrate.ts';
import { MIGRATIONS } from './migrations/index.ts';

it('the names an up-to-date check reads are the migrations, in order', () => {
  expect(MIGRATION_NAMES).toEqual(Object.keys(MIGRATIONS));
  expect([...MIGRATION_NAMES].sort()).toEqual(MIGRATION_NAMES);
});

describeEachEngine('migrations', (ctx) => {
  it('run up → down → up, and the schema enforces its constraints', async () => {
    const db = ctx.db.db as unknown as Kysely<unknown>;
    await migrateAllDown(db, ctx.db.dialect, ctx.db.schema);
    // Asked of this file's own schema only: introspecting every schema races with other test
    // files dropping theirs.
    const tables = async () =>
      (ctx.db.schema
        ? (
            await sql<{ name: string }>`select table_name as name from information_schema.tables
              where table_schema = ${ctx.db.schema}`.execute(db)
          ).rows
        : (
            await sql<{ name: string }>`select name from sqlite_master
              where type = 'table' and name not like 'sqlite_%'`.execute(db)
          ).rows
      )
        .map((t) => t.name)
        .filter((n) => !n.startsWith('kysely_'));
    expect(await tables()).toEqual([]);
    await migrateToLatest(db, ctx.db.dialect, ctx.db.schema);
    expect((await tables()).sort()).toEqual([
      'audit_chain',
      'audit_log',
      'change_log',
      'check_justifications',
      'communities',
      'community_attachments',
      'completion_targets',
      'consultation_imports',
      'consultations',
      'declaration_events',
      'declaration_revisions',
      'declaration_snapshots',
      'declarations',
      'declared_communities',
      'duplicate_pairs',
      'figure_members',
      'fiscal_assessments',
      'green_communities',
      'imports',
      'login_throttle',
      'monthly_reports',
      'notifications',
      'plan_acceptances',
      'plan_approvals',
      'plan_figures',
      'plan_policies',
      'plan_receipts',
      'progress',
      'progress_figures',
      'progress_funds',
      'project_communities',
      'project_funding',
      'projects',
      'province_consent_thresholds',
      'regions',
      'report_due_days',
      'report_reminders',
      'return_notes',
      'revision_reasons',
      'sessions',
      'signoffs',
      'snapshot_counts',
      'start_targets',
      'started_communities',
      'subsidy_history',
      'user_roles',
      'users',
    ]);
    // A role outside the vocabulary is refused by the CHECK constraint.
    await sql`insert into regions (code, name, level, kind, parent_code, path, is_ledger_unit, initials, is_custom, created_at) values ('000000', '全国', 'country', '全国', null, '/000000/', 0, '', 0, 'x')`.execute(
      db,
    );
    await expect(
      sql`insert into regions (code, name, level, kind, parent_code, path, created_at) values ('110000', 'x', 'planet', '省', '000000', '/000000/110000/', 'x')`.execute(
        db,
      ),
    ).rejects.toThrow();
    await expect(
      sql`insert into regions (code, name, level, kind, parent_code, path, created_at) values ('110000', 'x', 'province', '省', '999999', '/000000/110000/', 'x')`.execute(
        db,
      ),
    ).rejects.toThrow();
  });
});
