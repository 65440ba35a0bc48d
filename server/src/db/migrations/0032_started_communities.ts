/**
 * The communities that have started (issue 14 §1): those whose latest monthly record has a start
 * date, kept by triggers on `progress` in the same transaction as every record written, so the
 * five-year view's pools (what is not yet started) need not look up every community's latest
 * record among a year of records.
 *
 * SQLite recomputes a community after each of its records changes. PostgreSQL does it once per
 * statement for the communities the statement wrote, over its transition table; the figures'
 * row triggers (migration 0030) have by then locked each of those communities until commit, so
 * two transactions writing one community take turns. The recomputation reads the records as they
 * stand, so an upsert, which fires both the insert and the update trigger, is counted right.
 * Frozen: imports no app code.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Whether community `x`'s latest record has a start date. */
const LATEST_STARTED = (x: string) =>
  `(select r.start_date from progress as r where r.community_id = ${x} order by r.period desc limit 1) is not null`;

const TRIGGERS = ['started_record_in', 'started_record_out', 'started_record_changed'];

function sqliteTriggers(): string[] {
  const body = (x: string) =>
    `delete from started_communities where community_id = ${x}; insert into started_communities (community_id) select ${x} where ${LATEST_STARTED(x)};`;
  return [
    `create trigger started_record_in after insert on progress for each row begin ${body('NEW.community_id')} end`,
    `create trigger started_record_out after delete on progress for each row begin ${body('OLD.community_id')} end`,
    `create trigger started_record_changed after update of start_date on progress for each row when OLD.start_date is not NEW.start_date begin ${body('NEW.community_id')} end`,
  ];
}

function postgresTriggers(): string[] {
  const settings = 'set jit = off set enable_seqscan = off set search_path from current';
  const body = [
    `delete from started_communities where community_id = any(array(select community_id from changed))`,
    `insert into started_communities (community_id) select x.community_id from (select distinct community_id from changed) as x where ${LATEST_STARTED('x.community_id')}`,
  ];
  return [
    `create function started_sync() returns trigger language plpgsql ${settings} as $$ begin ${body.map((s) => `${s};`).join(' ')} return null; end $$`,
    `create trigger started_record_in after insert on progress referencing new table as changed for each statement execute function started_sync()`,
    `create trigger started_record_out after delete on progress referencing old table as changed for each statement execute function started_sync()`,
    `create trigger started_record_changed after update on progress referencing new table as changed for each statement execute function started_sync()`,
  ];
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    await sql`create table started_communities (community_id integer primary key)`.execute(db);
    await sql
      .raw(
        `insert into started_communities (community_id) select c.id from communities as c where ${LATEST_STARTED('c.id')}`,
      )
      .execute(db);
    for (const s of dialect === 'postgres' ? postgresTriggers() : sqliteTriggers())
      await sql.raw(s).execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  for (const name of TRIGGERS)
    await sql.raw(pg ? `drop trigger ${name} on progress` : `drop trigger ${name}`).execute(db);
  if (pg) await sql`drop function started_sync()`.execute(db);
  await sql`drop table started_communities`.execute(db);
}
