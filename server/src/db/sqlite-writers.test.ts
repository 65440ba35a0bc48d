/**
 * SQLite writers of one process queue in order behind a long write (an import's commit) instead
 * of failing "database is locked"; reads go on meanwhile; past the bound a request is answered
 * 503 with Retry-After and a Chinese message (issue 10, defect 7). SQLite only: PostgreSQL locks
 * rows, not the database.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase } from '../bootstrap.ts';
import { newDatabaseUrl } from '../test-support/engines.ts';
import { addUser, TEST_PASSWORD } from '../test-support/fixtures.ts';
import { createDb, type Db } from './create-db.ts';

const touch = (db: Db['db']) =>
  sql`update regions set name = name where code = '460000'`.execute(db);

/** Holds the write lock on a connection of its own, as an import's transaction does. */
async function holdWriter(db: Db) {
  const job = await db.detached();
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let began!: () => void;
  const begun = new Promise<void>((r) => (began = r));
  const done = job.db.transaction().execute(async (trx) => {
    await touch(trx);
    began();
    await held;
  });
  await begun;
  return {
    release: async () => {
      release();
      await done;
      await job.destroy();
    },
  };
}

describe('SQLite writers of one process', () => {
  let target: ReturnType<typeof newDatabaseUrl>;
  let db: Db;
  beforeAll(async () => {
    target = newDatabaseUrl('sqlite');
    db = await openDatabase(target.url);
    await addUser(db.db, 'haikou', '460100', ['city']);
  });
  afterAll(async () => {
    await db.destroy();
    await target.cleanup();
  });

  it('wait their turn behind a long write, in order, while reads go on', async () => {
    const holder = await holdWriter(db);
    const order: number[] = [];
    const writes = Array.from({ length: 5 }, (_, i) => touch(db.db).then(() => order.push(i)));
    const read = await db.db.selectFrom('regions').select('code').limit(1).execute();
    expect(read).toHaveLength(1);
    expect(order).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    await holder.release();
    await Promise.all(writes);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers 503 with Retry-After and a Chinese message past the bound, never 500', async () => {
    const impatient = await createDb(target.url, { writeWaitMs: 200 });
    const app = await buildApp({ db: impatient, serveWeb: false });
    const holder = await holdWriter(impatient);
    try {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'haikou', password: TEST_PASSWORD },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().error).toMatchObject({
        code: 'BUSY',
        message: expect.stringMatching(/系统正忙/),
      });
    } finally {
      await holder.release();
    }
    const after = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'haikou', password: TEST_PASSWORD },
    });
    expect(after.statusCode).toBe(200);
    await app.close();
    await impatient.destroy();
  });
});

describe('SQLite statements prepared once per text', () => {
  let target: ReturnType<typeof newDatabaseUrl>;
  let db: Db;
  beforeAll(async () => {
    target = newDatabaseUrl('sqlite');
    db = await createDb(target.url);
    await sql`create table t (id integer primary key, v text)`.execute(db.db);
  });
  afterAll(async () => {
    await db.destroy();
    await target.cleanup();
  });

  it('run again with new values, after many others, and after the table changes', async () => {
    const insert = (id: number) =>
      db.db.insertInto('t' as never).values({ id, v: `v${id}` } as never);
    const read = (id: number) =>
      sql<{ id: number; v: string }>`select * from t where id = ${id}`.execute(db.db);
    for (let i = 1; i <= 50; i++) await insert(i).execute();
    // More distinct texts than are kept, then the first again.
    for (let i = 0; i < 40; i++) await sql.raw(`select ${i} as n`).execute(db.db);
    expect((await read(1)).rows).toEqual([{ id: 1, v: 'v1' }]);
    expect((await read(50)).rows).toEqual([{ id: 50, v: 'v50' }]);
    // A kept `select *` sees a column added since it was prepared.
    await sql`alter table t add column w text default 'x'`.execute(db.db);
    expect((await read(2)).rows).toEqual([{ id: 2, v: 'v2', w: 'x' }]);
    expect((await sql`select count(*) as n from t`.execute(db.db)).rows).toEqual([{ n: 50 }]);
  });
});
