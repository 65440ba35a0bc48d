/**
 * The ministry's dashboard benchmark (全国, 2022, December): `dashboard`, the service the API calls,
 * against the aggregations over the ledger it replaces, on the ledger and monthly records that the
 * progress-table benchmark seeds (bench/progress-table.ts).
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createDb, isPostgresUrl, sqlitePath } from '../server/src/db/create-db.ts';
import { subtreeBounds } from '../server/src/db/under-path.ts';
import { dashboard } from '../server/src/modules/progress/dashboard.service.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';
import { alternatingMedians } from './alternate.ts';
import { postgresParts } from './databases.ts';
import { PROGRESS_QUERY, rawProgressEngine, type RawTable, type Sql } from './progress-table.ts';

const { year, month } = PROGRESS_QUERY;

/**
 * The raw side of the ministry's dashboard: the progress table's statements (the same units and
 * aggregate, the same snapshots) and completed investment's change month by month over the plan's
 * communities, each record less the one before it.
 */
const INVESTMENT_CHANGES = (p: Sql) => `select d.period, sum(d.delta) as delta from (
  select r.period, r.investment_done_yuan - coalesce(lag(r.investment_done_yuan)
    over (partition by r.community_id order by r.period), 0) as delta
  from communities as c inner join progress as r on r.community_id = c.id
  where c.region_path >= ${p(1)} and c.region_path < ${p(2)} and c.plan_year = ${p(3)}
    and r.period <= ${p(4)}
    and exists (select pc.project_id from project_communities as pc
                inner join projects as pj on pj.id = pc.project_id
                where pc.community_id = c.id and pj.pool = ${p(5)})) as d
group by d.period`;

interface RawDashboard {
  table: RawTable;
  changes: { period: string; delta: number | string }[];
}

function rawDashboardEngine(url: string): {
  read: () => Promise<RawDashboard>;
  /** The two aggregations over the ledger alone: what the maintained figures replace. */
  aggregate: () => Promise<unknown>;
  close: () => Promise<void>;
} {
  const table = rawProgressEngine(url);
  const args = [...subtreeBounds('/000000/'), year, `${year}-12`, 'implement'];
  if (!isPostgresUrl(url)) {
    const db = new SQLite(sqlitePath(url), { readonly: true });
    const changes = db.prepare(INVESTMENT_CHANGES(() => '?'));
    return {
      read: async () => ({
        table: await table.table(),
        changes: changes.all(...args) as RawDashboard['changes'],
      }),
      aggregate: async () => [await table.aggregate(), changes.all(...args)],
      close: async () => {
        db.close();
        await table.close();
      },
    };
  }
  const { connectionString, schema } = postgresParts(url);
  const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${schema}` });
  return {
    read: async () => {
      const [t, changes] = await Promise.all([
        table.table(),
        pool.query<RawDashboard['changes'][number]>(
          INVESTMENT_CHANGES((n) => `$${n}`),
          args,
        ),
      ]);
      return { table: t, changes: changes.rows };
    },
    aggregate: () =>
      Promise.all([
        table.aggregate(),
        pool.query(
          INVESTMENT_CHANGES((n) => `$${n}`),
          args,
        ),
      ]),
    close: async () => {
      await pool.end();
      await table.close();
    },
  };
}

/**
 * The ministry's dashboard (全国, 2022, December) through `dashboard`, the service the API calls,
 * against the raw side above; before the timing, its totals and its December investment are
 * compared with the raw side's own sums.
 */
export async function measureDashboard(url: string, runs: number, warmup = 3) {
  const app = await createDb(url);
  const raw = rawDashboardEngine(url);
  try {
    const now = new Date(`${year + 1}-01-15T00:00:00.000Z`);
    const service = () => dashboard(app.db, SYSTEM_ACTOR, { scope: '000000', year, month }, now);
    const [d, r] = [await service(), await raw.read()];
    const started = r.table.measures.reduce((s, m) => s + Number(m.started_communities), 0);
    const invested = r.changes.reduce((s, c) => s + Number(c.delta), 0);
    const last = d.investmentByMonth.at(-1);
    if (d.totals.startedCommunities !== started || !started)
      throw new Error(`dashboard started ${d.totals.startedCommunities}, raw SQL ${started}`);
    // 万 with two decimals: within 50 元 of the raw sum.
    if (!last || !invested || Math.abs(Number(last.investmentDone) * 10_000 - invested) > 50)
      throw new Error(`dashboard invested ${last?.investmentDone} 万, raw SQL ${invested} 元`);
    const { ms, rawMs, serviceMinMs, rawMinMs } = await alternatingMedians(
      service,
      () => raw.aggregate(),
      runs,
      warmup,
    );
    return { ms, rawMs, detail: { runs, started, invested, serviceMinMs, rawMinMs } };
  } finally {
    await raw.close();
    await app.destroy();
  }
}
