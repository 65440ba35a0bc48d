/** The only reader of process.env (STYLE.md). */
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
}

export const DEFAULT_SQLITE_PATH = './data/gaizao.db';

export function loadConfig(overrides: Partial<Config> = {}): Config {
  const env = process.env;
  return {
    databaseUrl: overrides.databaseUrl ?? env.DATABASE_URL ?? DEFAULT_SQLITE_PATH,
    port: overrides.port ?? Number(env.PORT ?? 3000),
    host: overrides.host ?? env.HOST ?? '0.0.0.0',
    demo: overrides.demo ?? false,
    serveWeb: overrides.serveWeb ?? true,
    logLevel: overrides.logLevel ?? env.LOG_LEVEL ?? 'warn',
  };
}

/** For tests: the PostgreSQL server to run the database suites against, if any. */
export const testDatabaseUrl = (): string | undefined => process.env.TEST_DATABASE_URL || undefined;
