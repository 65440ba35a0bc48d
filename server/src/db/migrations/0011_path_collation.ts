/**
 * The communities' and projects' region paths compare by code point on PostgreSQL too (collation
 * "C"), whatever collation the database was created with. A subtree is read as a range of paths
 * (`path <= region_path < path~`, db/under-path.ts) so that an index serves it; under a
 * language-aware collation such as en_US.UTF-8 or zh_CN.UTF-8, '/' and '~' are ignored at the
 * first level of comparison and the range would miss a province's own cities. SQLite compares
 * text by its bytes already. Frozen: imports no app code.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const COLUMNS = [
  ['communities', 'region_path'],
  ['projects', 'region_path'],
] as const;

async function collate(db: Kysely<unknown>, collation: 'C' | 'default'): Promise<void> {
  for (const [table, column] of COLUMNS)
    await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type varchar(64) collate ${sql.id(collation)}`.execute(
      db,
    );
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (dialect === 'postgres') await collate(db, 'C');
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) await collate(db, 'default');
}
