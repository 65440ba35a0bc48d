/**
 * Benchmark 3: one ledger page with the totals of its filter, through listLedger (the service the
 * API calls) against the same statements written by hand and sent straight to the engine
 * (better-sqlite3 prepared once; pg parameterised queries on a pool like the app's).
 *
 * The raw side issues what the service issues, in the same order: the region of the filter, the
 * page and the totals (side by side, as the service runs them), then the names of the page's units
 * and its rows' suspected duplicates (side by side too). The bucket's cut-off is the plan year's
 * policy's, read from plan_policies as the service reads it.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createDb, isPostgresUrl, sqlitePath } from '../server/src/db/create-db.ts';
import { subtreeBounds } from '../server/src/db/under-path.ts';
import type { LedgerListQuery } from '../common/api/ledger.ts';
import { listLedger } from '../server/src/modules/ledger/communities.service.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';
import { policyInForce } from '../server/src/domain/plan-policy.ts';
import { postgresParts } from './databases.ts';
import { alternatingMedians } from './alternate.ts';

/** 四川 (the most communities), plan year 2022, 2000年底前, page 3 of 20, most households first. */
export const PAGE_QUERY: LedgerListQuery = {
  region: '510000',
  planYear: 2022,
  bucket: 'before',
  sort: 'households',
  order: 'desc',
  page: 3,
  pageSize: 20,
};

interface RawPage {
  ids: number[];
  count: number;
  households: number;
  suspected: number;
}

type Pair = { community_a: number; community_b: number };
const suspectedOf = (ids: number[], pairs: Pair[]) =>
  new Set(pairs.flatMap((p) => [p.community_a, p.community_b]).filter((id) => ids.includes(id)))
    .size;

type Sql = (n: number) => string;
const WHERE = (p: Sql) =>
  `c.region_path >= ${p(1)} and c.region_path < ${p(2)} and c.plan_year = ${p(3)} and c.build_year <= ${p(4)}`;
const REGION = (p: Sql) => `select * from regions where code = ${p(1)}`;
const POLICIES = 'select plan_year, cutoff_year from plan_policies';
type PolicyRow = { plan_year: number; cutoff_year: number };
const cutoffOf = (rows: PolicyRow[]) =>
  policyInForce(
    rows.map((r) => ({ planYear: r.plan_year, cutoffYear: r.cutoff_year })),
    q.planYear!,
  ).cutoffYear;
const PAGE = (p: Sql) =>
  `select c.* from communities as c where ${WHERE(p)} order by c.households desc, c.id asc limit ${p(5)} offset ${p(6)}`;
const TOTALS = (p: Sql) =>
  `select count(*) as count, coalesce(sum(c.households), 0) as households, coalesce(sum(c.buildings), 0) as buildings, coalesce(sum(c.floor_area_centi), 0) as floor_area_centi, coalesce(sum(c.investment_yuan), 0) as investment_yuan from communities as c where ${WHERE(p)}`;
const list = (p: Sql, from: number, n: number) =>
  Array.from({ length: n }, (_, i) => p(from + i)).join(', ');
const NAMES = (p: Sql, n: number) => `select * from regions where code in (${list(p, 1, n)})`;
const SUSPECTED = (p: Sql, n: number) =>
  `select community_a, community_b from duplicate_pairs where status = ${p(1)} and (community_a in (${list(p, 2, n)}) or community_b in (${list(p, 2 + n, n)}))`;

const q = PAGE_QUERY;
const limitOffset = [q.pageSize, (q.page - 1) * q.pageSize];

interface RawEngine {
  page: () => Promise<RawPage>;
  close: () => Promise<void>;
}

function rawSqlite(url: string): RawEngine {
  const db = new SQLite(sqlitePath(url), { readonly: true });
  const p: Sql = () => '?';
  const region = db.prepare(REGION(p));
  const policies = db.prepare(POLICIES);
  const page = db.prepare(PAGE(p));
  const totals = db.prepare(TOTALS(p));
  const names = new Map<number, SQLite.Statement>();
  const suspected = new Map<number, SQLite.Statement>();
  return {
    page: async () => {
      const r = region.get(q.region) as { path: string };
      const cutoff = cutoffOf(policies.all() as PolicyRow[]);
      const where = [...subtreeBounds(r.path), q.planYear, cutoff];
      const rows = page.all(...where, ...limitOffset) as { id: number; region_code: string }[];
      const t = totals.get(...where) as { count: number; households: number };
      const codes = [...new Set(rows.map((x) => x.region_code))];
      if (!names.has(codes.length)) names.set(codes.length, db.prepare(NAMES(p, codes.length)));
      names.get(codes.length)!.all(...codes);
      const ids = rows.map((x) => x.id);
      if (!suspected.has(ids.length))
        suspected.set(ids.length, db.prepare(SUSPECTED(p, ids.length)));
      const pairs = suspected.get(ids.length)!.all('suspected', ...ids, ...ids) as Pair[];
      return { ids, count: t.count, households: t.households, suspected: suspectedOf(ids, pairs) };
    },
    close: async () => void db.close(),
  };
}

function rawPostgres(url: string): RawEngine {
  const { connectionString, schema } = postgresParts(url);
  const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${schema}` });
  const p: Sql = (n) => `$${n}`;
  return {
    page: async () => {
      const [region, policies] = await Promise.all([
        pool.query<{ path: string }>(REGION(p), [q.region]),
        pool.query<PolicyRow>(POLICIES),
      ]);
      const r = region.rows[0]!;
      const where = [...subtreeBounds(r.path), q.planYear, cutoffOf(policies.rows)];
      const [rows, totals] = await Promise.all([
        pool.query<{ id: number; region_code: string }>(PAGE(p), [...where, ...limitOffset]),
        pool.query<{ count: number; households: string }>(TOTALS(p), where),
      ]);
      const codes = [...new Set(rows.rows.map((x) => x.region_code))];
      const ids = rows.rows.map((x) => x.id);
      const [, pairs] = await Promise.all([
        pool.query(NAMES(p, codes.length), codes),
        pool.query<Pair>(SUSPECTED(p, ids.length), ['suspected', ...ids, ...ids]),
      ]);
      const t = totals.rows[0]!;
      return {
        ids,
        count: t.count,
        households: Number(t.households),
        suspected: suspectedOf(ids, pairs.rows),
      };
    },
    close: () => pool.end(),
  };
}

/** Medians (ms) of `runs` alternating runs of each side, after `warmup` runs of each. */
export async function measureLedgerPage(url: string, runs: number, warmup = 10) {
  const app = await createDb(url);
  const raw = isPostgresUrl(url) ? rawPostgres(url) : rawSqlite(url);
  try {
    const service = () => listLedger(app.db, SYSTEM_ACTOR, PAGE_QUERY);
    // The hand-written SQL must answer what the service answers, or the comparison means nothing.
    const [a, b] = [await service(), await raw.page()];
    const same =
      JSON.stringify(a.items.map((x) => x.id)) === JSON.stringify(b.ids) &&
      a.total === b.count &&
      a.totals.households === b.households &&
      a.items.filter((x) => x.suspectedDuplicate).length === b.suspected;
    if (!same) throw new Error(`raw SQL differs from listLedger: ${JSON.stringify({ a, b })}`);
    if (a.items.length !== q.pageSize) throw new Error(`page 3 has ${a.items.length} rows`);
    const { ms, rawMs, serviceMinMs, rawMinMs } = await alternatingMedians(
      service,
      () => raw.page(),
      runs,
      warmup,
    );
    return {
      ms,
      rawMs,
      detail: {
        runs,
        matching: a.total,
        serviceMinMs,
        rawMinMs,
      },
    };
  } finally {
    await raw.close();
    await app.destroy();
  }
}
