/** Runs the migrations (on start, in the CLI and in tests), up to the latest or all the way down. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './dialect.ts';
import * as m0001 from './migrations/0001_init.ts';
import * as m0002 from './migrations/0002_ledger.ts';
import * as m0003 from './migrations/0003_plan_policies.ts';
import * as m0004 from './migrations/0004_declarations.ts';
import * as m0005 from './migrations/0005_progress.ts';
import * as m0006 from './migrations/0006_community_prefecture_index.ts';
import * as m0007 from './migrations/0007_monthly_reports.ts';
import * as m0008 from './migrations/0008_progress_attachments.ts';
import * as m0009 from './migrations/0009_five_year.ts';
import * as m0010 from './migrations/0010_report_reminders.ts';
import * as m0011 from './migrations/0011_path_collation.ts';
import * as m0013 from './migrations/0013_password_sessions.ts';
import * as m0014 from './migrations/0014_integrity.ts';
import * as m0015 from './migrations/0015_import_jobs.ts';
import * as m0016 from './migrations/0016_orthographic_name_keys.ts';
import * as m0017 from './migrations/0017_subsidy_history.ts';
import * as m0018 from './migrations/0018_progress_consent.ts';
import * as m0019 from './migrations/0019_fiscal_reviews.ts';
import * as m0021 from './migrations/0021_plan_recipients.ts';
import * as m0022 from './migrations/0022_plan_revisions.ts';
import * as m0023 from './migrations/0023_consultation_hashes.ts';
import * as m0024 from './migrations/0024_approval_hashes.ts';
import * as m0027 from './migrations/0027_community_positions.ts';
import * as m0028 from './migrations/0028_photo_exif.ts';
import * as m0029 from './migrations/0029_user_language.ts';
import * as m0030 from './migrations/0030_figures.ts';
import * as m0031 from './migrations/0031_snapshot_counts.ts';
import * as m0032 from './migrations/0032_started_communities.ts';
import * as m0033 from './migrations/0033_started_without_churn.ts';

type FrozenMigration = {
  up: (dialect: Dialect) => (db: Kysely<unknown>) => Promise<void>;
  down: (db: Kysely<unknown>) => Promise<void>;
};
const MIGRATIONS: Record<string, FrozenMigration> = {
  '0001_init': m0001,
  '0002_ledger': m0002,
  '0003_plan_policies': m0003,
  '0004_declarations': m0004,
  '0005_progress': m0005,
  '0006_community_prefecture_index': m0006,
  '0007_monthly_reports': m0007,
  '0008_progress_attachments': m0008,
  '0009_five_year': m0009,
  '0010_report_reminders': m0010,
  '0011_path_collation': m0011,
  '0013_password_sessions': m0013,
  '0014_integrity': m0014,
  '0015_import_jobs': m0015,
  '0016_orthographic_name_keys': m0016,
  '0017_subsidy_history': m0017,
  '0018_progress_consent': m0018,
  '0019_fiscal_reviews': m0019,
  '0021_plan_recipients': m0021,
  '0022_plan_revisions': m0022,
  '0023_consultation_hashes': m0023,
  '0024_approval_hashes': m0024,
  '0027_community_positions': m0027,
  '0028_photo_exif': m0028,
  '0029_user_language': m0029,
  '0030_figures': m0030,
  '0031_snapshot_counts': m0031,
  '0032_started_communities': m0032,
  '0033_started_without_churn': m0033,
};

function migrator(db: Kysely<unknown>, dialect: Dialect, schema?: string): Migrator {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries(MIGRATIONS).map(([name, m]): [string, Migration] => [
          name,
          { up: m.up(dialect), down: m.down },
        ]),
      ),
  };
  // With a schema, Kysely must be told: otherwise it finds another schema's migration tables
  // (its existence check looks across schemas) and then queries its own search_path in vain.
  return new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
}

async function run(result: () => Promise<{ error?: unknown }>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { error } = await result();
    if (!error) return;
    // Kysely's table check reads every schema's tables; a schema dropped meanwhile by another
    // gaizao (a test file, a second deployment in the same database) fails it with 42P01 or
    // 3F000 although nothing of ours is missing. Each migration runs in its own transaction, so
    // trying again is safe.
    const code = (error as { code?: unknown }).code;
    if (attempt < 5 && (code === '42P01' || code === '3F000')) {
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      continue;
    }
    throw error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * True when the database has run exactly the migrations this build has: then there is nothing to
 * do, and Kysely's migrator, which first reads the whole catalogue (every table's columns on
 * SQLite), is not started — most of a small CLI command's time on a small database
 * (docs/benchmarks-cli.md). Anything else (a new database, a migration to run, one
 * this build does not know) goes to the migrator, with its lock and its errors.
 */
async function upToDate(db: Kysely<unknown>): Promise<boolean> {
  try {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const known = Object.keys(MIGRATIONS);
    return rows.length === known.length && rows.every((r) => Object.hasOwn(MIGRATIONS, r.name));
  } catch {
    return false; // no migration table yet
  }
}

export async function migrateToLatest(
  db: Kysely<unknown>,
  dialect: Dialect,
  schema?: string,
): Promise<void> {
  if (await upToDate(db)) return;
  await run(() => migrator(db, dialect, schema).migrateToLatest());
}

/** For the up → down → up test of every migration. */
export async function migrateAllDown(
  db: Kysely<unknown>,
  dialect: Dialect,
  schema?: string,
): Promise<void> {
  const m = migrator(db, dialect, schema);
  for (let i = 0; i < Object.keys(MIGRATIONS).length; i++) await run(() => m.migrateDown());
}
