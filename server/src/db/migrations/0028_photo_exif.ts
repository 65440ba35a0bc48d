/**
 * Photos taken on site (issue 13, phones): when the photo was taken, from its EXIF, and where its
 * position came from — the photo's own GPS (`exif`), the phone's location at upload (`device`) or
 * typed in (`manual`); null where no position is kept. Rows before this migration have neither.
 * Frozen: imports no app code.
 */
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

export function up(_dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await db.schema
      .alterTable('community_attachments')
      .addColumn('taken_at', 'varchar(19)')
      .execute();
    await db.schema
      .alterTable('community_attachments')
      .addColumn('position_source', 'varchar(8)')
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('community_attachments').dropColumn('position_source').execute();
  await db.schema.alterTable('community_attachments').dropColumn('taken_at').execute();
}
