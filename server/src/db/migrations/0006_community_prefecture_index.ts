/** The duplicate scan and the plan table read communities by prefecture-level unit. Frozen. */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .createIndex('communities_prefecture')
      .on('communities')
      .columns(['prefecture_code', 'region_code'])
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('communities_prefecture').execute();
}
