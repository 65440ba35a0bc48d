/**
 * The databases a run measures on: an SQLite file in the run's temporary folder, and, when
 * BENCH_DATABASE_URL is set, a fresh PostgreSQL schema bench_<random> that is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';

export type Engine = 'sqlite' | 'postgres';

export interface BenchDatabase {
  engine: Engine;
  /** for openDatabase / createDb: a file path, or postgres://…?schema=NAME */
  url: string;
  drop: () => Promise<void>;
}

export function newDatabase(engine: Engine, dir: string, postgresUrl?: string): BenchDatabase {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  if (engine === 'sqlite') {
    const path = join(dir, `${name}.db`);
    return {
      engine,
      url: path,
      drop: async () => {
        for (const suffix of ['', '-wal', '-shm']) await rm(path + suffix, { force: true });
      },
    };
  }
  if (!postgresUrl) throw new Error('PostgreSQL needs BENCH_DATABASE_URL');
  const sep = postgresUrl.includes('?') ? '&' : '?';
  return {
    engine,
    url: `${postgresUrl}${sep}schema=${name}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: postgresUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${name} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * PostgreSQL's statistics of the ledger's tables, gathered now, as autovacuum would within a minute
 * or two of a bulk load: the benchmark does not wait for it. Without them the plan table's
 * aggregation was once planned as a nested loop that ran for more than ten minutes at 220,000
 * communities (docs/benchmarks.md). Only this schema's tables: a bare ANALYZE would visit every
 * schema of the database.
 */
export async function analyzeLedger(db: BenchDatabase): Promise<void> {
  if (db.engine !== 'postgres') return;
  const { connectionString, schema } = postgresParts(db.url);
  const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    await client.query(
      'analyze communities, projects, project_communities, project_funding, duplicate_pairs, regions',
    );
  } finally {
    await client.end();
  }
}

/** A raw pg connection string and schema from a bench URL (…?schema=NAME). */
export function postgresParts(url: string): { connectionString: string; schema: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema');
  if (!schema || !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`no schema in ${url}`);
  parsed.searchParams.delete('schema');
  return { connectionString: parsed.toString(), schema };
}
