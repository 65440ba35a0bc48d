/**
 * Every migration, by name, in order. Loaded only when the database is behind this build (a new
 * database, an upgrade, the tests' up-down-up): a command on an up-to-date database reads just
 * their names (MIGRATION_NAMES in migrate.ts) and goes without their 90 KB.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';
import * as m0001 from './0001_init.ts';
import * as m0002 from './0002_ledger.ts';
import * as m0003 from './0003_plan_policies.ts';
import * as m0004 from './0004_declarations.ts';
import * as m0005 from './0005_progress.ts';
import * as m0006 from './0006_community_prefecture_index.ts';
import * as m0007 from './0007_monthly_reports.ts';
import * as m0008 from './0008_progress_attachments.ts';
import * as m0009 from './0009_five_year.ts';
import * as m0010 from './0010_report_reminders.ts';
import * as m0011 from './0011_path_collation.ts';
import * as m0013 from './0013_password_sessions.ts';
import * as m0014 from './0014_integrity.ts';
import * as m0015 from './0015_import_jobs.ts';
import * as m0016 from './0016_orthographic_name_keys.ts';
import * as m0017 from './0017_subsidy_history.ts';
import * as m0018 from './0018_progress_consent.ts';
import * as m0019 from './0019_fiscal_reviews.ts';
import * as m0021 from './0021_plan_recipients.ts';
import * as m0022 from './0022_plan_revisions.ts';
import * as m0023 from './0023_consultation_hashes.ts';
import * as m0024 from './0024_approval_hashes.ts';
import * as m0027 from './0027_community_positions.ts';
import * as m0028 from './0028_photo_exif.ts';
import * as m0029 from './0029_user_language.ts';
import * as m0030 from './0030_figures.ts';
import * as m0031 from './0031_snapshot_counts.ts';
import * as m0032 from './0032_started_communities.ts';
import * as m0033 from './0033_started_without_churn.ts';
import * as m0034 from './0034_place_keys.ts';
import * as m0035 from './0035_import_keys.ts';
import * as m0036 from './0036_progress_statement_figures.ts';
import * as m0037 from './0037_target_sources.ts';

export type FrozenMigration = {
  up: (dialect: Dialect) => (db: Kysely<unknown>) => Promise<void>;
  down: (db: Kysely<unknown>) => Promise<void>;
};
export const MIGRATIONS: Record<string, FrozenMigration> = {
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
  '0034_place_keys': m0034,
  '0035_import_keys': m0035,
  '0036_progress_statement_figures': m0036,
  '0037_target_sources': m0037,
};
