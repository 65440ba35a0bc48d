/**
 * Import jobs that outlive a crash and do not leave files behind (issue 10, defects 8 and 9):
 * three more states — interrupted (已中断: its server died while importing; it can be run again),
 * expired (checked or interrupted and not run within the retention), cancelled (by its user) —
 * a heartbeat (heartbeat_at), renewed by the server running the job, so that another server
 * starting does not take a live job for a dead one, and the upload's size, for the per-user quota
 * of pending uploads. SQLite cannot change a CHECK constraint in place: the table is rebuilt.
 * Frozen: imports no app code.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const BEFORE = ['checking', 'checked', 'invalid', 'importing', 'imported', 'failed'];
const AFTER = [...BEFORE, 'interrupted', 'expired', 'cancelled'];
const inList = (values: string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

async function rebuildSqlite(db: Kysely<unknown>, states: string[], extra: boolean) {
  await db.schema
    .createTable('imports_rebuilt')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('file_path', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) =>
      c.notNull().check(sql`status in (${inList(states)})`),
    )
    .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('result', 'text')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .$call((t) =>
      extra
        ? t
            .addColumn('heartbeat_at', 'varchar(32)')
            .addColumn('file_bytes', 'integer', (c) => c.notNull().defaultTo(0))
        : t,
    )
    .execute();
  const columns = sql.raw(
    'id, user_id, file_name, file_path, status, rows_done, result, created_at, updated_at',
  );
  await sql`insert into imports_rebuilt (${columns}) select ${columns} from imports`.execute(db);
  await db.schema.dropTable('imports').execute();
  await db.schema.alterTable('imports_rebuilt').renameTo('imports').execute();
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (dialect === 'sqlite') return rebuildSqlite(db, AFTER, true);
    await sql`alter table imports drop constraint imports_status_check`.execute(db);
    await sql`alter table imports add constraint imports_status_check
      check (status in (${inList(AFTER)}))`.execute(db);
    await sql`alter table imports add column heartbeat_at varchar(32),
      add column file_bytes bigint not null default 0`.execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update imports set status = 'failed' where status not in (${inList(BEFORE)})`.execute(
    db,
  );
  if (!(db.getExecutor().adapter instanceof PostgresAdapter))
    return rebuildSqlite(db, BEFORE, false);
  await sql`alter table imports drop column heartbeat_at, drop column file_bytes`.execute(db);
  await sql`alter table imports drop constraint imports_status_check`.execute(db);
  await sql`alter table imports add constraint imports_status_check
    check (status in (${inList(BEFORE)}))`.execute(db);
}
