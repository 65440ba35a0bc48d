/**
 * The progress-table benchmark: the national progress table (全国城镇老旧小区改造进展情况) for
 * plan year 2022 as at December, through progressTable (the service the API calls) against the
 * same statements written by hand and sent straight to the engine (better-sqlite3 statements
 * prepared once; pg on a pool like the app's).
 *
 * The data: the ledger that benchmark 1 imported, with a year of monthly records (January to
 * December of its plan year) for every community of every plan year — 12 × 220,000 rows at full
 * size, 12 × ≈ 52,000 of them in 2022 — generated in SQL, and every province's 2022 plan frozen in a
 * submitted snapshot by the declarations module's own code. Both sides issue: the country's region,
 * its province-level units, the progress aggregate, and the submitted snapshots (each parsed and
 * counted, as the table needs its 计划 columns from them).
 */
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../server/src/bootstrap.ts';
import { createDb, isPostgresUrl, sqlitePath } from '../server/src/db/create-db.ts';
import { subtreeBounds } from '../server/src/db/under-path.ts';
import {
  periodEnd,
  progressRow,
  sumMeasures,
  type ProgressMeasures,
} from '../server/src/domain/progress.ts';
import * as declarations from '../server/src/modules/declarations/declarations.repository.ts';
import { currentContent } from '../server/src/modules/declarations/declarations.units.ts';
import { progressTable } from '../server/src/modules/progress/progress.service.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';
import { postgresParts } from './databases.ts';
import { alternatingMedians } from './alternate.ts';

export const PROGRESS_QUERY = { scope: 'all', year: 2022, month: 12 } as const;

const two = (n: string) => `case when ${n} < 10 then '0' else '' end || cast(${n} as text)`;
/**
 * A year of monthly records a community, from its plan year's January to December: a start in one
 * of the first ten months (one community in 37 never starts), completion six months after the start
 * for a third of them, investment and pipelines growing month by month, elevators and
 * elderly-care / childcare facilities for some. Integer arithmetic only, so both engines write the
 * same rows.
 */
const SEED_PROGRESS = `
with recursive months(n) as (select 1 union all select n + 1 from months where n < 12),
  c as (select id, plan_year, households, buildings, investment_yuan,
          1 + (id * 7) % 10 as s, case when id % 37 = 0 then 0 else 1 end as started
        from communities)
insert into progress (community_id, period, start_date, completion_date, investment_done_yuan,
  pipelines_m, elevators, elderly_care, childcare, username, updated_at)
select c.id,
  cast(c.plan_year as text) || '-' || ${two('m.n')},
  case when c.started = 1 and m.n >= c.s
    then cast(c.plan_year as text) || '-' || ${two('c.s')} || '-' || ${two('1 + c.id % 28')} end,
  case when c.started = 1 and c.id % 3 = 0 and m.n >= c.s + 6
    then cast(c.plan_year as text) || '-' || ${two('c.s + 6')} || '-15' end,
  case when c.started = 1 and m.n >= c.s then c.investment_yuan * (m.n - c.s + 1) / 12 else 0 end,
  case when c.started = 1 and m.n >= c.s then c.buildings * 40 * (m.n - c.s + 1) else 0 end,
  case when c.started = 1 and c.id % 5 = 0 and m.n >= c.s + 2 then 1 + c.buildings / 4 else 0 end,
  case when c.started = 1 and c.id % 11 = 0 and m.n >= c.s + 3 then 1 else 0 end,
  case when c.started = 1 and c.id % 13 = 0 and m.n >= c.s + 3 then 1 else 0 end,
  'bench', '2023-01-10T00:00:00.000Z'
from c cross join months as m`;

/** Seeds the monthly records and the provinces' submitted 2022 plans into the imported ledger. */
export async function seedProgress(url: string) {
  const app = await openDatabase(url);
  try {
    const db = app.db;
    const t = performance.now();
    await sql.raw(SEED_PROGRESS).execute(db);
    const provinces = await db
      .selectFrom('regions')
      .selectAll()
      .where('level', '=', 'province')
      .orderBy('code')
      .execute();
    const at = '2022-03-31T08:00:00.000Z';
    for (const region of provinces) {
      const { content, hash } = await currentContent(db, region, 'province', PROGRESS_QUERY.year);
      if (!content.communities.length) continue;
      await declarations.insertSnapshot(db, {
        unit: region.code,
        year: PROGRESS_QUERY.year,
        kind: 'submission',
        version: 1,
        hash,
        content,
        by: 'bench',
        at,
      });
      await declarations.saveDeclaration(db, {
        unit_code: region.code,
        plan_year: PROGRESS_QUERY.year,
        level: 'province',
        state: 'accepted',
        version: 1,
        internal_deadline: null,
        submitted_at: at,
        updated_at: at,
      });
    }
    // PostgreSQL's autovacuum analyses a table after this many new rows; do it now, not mid-run.
    // SQLite has no such thing and the application never runs ANALYZE: it stays without.
    // Under migration 0030's row triggers a year written in one statement updated each monthly
    // figure row some 75 times inside one transaction, where no vacuum can reach the old versions:
    // 2.5 million dead versions and each live row on a page of its own (560 MB for 175,000 rows).
    // Since 0036 the statement writes each figure row once (33 MB, no dead versions:
    // docs/deploy.md), and the compaction below has little left to do. Month-ends, with vacuum
    // between them, left 75 MB under 0030 (docs/benchmarks.md, "A year written month by month").
    // Compacted, as docs/deploy.md says to after such a bulk load; the uncompacted state was
    // measured too (docs/benchmarks.md, "frozen plans counted once").
    if (app.dialect === 'postgres') {
      await sql`vacuum full progress_figures`.execute(db);
      await sql`analyze`.execute(db);
    }
    const rows = await db
      .selectFrom('progress')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { ms: performance.now() - t, value: { progressRows: Number(rows.n) } };
  } finally {
    await app.destroy();
  }
}

export type Sql = (n: number) => string;
const REGION = (p: Sql) => `select * from regions where code = ${p(1)}`;
const UNITS = (p: Sql) =>
  `select code, name from regions where parent_code = ${p(1)} and level = ${p(2)} order by code`;
const started = (p: Sql, n: number) => `r.start_date is not null and r.start_date <= ${p(n)}`;
const AGGREGATE = (p: Sql) => `select substr(c.region_path, 9, 6) as unit,
  count(*) as plan_communities, sum(c.households) as plan_households,
  sum(case when ${started(p, 1)} then 1 else 0 end) as started_communities,
  sum(case when ${started(p, 2)} then c.households else 0 end) as started_households,
  sum(case when r.completion_date is not null and r.completion_date <= ${p(3)} then 1 else 0 end) as completed_communities,
  sum(coalesce(r.investment_done_yuan, 0)) as investment_done_yuan,
  sum(coalesce(r.elevators, 0)) as elevators,
  sum(coalesce(r.pipelines_m, 0)) as pipelines_m,
  sum(coalesce(r.elderly_care, 0) + coalesce(r.childcare, 0)) as elderly_childcare
from communities as c
left join (select p.community_id, max(p.period) as period from progress as p
           where p.period <= ${p(4)} group by p.community_id) as l on l.community_id = c.id
left join progress as r on r.community_id = l.community_id and r.period = l.period
where c.region_path >= ${p(5)} and c.region_path < ${p(6)} and c.plan_year = ${p(7)}
  and exists (select pc.project_id from project_communities as pc
              inner join projects as pj on pj.id = pc.project_id
              where pc.community_id = c.id and pj.pool = ${p(8)})
group by substr(c.region_path, 9, 6)`;
const SNAPSHOTS = (p: Sql) => `select d.unit_code as province, s.content
from declarations as d
inner join regions as g on g.code = d.unit_code
inner join declaration_snapshots as s
  on s.unit_code = d.unit_code and s.plan_year = d.plan_year and s.version = d.version
where d.plan_year = ${p(1)} and d.level = ${p(2)} and d.state in (${p(3)}, ${p(4)})
  and s.kind = ${p(5)} and g.path like ${p(6)}`;

interface AggregateRow {
  unit: string;
  plan_communities: number;
  plan_households: number;
  started_communities: number;
  started_households: number;
  completed_communities: number;
  investment_done_yuan: number;
  elevators: number;
  pipelines_m: number;
  elderly_childcare: number;
}

/** What the raw side hands back: the units, their measures, and each province's frozen plan. */
export interface RawTable {
  units: { code: string; name: string }[];
  measures: AggregateRow[];
  frozen: Map<string, { communities: number; households: number }>;
}

const { year, month } = PROGRESS_QUERY;
const period = `${year}-${String(month).padStart(2, '0')}`;
const monthEnd = periodEnd(period);

/** Each snapshot parsed and its communities and households counted. */
function countFrozen(rows: { province: string; content: string }[]) {
  const frozen = new Map<string, { communities: number; households: number }>();
  for (const r of rows) {
    const { communities } = JSON.parse(r.content) as { communities: { households: number }[] };
    let households = 0;
    for (const c of communities) households += c.households;
    frozen.set(r.province, { communities: communities.length, households });
  }
  return frozen;
}

export interface RawEngine {
  table: () => Promise<RawTable>;
  /** The aggregation over the ledger and its records alone: what the maintained figures replace. */
  aggregate: () => Promise<unknown>;
  close: () => Promise<void>;
}

const AGGREGATE_ARGS = [
  monthEnd,
  monthEnd,
  monthEnd,
  period,
  ...subtreeBounds('/000000/'),
  year,
  'implement',
];

function rawSqlite(url: string): RawEngine {
  const db = new SQLite(sqlitePath(url), { readonly: true });
  const p: Sql = () => '?';
  const region = db.prepare(REGION(p));
  const units = db.prepare(UNITS(p));
  const aggregate = db.prepare(AGGREGATE(p));
  const snapshots = db.prepare(SNAPSHOTS(p));
  return {
    table: async () => {
      const r = region.get('000000') as { code: string; path: string };
      const u = units.all(r.code, 'province') as RawTable['units'];
      const measures = aggregate.all(
        ...[monthEnd, monthEnd, monthEnd, period, ...subtreeBounds(r.path), year, 'implement'],
      ) as AggregateRow[];
      const plans = snapshots.all(
        year,
        'province',
        'submitted',
        'accepted',
        'submission',
        `${r.path}%`,
      );
      return {
        units: u,
        measures,
        frozen: countFrozen(plans as { province: string; content: string }[]),
      };
    },
    aggregate: async () => aggregate.all(...AGGREGATE_ARGS),
    close: async () => void db.close(),
  };
}

function rawPostgres(url: string): RawEngine {
  const { connectionString, schema } = postgresParts(url);
  const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${schema}` });
  const p: Sql = (n) => `$${n}`;
  return {
    table: async () => {
      const r = (await pool.query<{ code: string; path: string }>(REGION(p), ['000000'])).rows[0]!;
      const u = (await pool.query<{ code: string; name: string }>(UNITS(p), [r.code, 'province']))
        .rows;
      const measures = (
        await pool.query<AggregateRow>(AGGREGATE(p), [
          monthEnd,
          monthEnd,
          monthEnd,
          period,
          ...subtreeBounds(r.path),
          year,
          'implement',
        ])
      ).rows;
      const plans = await pool.query<{ province: string; content: string }>(SNAPSHOTS(p), [
        year,
        'province',
        'submitted',
        'accepted',
        'submission',
        `${r.path}%`,
      ]);
      return { units: u, measures, frozen: countFrozen(plans.rows) };
    },
    aggregate: async () => (await pool.query(AGGREGATE(p), AGGREGATE_ARGS)).rows,
    close: () => pool.end(),
  };
}

/** The progress table's statements by hand, on the engine of `url`. */
export const rawProgressEngine = (url: string): RawEngine =>
  isPostgresUrl(url) ? rawPostgres(url) : rawSqlite(url);

/** The raw side's answer as the table's rows (outside the timing), to compare with the service's. */
function rawRows(t: RawTable): (string | number)[][] {
  const byUnit = new Map(t.measures.map((m) => [m.unit, m]));
  const measures = t.units.map((u) => {
    const m = byUnit.get(u.code);
    const f = t.frozen.get(u.code);
    const x: ProgressMeasures = {
      planCommunities: Number(f ? f.communities : (m?.plan_communities ?? 0)),
      planHouseholds: Number(f ? f.households : (m?.plan_households ?? 0)),
      startedCommunities: Number(m?.started_communities ?? 0),
      startedHouseholds: Number(m?.started_households ?? 0),
      completedCommunities: Number(m?.completed_communities ?? 0),
      investmentDoneYuan: Number(m?.investment_done_yuan ?? 0),
      elevators: Number(m?.elevators ?? 0),
      pipelinesM: Number(m?.pipelines_m ?? 0),
      elderlyChildcare: Number(m?.elderly_childcare ?? 0),
    };
    return { name: u.name, m: x };
  });
  return [
    ...measures.map((x) => progressRow(x.name, x.m)),
    progressRow('合计', sumMeasures(measures.map((x) => x.m))),
  ];
}

/** Medians (ms) of `runs` alternating runs of each side, after `warmup` runs of each. */
export async function measureProgressTable(url: string, runs: number, warmup = 3) {
  const app = await createDb(url);
  const raw = rawProgressEngine(url);
  try {
    const q = PROGRESS_QUERY;
    const service = () => progressTable(app.db, SYSTEM_ACTOR, q.scope, q.year, q.month);
    // The hand-written SQL must answer what the service answers, or the comparison means nothing.
    const [a, b] = [await service(), rawRows(await raw.table())];
    if (JSON.stringify(a.rows) !== JSON.stringify(b))
      throw new Error(`raw SQL differs from progressTable: ${JSON.stringify({ a: a.rows, b })}`);
    const total = a.rows.at(-1)!;
    if (!(Number(total[1]) > 0 && Number(total[3]) > 0))
      throw new Error(`an empty table measures nothing: ${JSON.stringify(total)}`);
    // Timed against the aggregation over the ledger alone (issue 14 §1).
    const { ms, rawMs, serviceMinMs, rawMinMs } = await alternatingMedians(
      service,
      () => raw.aggregate(),
      runs,
      warmup,
    );
    return {
      ms,
      rawMs,
      detail: {
        runs,
        total,
        serviceMinMs,
        rawMinMs,
      },
    };
  } finally {
    await raw.close();
    await app.destroy();
  }
}
