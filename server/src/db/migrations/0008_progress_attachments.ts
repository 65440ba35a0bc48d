/**
 * Through the year, on the community page: before/after photos and the documents of resident
 * consultations (stored as files, described here), and the funds in place by source for each
 * month's record. Frozen: imports no app code.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const id = pg ? 'serial' : 'integer';
    const big = pg ? 'bigint' : 'integer';

    // A photo (before/after, optionally of a month and a place) or a consultation's document.
    await db.schema
      .createTable('community_attachments')
      .addColumn('id', id, (c) => (pg ? c.primaryKey() : c.primaryKey().autoIncrement()))
      .addColumn('community_id', 'integer', (c) =>
        c.notNull().references('communities.id').onDelete('cascade'),
      )
      .addColumn('kind', 'varchar(12)', (c) =>
        c.notNull().check(sql`kind in (${inList(['before', 'after', 'document'])})`),
      )
      .addColumn('consultation_id', 'integer', (c) =>
        c.references('consultations.id').onDelete('cascade'),
      )
      .addColumn('period', 'varchar(7)')
      .addColumn('lng', 'varchar(20)')
      .addColumn('lat', 'varchar(20)')
      .addColumn('caption', 'varchar(200)', (c) => c.notNull().defaultTo(''))
      .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
      .addColumn('file_path', 'varchar(500)', (c) => c.notNull())
      .addColumn('content_type', 'varchar(40)', (c) => c.notNull())
      .addColumn('size_bytes', 'integer', (c) => c.notNull().check(sql`size_bytes > 0`))
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      // A document belongs to a consultation; a photo to none.
      .addCheckConstraint(
        'community_attachments_owner',
        sql`(kind = 'document') = (consultation_id is not null)`,
      )
      .execute();
    await db.schema
      .createIndex('community_attachments_community')
      .on('community_attachments')
      .columns(['community_id', 'kind'])
      .execute();
    await db.schema
      .createIndex('community_attachments_consultation')
      .on('community_attachments')
      .column('consultation_id')
      .execute();

    // 资金到位 by source as at a month end, beside that month's record (same sources as project_funding).
    await db.schema
      .createTable('progress_funds')
      .addColumn('community_id', 'integer', (c) => c.notNull())
      .addColumn('period', 'varchar(7)', (c) => c.notNull())
      .addColumn('source', 'varchar(24)', (c) =>
        c
          .notNull()
          .check(
            sql`source in (${inList(['central', 'provincial', 'local', 'bonds', 'residents', 'utilities', 'social'])})`,
          ),
      )
      .addColumn('amount_yuan', big, (c) => c.notNull().check(sql`amount_yuan >= 0`))
      .addPrimaryKeyConstraint('progress_funds_pk', ['community_id', 'period', 'source'])
      .addForeignKeyConstraint(
        'progress_funds_progress',
        ['community_id', 'period'],
        'progress',
        ['community_id', 'period'],
        (fk) => fk.onDelete('cascade'),
      )
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('progress_funds').execute();
  await db.schema.dropTable('community_attachments').execute();
}
