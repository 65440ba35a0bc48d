/** The only reader of process.env (STYLE.md). */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export interface Config {
  /** `postgres://…` or an SQLite path (`file:PATH` or a plain path). */
  databaseUrl: string;
  port: number;
  host: string;
  /** Seed the demo province and accounts into an empty database. */
  demo: boolean;
  /** Serve the built web app from web/dist. */
  serveWeb: boolean;
  logLevel: string;
  /**
   * Where uploaded files are kept (approval documents, consultation documents, photos, imports
   * awaiting confirmation): beside the SQLite file, or ./data/uploads for PostgreSQL, unless
   * UPLOAD_DIR says otherwise. Never the system's temporary folder, which a reboot may empty.
   */
  uploadDir: string;
  /**
   * A user's pending import uploads (checked, not yet imported or cancelled): at most this many
   * files (IMPORT_PENDING_FILES) and bytes (IMPORT_PENDING_MB); beyond, an upload is refused.
   */
  importQuota: { files: number; bytes: number };
  /** How long a checked or interrupted import waits to be run before it expires (IMPORT_KEEP_HOURS). */
  importKeepHours: number;
}

export const DEFAULT_SQLITE_PATH = './data/gaizao.db';

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const env = process.env;
  const databaseUrl = overrides.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_SQLITE_PATH;
  return {
    databaseUrl,
    uploadDir: overrides.uploadDir ?? env.UPLOAD_DIR ?? defaultUploadDir(databaseUrl),
    port: overrides.port ?? Number(env.PORT ?? 3000),
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    demo: overrides.demo ?? false,
    serveWeb: overrides.serveWeb ?? true,
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'warn',
    importQuota: overrides.importQuota ?? {
      files: Number(env.IMPORT_PENDING_FILES ?? 5),
      bytes: Number(env.IMPORT_PENDING_MB ?? 256) * 1024 * 1024,
    },
    importKeepHours: overrides.importKeepHours ?? Number(env.IMPORT_KEEP_HOURS ?? 24),
  };
}

function defaultUploadDir(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return './data/uploads';
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
  return path === ':memory:' ? join(tmpdir(), 'gaizao-uploads') : join(dirname(path), 'uploads');
}

/** For tests: the PostgreSQL server to run the database suites against, if any. */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;
