/**
 * Maintained figures (issue 14 §1): the national views answer from sums kept as the records
 * change, not from a scan of every community.
 *
 * - `figure_members`: each community in a plan (a member of a project in the 实施 pool), with the
 *   values its figures depend on (where it is, its plan year, class, build year and measures).
 * - `plan_figures`: per place (path, county, prefecture-level unit), plan year, class and build-year
 *   bucket (the plan year's policy cut-off), the plan table's five measures.
 * - `progress_figures`: per place, plan year and month, the change that month of the progress
 *   table's measures: each record's values less those of the community's record before it. The
 *   figures as at a month end are the sum over the months up to it; as the latest record of each
 *   community is what the progress table counts, the two are equal.
 *
 * Triggers keep all three in the same transaction as every write: to the communities, to project
 * membership and pools, to progress records and to the plan policies. The statements are the same
 * on both engines; SQLite runs them after each row, PostgreSQL (whose row triggers after a statement
 * see the whole statement's rows) runs the progress ones before each row, after locking the
 * community, so that two writers of one community take turns.
 *
 * A record's dates may not lie after its month (the domain refuses them already): the figures count
 * a start or completion from the record's month, as the progress table does for every record that
 * keeps to that. Frozen: imports no app code.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.ts';

/** 十四五's completion target counts communities built by the end of 2000 (domain/five-year.ts). */
const COMPLETION_CUTOFF_YEAR = 2000;

const PLACE = ['region_path', 'region_code', 'prefecture_code'] as const;
const MEMBER_VALUES = [
  ...PLACE,
  'plan_year',
  'area_class',
  'build_year',
  'households',
  'buildings',
  'floor_area_centi',
  'investment_yuan',
] as const;
const PLAN_MEASURES = [
  'communities',
  'households',
  'buildings',
  'floor_area_centi',
  'investment_yuan',
] as const;

/** One measure of a record `x` weighed by its member `m`; a missing record (null) gives 0. */
const PROGRESS_MEASURES: [string, (x: string, m: string) => string][] = [
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
  ].map((c): [string, (x: string) => string] => [c, (x) => `coalesce(${x}.${c}, 0)`]),
];

// ---- the statements, shared by both engines ------------------------------------------------

/** The plan year's cut-off: its own policy's, else the latest earlier one's, else the first's. */
const cutoffOf = (m: string) =>
  `coalesce((select pp.cutoff_year from plan_policies pp where pp.plan_year <= ${m}.plan_year order by pp.plan_year desc limit 1), (select pp.cutoff_year from plan_policies pp order by pp.plan_year limit 1))`;
const bucketOf = (m: string) =>
  `case when ${m}.build_year <= ${cutoffOf(m)} then 'before' else 'after' end`;

const PLAN_KEY = [...PLACE, 'plan_year', 'area_class', 'bucket'];
const PROGRESS_KEY = [...PLACE, 'plan_year', 'period'];

const upsert = (table: string, key: string[], measures: readonly string[], select: string) =>
  `insert into ${table} (${[...key, ...measures].join(', ')}) ${select} on conflict (${key.join(', ')}) do update set ${measures
    .map((c) => `${c} = ${table}.${c} + excluded.${c}`)
    .join(', ')}`;

/**
 * The member rows a statement works on, as `m`: on SQLite the trigger's one row (`NEW`, `OLD`), on
 * PostgreSQL a statement trigger's transition table.
 */
const oneMember = (row: 'NEW' | 'OLD') =>
  `(select ${['community_id', ...MEMBER_VALUES].map((v) => `${row}.${v} as ${v}`).join(', ')}) m`;
const MEMBERS = { NEW: oneMember('NEW'), OLD: oneMember('OLD') };

/** Adds (sign 1) or takes away (-1) the plan measures of the members `m` of `from`. */
const addPlan = (from: string, sign: 1 | -1) =>
  upsert(
    'plan_figures',
    PLAN_KEY,
    PLAN_MEASURES,
    `select ${PLAN_KEY.join(', ')}, ${sign} * count(*), ${sign} * sum(households), ${sign} * sum(buildings), ${sign} * sum(floor_area_centi), ${sign} * sum(investment_yuan) from (select m.*, ${bucketOf('m')} as bucket from ${from}) b where true group by ${PLAN_KEY.join(', ')}`,
  );

const PROGRESS_COLUMNS = PROGRESS_MEASURES.map(([c]) => c);
const placeOf = (m: string) => `${PLACE.map((c) => `${m}.${c}`).join(', ')}, ${m}.plan_year`;

/** Adds or takes away every record's change of the communities of the members `m` of `from`. */
const addProgressAll = (from: string, sign: 1 | -1) => {
  const values = PROGRESS_MEASURES.map(([c, f]) => `${f('r', 'm')} as ${c}`).join(', ');
  const changes = PROGRESS_COLUMNS.map(
    (c) => `${c} - coalesce(lag(${c}) over (partition by community_id order by period), 0) as ${c}`,
  ).join(', ');
  return upsert(
    'progress_figures',
    PROGRESS_KEY,
    PROGRESS_COLUMNS,
    `select ${PROGRESS_KEY.join(', ')}, ${PROGRESS_COLUMNS.map((c) => `${sign} * sum(${c})`).join(', ')} from (select ${PROGRESS_KEY.join(', ')}, ${changes} from (select ${placeOf('m')}, r.community_id, r.period, ${values} from ${from} join progress r on r.community_id = m.community_id) v) d where true group by ${PROGRESS_KEY.join(', ')}`,
  );
};

/** The record of community `${x}.community_id` just before `${x}.period`, joined as `p`. */
const previous = (x: string) =>
  `left join progress p on p.community_id = m.community_id and p.period = (select max(q.period) from progress q where q.community_id = m.community_id and q.period < ${x}.period)`;
/** The record just after, joined as `n`. */
const following = (x: string) =>
  `join progress n on n.community_id = m.community_id and n.period = (select min(q.period) from progress q where q.community_id = m.community_id and q.period > ${x}.period)`;

/** At `period`, the change `plus` less `minus` of the member `m`'s measures. */
const addChange = (period: string, plus: string, minus: string, from: string, guard = '') =>
  upsert(
    'progress_figures',
    PROGRESS_KEY,
    PROGRESS_COLUMNS,
    `select ${placeOf('m')}, ${period}, ${PROGRESS_MEASURES.map(([, f]) => `(${f(plus, 'm')}) - (${f(minus, 'm')})`).join(', ')} from ${from} where ${guard || 'true'}`,
  );

/** A record `x` comes: its change from the one before, and the one after's change from it. */
const recordIn = (x: string, guard?: string) => [
  addChange(
    `${x}.period`,
    x,
    'p',
    `figure_members m ${previous(x)}`,
    `m.community_id = ${x}.community_id${guard ?? ''}`,
  ),
  addChange(
    'n.period',
    'p',
    x,
    `figure_members m ${following(x)} ${previous(x)}`,
    `m.community_id = ${x}.community_id${guard ?? ''}`,
  ),
];
/** A record `x` goes: the reverse. */
const recordOut = (x: string) => [
  addChange(
    `${x}.period`,
    'p',
    x,
    `figure_members m ${previous(x)}`,
    `m.community_id = ${x}.community_id`,
  ),
  addChange(
    'n.period',
    x,
    'p',
    `figure_members m ${following(x)} ${previous(x)}`,
    `m.community_id = ${x}.community_id`,
  ),
];
/** A record's values change (its key stays): the change at its month, and the next one's. */
const recordChanged = [
  addChange('NEW.period', 'NEW', 'OLD', 'figure_members m', 'm.community_id = NEW.community_id'),
  addChange(
    'n.period',
    'OLD',
    'NEW',
    `figure_members m ${following('NEW')}`,
    'm.community_id = NEW.community_id',
  ),
];

// `offset 0` keeps PostgreSQL from turning the test into a join over every link of the pool:
// asked once per community of a batch, it is one index look-up each.
const IMPLEMENTED = (id: string) =>
  `exists (select 1 from project_communities pc join projects pj on pj.id = pc.project_id where pc.community_id = ${id} and pj.pool = 'implement' limit 1 offset 0)`;

/** Brings the members of the communities `ids` (a subquery or one id) in line with their projects. */
const syncMembers = (ids: string) => {
  // A statement trigger's links: each id looked up by index (`= any`), however many the table
  // is believed to hold. A row trigger's one id or subquery: `in`.
  const among = ids.includes(' from links')
    ? (col: string) => `${col} = any(array(${ids}))`
    : (col: string) => `${col} in (${ids})`;
  return [
    `delete from figure_members where ${among('community_id')} and not ${IMPLEMENTED('figure_members.community_id')}`,
    `insert into figure_members (community_id, ${MEMBER_VALUES.join(', ')}) select c.id, ${MEMBER_VALUES.map((v) => `c.${v}`).join(', ')} from communities c where ${among('c.id')} and ${IMPLEMENTED('c.id')} and not exists (select 1 from figure_members f where f.community_id = c.id)`,
  ];
};

const MEMBER_CHANGED = MEMBER_VALUES.map((v) => `OLD.${v} is distinct from NEW.${v}`).join(' or ');
const copyToMember = `update figure_members set ${MEMBER_VALUES.map((v) => `${v} = NEW.${v}`).join(', ')} where community_id = NEW.id`;

const rebuildPlan = [
  'delete from plan_figures',
  `insert into plan_figures (${[...PLAN_KEY, ...PLAN_MEASURES].join(', ')}) select ${PLAN_KEY.join(', ')}, count(*), sum(households), sum(buildings), sum(floor_area_centi), sum(investment_yuan) from (select m.*, ${bucketOf('m')} as bucket from figure_members m) b group by ${PLAN_KEY.join(', ')}`,
];

/** A record's dates lie within its month (`x` is a row name with its dot, or '' in a CHECK). */
const DATES_WITHIN = (x = '') =>
  `(${x}start_date is null or ${x}start_date <= ${x}period || '-31') and (${x}completion_date is null or ${x}completion_date <= ${x}period || '-31')`;

interface Trigger {
  name: string;
  table: string;
  /** SQLite's timing and event (PostgreSQL's may differ: `pg`). */
  on: string;
  when?: string;
  body: string[];
  pg?: {
    on?: string;
    /** For each statement, with these transition tables (else for each row). */
    statement?: string;
    /** The communities to lock first (a condition on `communities`). */
    lock?: string;
    returns?: 'NEW' | 'OLD';
    body?: string[];
  };
}

const TRIGGERS: Trigger[] = [
  {
    name: 'figures_member_in',
    table: 'figure_members',
    on: 'after insert',
    body: [addPlan(MEMBERS.NEW, 1), addProgressAll(MEMBERS.NEW, 1)],
    pg: {
      statement: 'referencing new table as added',
      body: [addPlan('added m', 1), addProgressAll('added m', 1)],
    },
  },
  {
    name: 'figures_member_out',
    table: 'figure_members',
    on: 'after delete',
    body: [addPlan(MEMBERS.OLD, -1), addProgressAll(MEMBERS.OLD, -1)],
    pg: {
      statement: 'referencing old table as removed',
      body: [addPlan('removed m', -1), addProgressAll('removed m', -1)],
    },
  },
  {
    name: 'figures_member_changed',
    table: 'figure_members',
    on: 'after update',
    body: [
      addPlan(MEMBERS.OLD, -1),
      addProgressAll(MEMBERS.OLD, -1),
      addPlan(MEMBERS.NEW, 1),
      addProgressAll(MEMBERS.NEW, 1),
    ],
    pg: {
      statement: 'referencing old table as removed new table as added',
      body: [
        addPlan('removed m', -1),
        addProgressAll('removed m', -1),
        addPlan('added m', 1),
        addProgressAll('added m', 1),
      ],
    },
  },
  {
    name: 'figures_link_in',
    table: 'project_communities',
    on: 'after insert',
    body: syncMembers('NEW.community_id'),
    pg: {
      statement: 'referencing new table as links',
      lock: 'id = any(array(select community_id from links))',
      body: syncMembers('select community_id from links'),
    },
  },
  {
    name: 'figures_link_out',
    table: 'project_communities',
    on: 'after delete',
    body: syncMembers('OLD.community_id'),
    pg: {
      statement: 'referencing old table as links',
      lock: 'id = any(array(select community_id from links))',
      body: syncMembers('select community_id from links'),
    },
  },
  {
    name: 'figures_link_changed',
    table: 'project_communities',
    on: 'after update',
    body: [...syncMembers('OLD.community_id'), ...syncMembers('NEW.community_id')],
    pg: { lock: 'id in (OLD.community_id, NEW.community_id)' },
  },
  {
    name: 'figures_pool_changed',
    table: 'projects',
    on: 'after update',
    when: 'OLD.pool is not NEW.pool',
    body: syncMembers('select community_id from project_communities where project_id = NEW.id'),
    pg: { lock: 'id in (select community_id from project_communities where project_id = NEW.id)' },
  },
  {
    name: 'figures_community_changed',
    table: 'communities',
    on: 'after update',
    when: MEMBER_CHANGED,
    body: [copyToMember],
  },
  {
    name: 'figures_record_in',
    table: 'progress',
    on: 'after insert',
    body: recordIn('NEW'),
    pg: {
      on: 'before insert',
      lock: 'id = NEW.community_id',
      returns: 'NEW',
      // An upsert that meets the key goes on as an update, whose own trigger counts it.
      body: recordIn(
        'NEW',
        ' and not exists (select 1 from progress e where e.community_id = NEW.community_id and e.period = NEW.period)',
      ),
    },
  },
  {
    name: 'figures_record_out',
    table: 'progress',
    on: 'after delete',
    body: recordOut('OLD'),
    pg: { on: 'before delete', lock: 'id = OLD.community_id', returns: 'OLD' },
  },
  {
    name: 'figures_record_changed',
    table: 'progress',
    on: 'after update',
    body: recordChanged,
    pg: { on: 'before update', lock: 'id = NEW.community_id', returns: 'NEW' },
  },
  ...['insert', 'update', 'delete'].map((event): Trigger => ({
    name: `figures_policy_${event}`,
    table: 'plan_policies',
    on: `after ${event}`,
    body: rebuildPlan,
    pg: { body: ['lock table figure_members in share mode', ...rebuildPlan] },
  })),
];

// ---- SQLite ----------------------------------------------------------------------------------

function sqliteTriggers(): string[] {
  const out = TRIGGERS.map(
    (t) =>
      `create trigger ${t.name} ${t.on} on ${t.table} for each row${t.when ? ` when ${t.when}` : ''} begin ${t.body.map((s) => `${s};`).join(' ')} end`,
  );
  const refuse = (event: string, x: string) =>
    `create trigger figures_record_dates_${event} before ${event} on progress for each row when not (${DATES_WITHIN(`${x}.`)}) begin select raise(abort, '开工、完工日期不能晚于报告期末'); end`;
  out.push(refuse('insert', 'NEW'), refuse('update', 'NEW'));
  out.push(
    `create trigger figures_record_key before update of community_id, period on progress for each row when OLD.community_id is not NEW.community_id or OLD.period is not NEW.period begin select raise(abort, '进展记录的小区和报告期不能修改'); end`,
  );
  return out;
}

// ---- PostgreSQL ------------------------------------------------------------------------------

function postgresTriggers(): string[] {
  const out: string[] = [];
  for (const t of TRIGGERS) {
    const on = t.pg?.on ?? t.on;
    const body = t.pg?.body ?? t.body;
    const lock = t.pg?.lock
      ? `perform 1 from communities where ${t.pg.lock} for no key update; `
      : '';
    const returns = t.pg?.returns ?? 'null';
    // A trigger's look-ups are planned while the tables may still be small or unanalysed (an
    // import's first batches): a scan chosen then would make a bulk write quadratic, so they
    // take the indexes. And the planner's cost for a disabled scan would start JIT compilation,
    // which costs more than any one call.
    // The tables are the migration's own schema's, whatever the writer's search_path.
    const settings = 'set jit = off set enable_seqscan = off set search_path from current';
    const keyGuard =
      t.name === 'figures_record_changed'
        ? `if OLD.community_id is distinct from NEW.community_id or OLD.period is distinct from NEW.period then raise exception '进展记录的小区和报告期不能修改'; end if; `
        : '';
    out.push(
      `create function ${t.name}() returns trigger language plpgsql ${settings} as $$ begin ${keyGuard}${lock}${body.map((s) => `${s};`).join(' ')} return ${returns}; end $$`,
    );
    const when = t.when ? ` when (${t.when.replaceAll(' is not ', ' is distinct from ')})` : '';
    const each = t.pg?.statement ? `${t.pg.statement} for each statement` : 'for each row';
    out.push(
      `create trigger ${t.name} ${on} on ${t.table} ${each}${when} execute function ${t.name}()`,
    );
  }
  out.push(
    `alter table progress add constraint progress_dates_within_period check (${DATES_WITHIN()})`,
  );
  return out;
}

// ---- tables ------------------------------------------------------------------------------------

async function createTables(db: Kysely<unknown>, pg: boolean): Promise<void> {
  const path = pg ? 'varchar(64) collate "C"' : 'varchar(64)';
  const big = pg ? 'bigint' : 'integer';
  const place = `region_path ${path} not null, region_code varchar(6) not null, prefecture_code varchar(6) not null, plan_year integer not null`;
  await sql
    .raw(
      `create table figure_members (community_id integer primary key, ${place}, area_class varchar(12) not null, build_year integer not null, households integer not null, buildings integer not null, floor_area_centi ${big} not null, investment_yuan ${big} not null)`,
    )
    .execute(db);
  await sql
    .raw(
      `create table plan_figures (${place}, area_class varchar(12) not null, bucket varchar(6) not null, communities integer not null, households ${big} not null, buildings ${big} not null, floor_area_centi ${big} not null, investment_yuan ${big} not null, primary key (${PLAN_KEY.join(', ')}))`,
    )
    .execute(db);
  await sql
    .raw(
      `create table progress_figures (${place}, period varchar(7) not null, ${PROGRESS_COLUMNS.map((c) => `${c} ${big} not null`).join(', ')}, primary key (${PROGRESS_KEY.join(', ')}))`,
    )
    .execute(db);
  // The views read a plan year under a path.
  await sql`create index plan_figures_year on plan_figures (plan_year, region_path)`.execute(db);
  await sql`create index progress_figures_year on progress_figures (plan_year, region_path, period)`.execute(
    db,
  );
}

export function up(dialect: Dialect) {
  return async (db: Kysely<unknown>): Promise<void> => {
    const pg = dialect === 'postgres';
    const late = await sql<{ n: number }>`select count(*) as n from progress where not (${sql.raw(
      DATES_WITHIN('progress.'),
    )})`.execute(db);
    if (Number(late.rows[0]?.n) > 0)
      throw new Error(
        `有 ${late.rows[0]?.n} 条进展记录的开工或完工日期晚于其报告期末，请先更正后再升级（select community_id, period from progress where start_date > period || '-31' or completion_date > period || '-31'）`,
      );
    await createTables(db, pg);
    for (const statement of pg ? postgresTriggers() : sqliteTriggers())
      await sql.raw(statement).execute(db);
    // The members come in through their trigger, which adds their figures.
    await sql
      .raw(
        `insert into figure_members (community_id, ${MEMBER_VALUES.join(', ')}) select c.id, ${MEMBER_VALUES.map((v) => `c.${v}`).join(', ')} from communities c where ${IMPLEMENTED('c.id')}`,
      )
      .execute(db);
  };
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const names = [
    ...TRIGGERS.map((t) => [t.name, t.table]),
    ...(pg
      ? []
      : [
          ['figures_record_dates_insert', 'progress'],
          ['figures_record_dates_update', 'progress'],
          ['figures_record_key', 'progress'],
        ]),
  ];
  for (const [name, table] of names) {
    await sql.raw(pg ? `drop trigger ${name} on ${table}` : `drop trigger ${name}`).execute(db);
    if (pg) await sql.raw(`drop function ${name}()`).execute(db);
  }
  if (pg) await sql`alter table progress drop constraint progress_dates_within_period`.execute(db);
  for (const table of ['progress_figures', 'plan_figures', 'figure_members'])
    await sql.raw(`drop table ${table}`).execute(db);
}
