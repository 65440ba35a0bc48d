/**
 * Password policy and sessions (issue 10, item 12): an account whose password an administrator
 * set must change it at first login, and a password has an age (for PASSWORD_MAX_AGE_DAYS).
 * Existing accounts keep working as they are. Frozen: imports no app code.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .alterTable('users')
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.alterTable('users').addColumn('password_changed_at', 'varchar(32)').execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
  await db.schema.alterTable('users').dropColumn('must_change_password').execute();
}
