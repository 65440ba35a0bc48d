/**
 * The five-year view's benchmark (全国, 十四五): `fiveYearView`, the service the API calls, against
 * the aggregations over the ledger it replaces, by hand: per plan year of 2021–2025 the plan, its
 * started and completed communities (each community's latest record), and per pool the projects,
 * communities and households not yet started. Run on the ledger and records the progress-table
 * benchmark seeds (bench/progress-table.ts).
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createDb, isPostgresUrl, sqlitePath } from '../server/src/db/create-db.ts';
import { subtreeBounds } from '../server/src/db/under-path.ts';
import { fiveYearView } from '../server/src/modules/five-year/five-year.service.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';
import { alternatingMedians } from './alternate.ts';
import { postgresParts } from './databases.ts';
import type { Sql } from './progress-table.ts';

const LATEST = `left join (select p.community_id, max(p.period) as period from progress as p
           group by p.community_id) as l on l.community_id = c.id
left join progress as r on r.community_id = l.community_id and r.period = l.period`;

const PLAN_YEARS = (p: Sql) => `select c.plan_year, count(*) as communities,
  sum(c.households) as households,
  sum(case when r.start_date is not null then 1 else 0 end) as started,
  sum(case when r.completion_date is not null then 1 else 0 end) as completed,
  sum(case when r.completion_date is not null and c.build_year <= 2000 then 1 else 0 end)
    as completed_before
from communities as c
${LATEST}
where c.region_path >= ${p(1)} and c.region_path < ${p(2)}
  and c.plan_year >= 2021 and c.plan_year <= 2025
  and exists (select pc.project_id from project_communities as pc
              inner join projects as pj on pj.id = pc.project_id
              where pc.community_id = c.id and pj.pool = ${p(3)})
group by c.plan_year`;

const POOLS = (p: Sql) => `select pj.pool, count(distinct pj.id) as projects,
  count(distinct c.id) as communities, sum(c.households) as households,
  sum(case when c.build_year <= 2000 then 1 else 0 end) as before_2000
from communities as c
${LATEST}
inner join project_communities as pc on pc.community_id = c.id
inner join projects as pj on pj.id = pc.project_id
where c.region_path >= ${p(1)} and c.region_path < ${p(2)} and r.start_date is null
group by pj.pool`;

interface RawFiveYear {
  years: { plan_year: number; communities: number; started: number; completed: number }[];
  pools: { pool: string; communities: number }[];
}

function rawFiveYearEngine(url: string): {
  read: () => Promise<RawFiveYear>;
  close: () => Promise<void>;
} {
  const bounds = subtreeBounds('/000000/');
  if (!isPostgresUrl(url)) {
    const db = new SQLite(sqlitePath(url), { readonly: true });
    const years = db.prepare(PLAN_YEARS(() => '?'));
    const pools = db.prepare(POOLS(() => '?'));
    return {
      read: async () => ({
        years: years.all(...bounds, 'implement') as RawFiveYear['years'],
        pools: pools.all(...bounds) as RawFiveYear['pools'],
      }),
      close: async () => void db.close(),
    };
  }
  const { connectionString, schema } = postgresParts(url);
  const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${schema}` });
  const p: Sql = (n) => `$${n}`;
  return {
    read: async () => {
      const [years, pools] = await Promise.all([
        pool.query<RawFiveYear['years'][number]>(PLAN_YEARS(p), [...bounds, 'implement']),
        pool.query<RawFiveYear['pools'][number]>(POOLS(p), bounds),
      ]);
      return { years: years.rows, pools: pools.rows };
    },
    close: () => pool.end(),
  };
}

/**
 * The country's five-year view through `fiveYearView` against the raw side above; before the
 * timing, its plan, started and completed communities per year and its pools' communities are
 * compared with the raw side's.
 */
export async function measureFiveYear(url: string, runs: number, warmup = 3) {
  const app = await createDb(url);
  const raw = rawFiveYearEngine(url);
  try {
    const service = () => fiveYearView(app.db, SYSTEM_ACTOR, '000000');
    const [v, r] = [await service(), await raw.read()];
    const serviceYears = v.years
      .filter((y) => y.plan.communities > 0)
      .map((y) => [y.year, y.plan.communities, y.started.communities, y.completed.communities]);
    const rawYears = r.years
      .map((y) => [y.plan_year, y.communities, y.started, y.completed].map(Number))
      .sort((a, b) => a[0]! - b[0]!);
    const rawPooled = r.pools.reduce((s, x) => s + Number(x.communities), 0);
    if (JSON.stringify(serviceYears) !== JSON.stringify(rawYears) || !rawYears.length)
      throw new Error(`five-year years ${JSON.stringify({ serviceYears, rawYears })}`);
    if (v.pools.total.communities !== rawPooled)
      throw new Error(`five-year pools ${v.pools.total.communities}, raw SQL ${rawPooled}`);
    const { ms, rawMs, serviceMinMs, rawMinMs } = await alternatingMedians(
      service,
      () => raw.read(),
      runs,
      warmup,
    );
    return {
      ms,
      rawMs,
      detail: { runs, years: serviceYears, pooled: rawPooled, serviceMinMs, rawMinMs },
    };
  } finally {
    await raw.close();
    await app.destroy();
  }
}
