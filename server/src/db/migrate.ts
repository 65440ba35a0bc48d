/** Runs the migrations (on start, in the CLI and in tests), up to the latest or all the way down. */
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Dialect } from './dialect.ts';

/**
 * The names of migrations/index.ts, in order: enough to tell that a database is up to date without
 * loading the migrations themselves (migrate.test.ts checks that the two lists agree).
 */
export const MIGRATION_NAMES: readonly string[] = [
  '0001_init',
  '0002_ledger',
  '0003_plan_policies',
  '0004_declarations',
  '0005_progress',
  '0006_community_prefecture_index',
  '0007_monthly_reports',
  '0008_progress_attachments',
  '0009_five_year',
  '0010_report_reminders',
  '0011_path_collation',
  '0013_password_sessions',
  '0014_integrity',
  '0015_import_jobs',
  '0016_orthographic_name_keys',
  '0017_subsidy_history',
  '0018_progress_consent',
  '0019_fiscal_reviews',
  '0021_plan_recipients',
  '0022_plan_revisions',
  '0023_consultation_hashes',
  '0024_approval_hashes',
  '0027_community_positions',
  '0028_photo_exif',
  '0029_user_language',
  '0030_figures',
  '0031_snapshot_counts',
  '0032_started_communities',
  '0033_started_without_churn',
  '0034_place_keys',
  '0035_import_keys',
  '0036_progress_statement_figures',
  '0037_target_sources',
];

function migrator(db: Kysely<unknown>, dialect: Dialect, schema?: string): Migrator {
  const provider: MigrationProvider = {
    getMigrations: async () =>
      Object.fromEntries(
        Object.entries((await import('./migrations/index.ts')).MIGRATIONS).map(
          ([name, m]): [string, Migration] => [name, { up: m.up(dialect), down: m.down }],
        ),
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
    const known = new Set(MIGRATION_NAMES);
    return rows.length === known.size && rows.every((r) => known.has(r.name));
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
  for (let i = 0; i < MIGRATION_NAMES.length; i++) await run(() => m.migrateDown());
}
