/**
 * One query layer, two real engines: better-sqlite3 (WAL, foreign keys on) for the embedded
 * default, pg for PostgreSQL. A `?schema=NAME` on a postgres URL puts every table in that schema
 * (the tests give each file its own).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { Dialect } from './dialect.ts';
import type { Database } from './schema.ts';
import { gateOf, gatedSqliteDialect } from './sqlite-writers.ts';

/**
 * How long a request's write waits behind another writer of the same SQLite file (an import's
 * commit) before it is answered 503 with Retry-After (sqlite-writers.ts).
 */
export const SQLITE_WRITE_WAIT_MS = 20_000;

export interface Db {
  db: Kysely<Database>;
  dialect: Dialect;
  /** the PostgreSQL schema of `?schema=NAME`, if any */
  schema?: string;
  destroy: () => Promise<void>;
  /**
   * A connection of its own for a long write (an import), so that other requests are not queued
   * behind it: a second SQLite connection (WAL lets readers go on while it writes); PostgreSQL's
   * pool already has several. Destroy it when done.
   */
  detached: () => Promise<Db>;
}

/**
 * pg, loaded with the first PostgreSQL database: a command on an SQLite file starts without it
 * (docs/benchmarks-cli.md).
 */
async function loadPg() {
  const { default: pg } = await import('pg');
  // PostgreSQL BIGINT/NUMERIC come back as strings by default; counts are safe integers here.
  pg.types.setTypeParser(20, (v) => Number(v));
  return pg;
}

export const isPostgresUrl = (url: string): boolean => /^postgres(ql)?:\/\//.test(url);

/** The better-sqlite3 handle under each SQLite Kysely that createDb opened (see sqliteHandle). */
const sqliteHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 connection under `db`, if it is an SQLite database opened here: for bulk
 * writes with statements prepared once (an import), which Kysely's driver prepares anew each
 * time. Kysely's SQLite driver has this one connection, so statements run on the handle inside
 * `db.transaction().execute(…)` are part of that transaction.
 */
export const sqliteHandle = (db: Kysely<Database>): SQLite.Database | undefined =>
  sqliteHandles.get(db);

export function sqlitePath(url: string): string {
  return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

export async function createDb(
  url: string,
  { writeWaitMs = SQLITE_WRITE_WAIT_MS }: { writeWaitMs?: number } = {},
): Promise<Db> {
  if (isPostgresUrl(url)) return createPostgres(url);
  const path = sqlitePath(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  return openSqlite(path, writeWaitMs);
}

function openSqlite(path: string, writeWaitMs: number): Db {
  const database = new SQLite(path);
  database.pragma('journal_mode = WAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  database.pragma('synchronous = NORMAL');
  const db = new Kysely<Database>({
    dialect: gatedSqliteDialect(database, gateOf(path), writeWaitMs),
  });
  sqliteHandles.set(db, database);
  const self: Db = {
    db,
    dialect: 'sqlite',
    destroy: () => db.destroy(),
    // An in-memory database has no second connection to open: share this one. A detached
    // connection runs a background job, whose writes wait their turn however long it takes.
    detached: async () =>
      path === ':memory:'
        ? { ...self, destroy: async () => undefined }
        : openSqlite(path, Infinity),
  };
  return self;
}

async function createPostgres(url: string): Promise<Db> {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`schema 名称不合法：${schema}`);
  const pg = await loadPg();
  const pool = new pg.Pool({
    connectionString: parsed.toString(),
    max: 10,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  if (schema) await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  const self: Db = {
    db,
    dialect: 'postgres',
    schema: schema ?? undefined,
    destroy: () => db.destroy(),
    detached: async () => ({ ...self, destroy: async () => undefined }),
  };
  return self;
}
