/**
 * The interface language a user chose (issue 13, English throughout): 'zh' or 'en', null until
 * they choose; it follows the user to any browser. Frozen: imports no app code.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema.alterTable('users').addColumn('lang', 'varchar(8)').execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('lang').execute();
}
