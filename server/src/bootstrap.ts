/** Opening a database: connect, migrate to the latest schema, load the shipped region tree. */
import type { Kysely } from 'kysely';
import { createDb, type Db } from './db/create-db.ts';
import { migrateToLatest } from './db/migrate.ts';
import { ensureRegionsLoaded } from './modules/regions/regions.service.ts';

export async function openDatabase(url: string): Promise<Db> {
  const db = await createDb(url);
  try {
    await migrateToLatest(db.db as unknown as Kysely<unknown>, db.dialect, db.schema);
    await ensureRegionsLoaded(db.db);
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return db;
}
