/**
 * Consultations that come with a file (issue 9 §3) and a province's own consent threshold
 * (§2): the imports that recorded consultations, each consultation's source and import, a
 * consultation method "not recorded" (a progress row says how many agreed, not how they were
 * asked), and per-province thresholds by plan year. Frozen: imports no app code.
 *
 * SQLite cannot change a CHECK constraint in place: the consultations table is rebuilt with
 * foreign keys off (SQLite's migrations run outside a transaction, so the pragma takes effect),
 * so that dropping the old table does not cascade to the consultations' documents.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

const METHODS_BEFORE = `'meeting', 'door_to_door', 'online', 'written'`;
const METHODS_AFTER = `${METHODS_BEFORE}, 'unrecorded'`;

/** The SQLite consultations table, with or without the columns of this migration. */
function sqliteConsultations(name: string, withImport: boolean) {
  return sql.raw(`create table ${name} (
    id integer primary key autoincrement,
    community_id integer not null references communities(id) on delete cascade,
    held_on varchar(10) not null,
    method varchar(16) not null check (method in (${withImport ? METHODS_AFTER : METHODS_BEFORE})),
    households_consulted integer not null check (households_consulted >= 0),
    households_agreeing integer not null check (households_agreeing >= 0 and households_agreeing <= households_consulted),
    agreed_scheme integer not null default 0,
    agreed_contribution integer not null default 0,
    agreed_aftercare integer not null default 0,
    notes text not null default '',
    username varchar(64) not null,
    created_at varchar(32) not null${
      withImport
        ? `,
    source varchar(8) not null default 'form' check (source in ('form', 'import')),
    import_id integer references consultation_imports(id) on delete set null`
        : ''
    }
  )`);
}

const COMMON = `id, community_id, held_on, method, households_consulted, households_agreeing, agreed_scheme, agreed_contribution, agreed_aftercare, notes, username, created_at`;

async function rebuildSqlite(db: Kysely<unknown>, withImport: boolean): Promise<void> {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin`.execute(db);
    await sqliteConsultations('consultations_new', withImport).execute(db);
    await sql
      .raw(
        withImport
          ? `insert into consultations_new (${COMMON}) select ${COMMON} from consultations`
          : `insert into consultations_new (${COMMON}) select ${COMMON} from consultations where method <> 'unrecorded'`,
      )
      .execute(db);
    await sql`drop table consultations`.execute(db);
    await sql`alter table consultations_new rename to consultations`.execute(db);
    await sql`create index consultations_community on consultations (community_id)`.execute(db);
    if (withImport)
      await sql`create index consultations_import on consultations (import_id)`.execute(db);
    await sql`commit`.execute(db);
  } catch (e) {
    await sql`rollback`.execute(db);
    throw e;
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    // A file that recorded consultations: the progress import or the consultations import.
    await db.schema
      .createTable('consultation_imports')
      .addColumn('id', pg ? 'serial' : 'integer', (c) =>
        pg ? c.primaryKey() : c.primaryKey().autoIncrement(),
      )
      .addColumn('kind', 'varchar(16)', (c) =>
        c.notNull().check(sql`kind in ('progress', 'consultations')`),
      )
      .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
      .addColumn('rows', 'integer', (c) => c.notNull())
      .addColumn('username', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
      .execute();
    if (pg) {
      await sql`alter table consultations drop constraint consultations_method_check`.execute(db);
      await sql`alter table consultations add constraint consultations_method_check check (method in (${sql.raw(METHODS_AFTER)}))`.execute(
        db,
      );
      await sql`alter table consultations add column source varchar(8) not null default 'form' check (source in ('form', 'import'))`.execute(
        db,
      );
      await sql`alter table consultations add column import_id integer references consultation_imports(id) on delete set null`.execute(
        db,
      );
      await sql`create index consultations_import on consultations (import_id)`.execute(db);
    } else await rebuildSqlite(db, true);

    // 居民协商: the share of households a province requires, where it differs from the plan
    // year's national figure; it holds from its year until the province sets another.
    await db.schema
      .createTable('province_consent_thresholds')
      .addColumn('province_code', 'varchar(6)', (c) => c.notNull().references('regions.code'))
      .addColumn('plan_year', 'integer', (c) => c.notNull())
      .addColumn('consent_threshold_bp', 'integer', (c) =>
        c.notNull().check(sql`consent_threshold_bp between 1 and 10000`),
      )
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('updated_by', 'varchar(64)')
      .addPrimaryKeyConstraint('province_consent_thresholds_pk', ['province_code', 'plan_year'])
      .execute();
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('province_consent_thresholds').execute();
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    await sql`delete from consultations where method = 'unrecorded'`.execute(db);
    await sql`drop index consultations_import`.execute(db);
    await sql`alter table consultations drop column import_id`.execute(db);
    await sql`alter table consultations drop column source`.execute(db);
    await sql`alter table consultations drop constraint consultations_method_check`.execute(db);
    await sql`alter table consultations add constraint consultations_method_check check (method in (${sql.raw(METHODS_BEFORE)}))`.execute(
      db,
    );
  } else await rebuildSqlite(db, false);
  await db.schema.dropTable('consultation_imports').execute();
}
