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
  /** Sessions and passwords (issue 10): idle timeout, absolute lifetime, optional password expiry. */
  security: SecurityConfig;
}

export interface SecurityConfig {
  /** A session ends after this many minutes without a request (SESSION_IDLE_MINUTES, default 30). */
  sessionIdleMinutes: number;
  /** …and this many hours after login whatever happens (SESSION_MAX_HOURS, default 12). */
  sessionMaxHours: number;
  /** A password older than this must be changed (PASSWORD_MAX_AGE_DAYS; unset or 0: never). */
  passwordMaxAgeDays: number | null;
}

export const DEFAULT_SECURITY: SecurityConfig = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  passwordMaxAgeDays: null,
};

function positive(name: string, raw: string | undefined, fallback: number | null): number | null {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`环境变量 ${name} 应为非负数：${raw}`);
  return n === 0 ? fallback : n;
}

export function loadSecurity(env: NodeJS.ProcessEnv = process.env): SecurityConfig {
  return {
    sessionIdleMinutes: positive('SESSION_IDLE_MINUTES', env.SESSION_IDLE_MINUTES, 30)!,
    sessionMaxHours: positive('SESSION_MAX_HOURS', env.SESSION_MAX_HOURS, 12)!,
    passwordMaxAgeDays: positive('PASSWORD_MAX_AGE_DAYS', env.PASSWORD_MAX_AGE_DAYS, null),
  };
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
    security: overrides.security ?? loadSecurity(env),
  };
}

function defaultUploadDir(databaseUrl: string): string {
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return './data/uploads';
  const path = databaseUrl.startsWith('file:') ? databaseUrl.slice('file:'.length) : databaseUrl;
  return path === ':memory:' ? join(tmpdir(), 'gaizao-uploads') : join(dirname(path), 'uploads');
}

/** For tests: the PostgreSQL server to run the database suites against, if any. */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;
