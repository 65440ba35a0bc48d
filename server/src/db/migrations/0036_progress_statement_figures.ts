/**
 * PostgreSQL: the progress figures (migration 0030) kept once per statement, not once per record
 * (issue 14 §4: a month's progress of 40,000 communities imported within 3 × the project list of
 * the same communities). 0030 runs three SQL statements in a row trigger for every record written;
 * an import of 40,000 records spent 3.2 s in them. SQLite keeps 0030's row triggers: it has no
 * transition tables, and there a row trigger costs no more than its statements.
 *
 * A statement's records can no longer be counted one by one as they come: an upsert (`insert … on
 * conflict do update`) fires an update trigger with the rows it updated and an insert trigger with
 * those it inserted, each seeing only its own, and a record's change is measured from the record
 * before it, which the other may have written. So every statement on `progress` counts itself
 * open before it runs (`figures_records_open`, before each statement: an upsert counts twice), and
 * each of its after-statement triggers closes one. One that leaves others open puts the records as
 * they were before the statement (its old rows; for an inserted record, that there was none) in a
 * setting of the session (a function's own settings would undo a transaction-local one as it
 * returns; a transaction rolled back undoes either); the last one adds, for every community any of them touched, the
 * figures of its records now less those of its records before the statement, and empties the
 * setting. After-statement triggers run when the whole statement (with its CTEs, and any statement
 * a trigger of it ran) is done, so the last one sees everything the others put aside.
 *
 * A row trigger still locks each record's community before the record is written, as 0030 did
 * (and counts nothing): a second writer of one community waits before it holds the record's key, then
 * reads the first's records as committed; and a statement locks its communities in its rows' order,
 * not in two batches (an upsert's updated rows, then its inserted ones), which let two upserts
 * deadlock. The started communities' triggers of the same events (0033) rely on these locks too. A
 * record's key may still not change (a row trigger that runs only when it does).
 *
 * Deletions keep 0030's row trigger: a community deleted deletes its records through its foreign
 * key, whose after-statement triggers PostgreSQL runs only when the whole deletion is done, after
 * the community has left the plan; a row trigger counts them at once. Counting at once, it would
 * read records an open statement has written but not yet counted, so a deletion is refused while a
 * statement on `progress` is open (a CTE or a MERGE that deletes beside an insert or update). For
 * the same reason a statement may not both write records and change the plan's members: the
 * members' triggers refuse while a statement on `progress` is open.
 *
 * Not counted exactly: a statement on `progress` run from inside another (a function it calls)
 * that writes a record the outer one also writes. The record's value before both is the earlier
 * statement's old row, and the order of the two is not known to the triggers. No module does this;
 * `gaizao verify` would find it and `--rebuild-figures` repair it.
 *
 * `down` restores 0030's row triggers, whose functions this migration leaves in place. Frozen:
 * imports no app code; the measures are 0030's.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** 十四五's completion target counts communities built by the end of 2000 (as in 0030). */
const COMPLETION_CUTOFF_YEAR = 2000;
const SETTINGS = 'set jit = off set enable_seqscan = off set search_path from current';

const KEY = ['region_path', 'region_code', 'prefecture_code', 'plan_year', 'period'];
/** A record's values the figures read, with their types (0005's columns). */
const VALUES: [string, string][] = [
  ['start_date', 'varchar(10)'],
  ['completion_date', 'varchar(10)'],
  ...[
    'investment_done_yuan',
    'pipelines_m',
    'elevators',
    'parking',
    'chargers',
    'elderly_care',
    'childcare',
    'housekeeping',
    'health',
    'energy_area_centi',
  ].map((c): [string, string] => [c, 'bigint']),
];
const VALUE_NAMES = VALUES.map(([c]) => c);

/** 0030's measures of a record `x` weighed by its member `m`. */
const MEASURES: [string, (x: string, m: string) => string][] = [
  ['started_c', (x) => `case when ${x}.start_date is not null then 1 else 0 end`],
  ['started_h', (x, m) => `case when ${x}.start_date is not null then ${m}.households else 0 end`],
  ['completed_c', (x) => `case when ${x}.completion_date is not null then 1 else 0 end`],
  [
    'completed_h',
    (x, m) => `case when ${x}.completion_date is not null then ${m}.households else 0 end`,
  ],
  [
    'completed_before',
    (x, m) =>
      `case when ${x}.completion_date is not null and ${m}.build_year <= ${COMPLETION_CUTOFF_YEAR} then 1 else 0 end`,
  ],
  ...VALUE_NAMES.slice(2).map((c): [string, (x: string) => string] => [c, (x) => `${x}.${c}`]),
];
const MEASURE_NAMES = MEASURES.map(([c]) => c);

const OPEN = `coalesce(nullif(current_setting('gaizao.figures_open', true), ''), '0')::integer`;
const PENDING = `coalesce(nullif(current_setting('gaizao.figures_pending', true), ''), '[]')::jsonb`;

/**
 * The records as they were before the statement, as events (`present`: there was a record, with
 * these values; `seq`: null for this statement's own, which come after every earlier one):
 * an inserted record had none, an updated one its old row (deletions are 0030's row trigger's).
 */
const OWN = {
  inserted: `select community_id, period, false as present, null::integer as seq, ${VALUES.map(([c, t]) => `null::${t} as ${c}`).join(', ')} from added`,
  updated: `select community_id, period, true as present, null::integer as seq, ${VALUE_NAMES.join(', ')} from removed`,
};

/** The events put aside by earlier triggers of the statement, in the order they came. */
const PUT_ASIDE = `select community_id, period, present, seq::integer, ${VALUE_NAMES.join(', ')} from rows from (jsonb_to_recordset(${PENDING}) as (community_id integer, period varchar(7), present boolean, ${VALUES.map(([c, t]) => `${c} ${t}`).join(', ')})) with ordinality as e(community_id, period, present, ${VALUE_NAMES.join(', ')}, seq)`;

/** Adds the events `own` to those put aside. */
const putAside = (own: string) =>
  `perform set_config('gaizao.figures_pending', (${PENDING} || coalesce((select jsonb_agg(to_jsonb(e) - 'seq') from (${own}) e), '[]'::jsonb))::text, false)`;

/**
 * The change in the figures of every touched community: its records now, each less the record
 * before it (sign 1), less the same of its records before the statement (sign -1): those now
 * with each touched key put back as the first event found it.
 */
const addChanges = (own: string) => {
  const series = (sign: number, from: string) =>
    `select ${sign} as sign, ${from}.community_id, ${from}.period, ${VALUE_NAMES.map((c) => `${from}.${c}`).join(', ')}`;
  const values = MEASURES.map(([c, f]) => `${f('s', 'm')} as ${c}`).join(', ');
  const changes = MEASURE_NAMES.map(
    (c) =>
      `sign * (${c} - coalesce(lag(${c}) over (partition by sign, community_id order by period), 0)) as ${c}`,
  ).join(', ');
  return `insert into progress_figures (${[...KEY, ...MEASURE_NAMES].join(', ')})
    with events as (${own} union all ${PUT_ASIDE}),
    firsts as (select distinct on (community_id, period) * from events order by community_id, period, seq nulls last),
    series as (
      ${series(1, 'r')} from progress r where r.community_id = any(touched)
      union all ${series(-1, 'r')} from progress r where r.community_id = any(touched) and not exists (select 1 from firsts f where f.community_id = r.community_id and f.period = r.period)
      union all ${series(-1, 'f')} from firsts f where f.present),
    valued as (select m.region_path, m.region_code, m.prefecture_code, m.plan_year, s.sign, s.community_id, s.period, ${values} from series s join figure_members m on m.community_id = s.community_id),
    changed as (select ${KEY.join(', ')}, ${changes} from valued)
    select ${KEY.join(', ')}, ${MEASURE_NAMES.map((c) => `sum(${c})`).join(', ')} from changed group by ${KEY.join(', ')}
    having ${MEASURE_NAMES.map((c) => `sum(${c}) <> 0`).join(' or ')}
    on conflict (${KEY.join(', ')}) do update set ${MEASURE_NAMES.map((c) => `${c} = progress_figures.${c} + excluded.${c}`).join(', ')}`;
};

/** An after-statement trigger's function: puts its events aside, or, the last, counts them all. */
function closing(name: string, own: string): string {
  return `create function ${name}() returns trigger language plpgsql ${SETTINGS} as $$
    declare open integer := ${OPEN} - 1; touched integer[];
    begin
      perform set_config('gaizao.figures_open', open::text, false);
      if open > 0 then ${putAside(own)}; return null; end if;
      touched := array(select distinct community_id from (select community_id from (${own}) o union all select community_id from (${PUT_ASIDE}) p) t);
      ${addChanges(own)};
      perform set_config('gaizao.figures_pending', '', false);
      return null;
    end $$`;
}

const GUARD = `create function figures_members_guard() returns trigger language plpgsql as $$ begin if ${OPEN} > 0 then raise exception '同一条语句不能既写进展记录又改变计划中的小区'; end if; return null; end $$`;

/** A record's community locked before the record is written (0030's lock, without its counting). */
const LOCK = `create function figures_record_lock() returns trigger language plpgsql ${SETTINGS} as $$ begin perform 1 from communities where id = NEW.community_id for no key update; return NEW; end $$`;

const UP = [
  ...['in', 'changed'].map((t) => `drop trigger figures_record_${t} on progress`),
  `create function figures_records_open() returns trigger language plpgsql ${SETTINGS} as $$ begin perform set_config('gaizao.figures_open', (${OPEN} + 1)::text, false); return null; end $$`,
  closing('figures_records_inserted', OWN.inserted),
  closing('figures_records_updated', OWN.updated),
  `create function figures_record_key() returns trigger language plpgsql as $$ begin raise exception '进展记录的小区和报告期不能修改'; end $$`,
  `create function figures_record_delete_guard() returns trigger language plpgsql as $$ begin raise exception '同一条语句不能既删除进展记录又写入或修改进展记录'; end $$`,
  LOCK,
  GUARD,
  'create trigger figures_record_lock before insert or update on progress for each row execute function figures_record_lock()',
  `create trigger figures_record_delete_guard before delete on progress for each row when (${OPEN} > 0) execute function figures_record_delete_guard()`,
  'create trigger figures_records_open before insert or update on progress for each statement execute function figures_records_open()',
  'create trigger figures_records_inserted after insert on progress referencing new table as added for each statement execute function figures_records_inserted()',
  'create trigger figures_records_updated after update on progress referencing old table as removed new table as added for each statement execute function figures_records_updated()',
  'create trigger figures_record_key before update on progress for each row when (OLD.community_id is distinct from NEW.community_id or OLD.period is distinct from NEW.period) execute function figures_record_key()',
  'create trigger figures_members_guard before insert or update or delete on figure_members for each statement execute function figures_members_guard()',
];

const OURS = [
  'records_open',
  'records_inserted',
  'records_updated',
  'record_key',
  'record_lock',
  'record_delete_guard',
];
const DOWN = [
  ...OURS.map((t) => `drop trigger figures_${t} on progress`),
  'drop trigger figures_members_guard on figure_members',
  ...[...OURS, 'members_guard'].map((t) => `drop function figures_${t}()`),
  'create trigger figures_record_in before insert on progress for each row execute function figures_record_in()',
  'create trigger figures_record_changed before update on progress for each row execute function figures_record_changed()',
];

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    if (dialect !== 'postgres') return;
    for (const s of UP) await sql.raw(s).execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  for (const s of DOWN) await sql.raw(s).execute(db);
}
