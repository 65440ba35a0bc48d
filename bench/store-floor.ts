/**
 * The floor of an import: the rows the csv import stored (communities, their projects, the links
 * and the history entries) written again into an empty ledger by the raw engine, with nothing
 * else: no parse, no checks, no duplicate scan. Read first (not timed), then written in one
 * transaction, commit included, as the import does:
 *
 * - SQLite: better-sqlite3 statements prepared once and run row by row, the fastest way into
 *   SQLite from JavaScript measured here (bench notes in docs/benchmarks.md).
 * - PostgreSQL: a statement of 2,000 rows per table, each column an array unnested by the server,
 *   the import's own way; with the tables' foreign keys and indexes, as any import has them.
 *
 * An import can't be faster than its parse plus this, which is what the figure is for.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { openDatabase } from '../server/src/bootstrap.ts';
import { isPostgresUrl, sqlitePath } from '../server/src/db/create-db.ts';
import { postgresParts } from './databases.ts';

/** The tables an import writes, in the order their foreign keys need, with the rows it wrote. */
const TABLES = [
  ['communities', ''],
  ['projects', ''],
  ['project_communities', ''],
  ['change_log', `where entity = 'community' and action = 'import'`],
] as const;

const BATCH = 2000;

type Row = Record<string, unknown>;

interface Stored {
  table: string;
  columns: string[];
  rows: unknown[][];
}

const asRows = (all: Row[]): Pick<Stored, 'columns' | 'rows'> => {
  const columns = all.length ? Object.keys(all[0]!) : [];
  return { columns, rows: all.map((r) => columns.map((c) => r[c])) };
};

async function readSqlite(url: string): Promise<Stored[]> {
  const db = new SQLite(sqlitePath(url), { readonly: true });
  try {
    return TABLES.map(([table, where]) => ({
      table,
      ...asRows(db.prepare(`select * from ${table} ${where}`).all() as Row[]),
    }));
  } finally {
    db.close();
  }
}

async function writeSqlite(url: string, stored: Stored[]): Promise<number> {
  const db = new SQLite(sqlitePath(url));
  try {
    // The pragmas of create-db.ts's openSqlite.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const statements = stored.map((s) =>
      db.prepare(
        `insert into ${s.table} (${s.columns.join(', ')}) values (${s.columns.map(() => '?').join(', ')})`,
      ),
    );
    globalThis.gc?.();
    const t = performance.now();
    db.exec('begin');
    stored.forEach((s, i) => {
      for (const row of s.rows) statements[i]!.run(row);
    });
    db.exec('commit');
    return performance.now() - t;
  } finally {
    db.close();
  }
}

async function postgresClient(url: string): Promise<pg.Client> {
  const { connectionString, schema } = postgresParts(url);
  const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

async function readPostgres(url: string): Promise<Stored[]> {
  const client = await postgresClient(url);
  try {
    const stored: Stored[] = [];
    for (const [table, where] of TABLES)
      stored.push({
        table,
        ...asRows((await client.query<Row>(`select * from ${table} ${where}`)).rows),
      });
    return stored;
  } finally {
    await client.end();
  }
}

/** Each column's element type for its unnest array (int4, int8, text, varchar …). */
async function columnTypes(client: pg.Client, table: string): Promise<Map<string, string>> {
  const { rows } = await client.query<{ column_name: string; udt_name: string }>(
    `select column_name, udt_name from information_schema.columns
     where table_schema = current_schema() and table_name = $1`,
    [table],
  );
  return new Map(rows.map((r) => [r.column_name, r.udt_name]));
}

async function writePostgres(url: string, stored: Stored[]): Promise<number> {
  const client = await postgresClient(url);
  try {
    const statements: string[] = [];
    for (const s of stored) {
      const types = await columnTypes(client, s.table);
      const arrays = s.columns.map((c, i) => `$${i + 1}::${types.get(c)}[]`);
      statements.push(
        `insert into ${s.table} (${s.columns.join(', ')}) select * from unnest(${arrays.join(', ')})`,
      );
    }
    globalThis.gc?.();
    const t = performance.now();
    await client.query('begin');
    for (const [i, s] of stored.entries())
      for (let from = 0; from < s.rows.length; from += BATCH) {
        const batch = s.rows.slice(from, from + BATCH);
        await client.query(
          statements[i]!,
          s.columns.map((_, c) => batch.map((row) => row[c])),
        );
      }
    await client.query('commit');
    return performance.now() - t;
  } finally {
    await client.end();
  }
}

/** The import's rows of `from` written into `to`, a new empty ledger; the write's time alone. */
export async function measureStoreFloor(from: string, to: string) {
  const db = await openDatabase(to); // migrated, regions loaded, no communities
  await db.destroy();
  const postgres = isPostgresUrl(from);
  const stored = postgres ? await readPostgres(from) : await readSqlite(from);
  const ms = postgres ? await writePostgres(to, stored) : await writeSqlite(to, stored);
  return { ms, detail: Object.fromEntries(stored.map((s) => [s.table, s.rows.length])) };
}
