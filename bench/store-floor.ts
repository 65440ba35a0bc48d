/**
 * The floor of an import: the rows the csv import stored (communities, their projects, the links
 * and the history entries) copied by the engine itself into an empty ledger, in one transaction,
 * commit included, with the same indexes, foreign keys and checks. No JavaScript touches a row:
 * no parse, no check, no binding of values, no duplicate scan. Whatever an import does, the engine
 * has at least this to do to store its rows, so (parse + floor) / parse is the lowest ratio any
 * import of the file could reach.
 *
 * - SQLite: the imported file ATTACHed, then INSERT … SELECT from it, table by table.
 * - PostgreSQL: INSERT … SELECT from the imported schema into the empty one, in the same database.
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

/** Both databases come from the same migrations: the same columns in the same order. */
const copy = (to: string, from: string, table: string, where: string) =>
  `insert into ${to}.${table} select * from ${from}.${table} ${where}`;

function copySqlite(from: string, to: string): number {
  const db = new SQLite(sqlitePath(to));
  try {
    // The pragmas of create-db.ts's openSqlite.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    db.prepare('attach database ? as src').run(sqlitePath(from));
    globalThis.gc?.();
    const t = performance.now();
    db.exec('begin');
    for (const [table, where] of TABLES) db.exec(copy('main', 'src', table, where));
    db.exec('commit');
    return performance.now() - t;
  } finally {
    db.close();
  }
}

async function copyPostgres(from: string, to: string): Promise<number> {
  const source = postgresParts(from).schema;
  const { connectionString, schema } = postgresParts(to);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const t = performance.now();
    await client.query('begin');
    for (const [table, where] of TABLES) await client.query(copy(schema, source, table, where));
    await client.query('commit');
    return performance.now() - t;
  } finally {
    await client.end();
  }
}

/** The import's rows of `from` copied into `to`, a new empty ledger; the copy's time alone. */
export async function measureStoreFloor(from: string, to: string) {
  const db = await openDatabase(to); // migrated, regions loaded, no communities
  await db.destroy();
  const ms = isPostgresUrl(from) ? await copyPostgres(from, to) : copySqlite(from, to);
  return { ms, detail: { tables: TABLES.map(([t]) => t) } };
}
