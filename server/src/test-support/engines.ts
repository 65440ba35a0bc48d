/**
 * Every database test runs on every engine (STYLE.md, after Kysely's own example): SQLite always,
 * PostgreSQL when TEST_DATABASE_URL is set, each test file in a schema of its own so files cannot
 * interfere. Without TEST_DATABASE_URL the PostgreSQL suites are reported as skipped, loudly.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import { openDatabase } from '../bootstrap.ts';
import { testDatabaseUrl } from '../config.ts';
import type { Db } from '../db/create-db.ts';

export type Engine = 'sqlite' | 'postgres';
const pgUrl = testDatabaseUrl();
let warned = false;

export interface EngineContext {
  engine: Engine;
  /** The open database of the current suite (after beforeAll). */
  readonly db: Db;
  /** A URL for a second connection to the same database (e.g. a restarted server). */
  readonly url: string;
}

export function newDatabaseUrl(engine: Engine): { url: string; cleanup: () => Promise<void> } {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gaizao-test-'));
    return {
      url: join(dir, 'test.db'),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const sep = pgUrl!.includes('?') ? '&' : '?';
  return { url: `${pgUrl}${sep}schema=${schema}`, cleanup: () => dropSchema(schema) };
}

async function dropSchema(schema: string): Promise<void> {
  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: pgUrl, max: 1 }) }),
  });
  await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(db);
  await db.destroy();
}

export function describeEachEngine(title: string, fn: (ctx: EngineContext) => void): void {
  for (const engine of ['sqlite', 'postgres'] as const) {
    if (engine === 'postgres' && !pgUrl) {
      if (!warned) {
        warned = true;
        console.warn(
          '\n⚠ TEST_DATABASE_URL 未设置：PostgreSQL 测试已跳过（SKIPPED）。设置方法见 README。\n',
        );
      }
      describe.skip(`${title} [postgres: SKIPPED — TEST_DATABASE_URL not set]`, () =>
        fn({ engine, db: undefined as never, url: '' }));
      continue;
    }
    describe(`${title} [${engine}]`, () => {
      let db: Db | undefined;
      let target: ReturnType<typeof newDatabaseUrl> | undefined;
      beforeAll(async () => {
        target = newDatabaseUrl(engine);
        db = await openDatabase(target.url);
      });
      afterAll(async () => {
        await db?.destroy();
        await target?.cleanup();
      });
      fn({
        engine,
        get db() {
          if (!db) throw new Error('database not open yet');
          return db;
        },
        get url() {
          return target!.url;
        },
      });
    });
  }
}
