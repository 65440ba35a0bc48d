/**
 * The started communities (migration 0032) kept without rewriting them: of the communities a write
 * touched, only those no longer started are deleted from the set, and only those newly started
 * inserted. 0032 deleted every touched community and inserted again those still started, so on
 * PostgreSQL each statement left a dead row version per community it wrote: 1.39 million after a
 * year of records written month by month, unit by unit (2.64 million records, 36,000 transactions;
 * docs/benchmarks.md), all of it work for autovacuum. The set is the same. Frozen: imports no app
 * code.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** Whether community `x`'s latest record has a start date (as in 0032). */
const LATEST_STARTED = (x: string) =>
  `(select r.start_date from progress as r where r.community_id = ${x} order by r.period desc limit 1) is not null`;

const SETTINGS = 'set jit = off set enable_seqscan = off set search_path from current';

/**
 * The trigger bodies: this migration's (`sparing`) or 0032's, restored by `down`. Not `insert or
 * ignore`: inside a trigger SQLite applies the outer statement's conflict handling instead, and an
 * upsert's is to fail.
 */
function sqliteTriggers(sparing: boolean): string[] {
  const body = (x: string) =>
    sparing
      ? `delete from started_communities where community_id = ${x} and not ${LATEST_STARTED(x)}; insert into started_communities (community_id) select ${x} where ${LATEST_STARTED(x)} and not exists (select 1 from started_communities where community_id = ${x});`
      : `delete from started_communities where community_id = ${x}; insert into started_communities (community_id) select ${x} where ${LATEST_STARTED(x)};`;
  return [
    `create trigger started_record_in after insert on progress for each row begin ${body('NEW.community_id')} end`,
    `create trigger started_record_out after delete on progress for each row begin ${body('OLD.community_id')} end`,
    `create trigger started_record_changed after update of start_date on progress for each row when OLD.start_date is not NEW.start_date begin ${body('NEW.community_id')} end`,
  ];
}

function postgresFunction(sparing: boolean): string {
  const body = sparing
    ? [
        `delete from started_communities as s where s.community_id = any(array(select community_id from changed)) and not ${LATEST_STARTED('s.community_id')}`,
        `insert into started_communities (community_id) select x.community_id from (select distinct community_id from changed) as x where ${LATEST_STARTED('x.community_id')} on conflict (community_id) do nothing`,
      ]
    : [
        `delete from started_communities where community_id = any(array(select community_id from changed))`,
        `insert into started_communities (community_id) select x.community_id from (select distinct community_id from changed) as x where ${LATEST_STARTED('x.community_id')}`,
      ];
  return `create or replace function started_sync() returns trigger language plpgsql ${SETTINGS} as $$ begin ${body.map((s) => `${s};`).join(' ')} return null; end $$`;
}

async function replace(db: Kysely<unknown>, pg: boolean, sparing: boolean): Promise<void> {
  if (pg) {
    // The triggers call the function by name: replacing it is enough.
    await sql.raw(postgresFunction(sparing)).execute(db);
    return;
  }
  for (const name of ['started_record_in', 'started_record_out', 'started_record_changed'])
    await sql.raw(`drop trigger ${name}`).execute(db);
  for (const s of sqliteTriggers(sparing)) await sql.raw(s).execute(db);
}

export function up(dialect: Dialect) {
  return (db: Kysely<unknown>) => replace(db, dialect === 'postgres', true);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await replace(db, db.getExecutor().adapter instanceof PostgresAdapter, false);
}
