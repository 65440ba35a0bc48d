/**
 * Benchmarks 5 and 6: the plan table 《城镇老旧小区改造计划表》 of plan year 2022 — the national
 * table (scope all: one block per province and the national total) and 四川's (510000) — through
 * planTable, the function GET /api/plan-table calls, against the same aggregation written by hand
 * and sent straight to the engine (better-sqlite3 statements prepared once; pg parameterised
 * queries on a pool like the app's, side by side where they do not depend on each other).
 *
 * The raw side issues the least the job needs: the scope's region, the plan year's cut-off, the
 * prefecture-level units (every unit is listed, with zeros), and the aggregation by unit, class and
 * year bucket over the plan's communities (plan year, and a project in the 实施 pool). It leaves
 * the rows as the engine returns them; the check before the timing builds the form's figures from
 * them with arithmetic of its own and compares them with the service's, row by row.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createDb, isPostgresUrl, sqlitePath } from '../server/src/db/create-db.ts';
import { subtreeBounds } from '../server/src/db/under-path.ts';
import { planTable, type PlanTableView } from '../server/src/modules/plan/plan-table.service.ts';
import { SYSTEM_ACTOR } from '../server/src/modules/users/users.service.ts';
import { postgresParts } from './databases.ts';
import { alternatingMedians } from './alternate.ts';

export const PLAN_YEAR = 2022;
/** 'all': the national table; '510000': 四川, the province with the most communities. */
export type PlanTableScope = 'all' | '510000';
export const PLAN_TABLE_SCOPES: PlanTableScope[] = ['all', '510000'];

type Sql = (n: number) => string;
const REGION = (p: Sql) => `select code, path from regions where code = ${p(1)}`;
const CUTOFF = (p: Sql) =>
  `select cutoff_year from plan_policies where plan_year <= ${p(1)} order by plan_year desc limit 1`;
/** The country's provinces and their prefecture-level units, or one province's units. */
const UNITS_ALL = `select code, name, parent_code, level from regions where level in ('province', 'prefecture') order by code`;
const UNITS_OF = (p: Sql) =>
  `select code, name, parent_code, level from regions where parent_code = ${p(1)} and level = 'prefecture' order by code`;
/** The same aggregation as planGroups (plan-table.repository.ts); parameters in textual order. */
const AGGREGATE = (p: Sql) =>
  `select c.prefecture_code, c.area_class,` +
  ` case when c.build_year <= ${p(1)} then 'before' else 'after' end as bucket,` +
  ` count(*) as communities, sum(c.households) as households, sum(c.buildings) as buildings,` +
  ` sum(c.floor_area_centi) as floor_area_centi, sum(c.investment_yuan) as investment_yuan` +
  ` from communities as c` +
  ` where c.region_path >= ${p(2)} and c.region_path < ${p(3)} and c.plan_year = ${p(4)}` +
  ` and exists (select pc.project_id from project_communities as pc` +
  ` inner join projects as p on p.id = pc.project_id` +
  ` where pc.community_id = c.id and p.pool = 'implement')` +
  ` group by 1, 2, 3`;

interface Unit {
  code: string;
  name: string;
  parent_code: string;
  level: string;
}
interface Group {
  prefecture_code: string;
  area_class: 'city' | 'county_seat';
  bucket: 'before' | 'after';
  communities: number | string;
  households: number | string;
  buildings: number | string;
  floor_area_centi: number | string;
  investment_yuan: number | string;
}
interface RawTable {
  scope: { code: string; path: string };
  cutoff: number;
  units: Unit[];
  groups: Group[];
}

interface RawEngine {
  table: () => Promise<RawTable>;
  /** The aggregation over the ledger alone: what the maintained figures replace. */
  aggregate: (path: string, cutoff: number) => Promise<unknown>;
  close: () => Promise<void>;
}

const scopeCode = (scope: PlanTableScope) => (scope === 'all' ? '000000' : scope);

function rawSqlite(url: string, scope: PlanTableScope): RawEngine {
  const db = new SQLite(sqlitePath(url), { readonly: true });
  const p: Sql = () => '?';
  const region = db.prepare(REGION(p));
  const cutoff = db.prepare(CUTOFF(p)).pluck();
  const units = scope === 'all' ? db.prepare(UNITS_ALL) : db.prepare(UNITS_OF(p));
  const aggregate = db.prepare(AGGREGATE(p));
  return {
    table: async () => {
      const r = region.get(scopeCode(scope)) as { code: string; path: string };
      const cut = cutoff.get(PLAN_YEAR) as number;
      const u = (scope === 'all' ? units.all() : units.all(r.code)) as Unit[];
      const groups = aggregate.all(cut, ...subtreeBounds(r.path), PLAN_YEAR) as Group[];
      return { scope: r, cutoff: cut, units: u, groups };
    },
    aggregate: async (path, cut) => aggregate.all(cut, ...subtreeBounds(path), PLAN_YEAR),
    close: async () => void db.close(),
  };
}

function rawPostgres(url: string, scope: PlanTableScope): RawEngine {
  const { connectionString, schema } = postgresParts(url);
  const pool = new pg.Pool({ connectionString, max: 10, options: `-c search_path=${schema}` });
  const p: Sql = (n) => `$${n}`;
  return {
    table: async () => {
      // The region, the units and the cut-off do not depend on each other; the aggregation needs
      // the region's path and the cut-off.
      const [region, cutoff, units] = await Promise.all([
        pool.query<{ code: string; path: string }>(REGION(p), [scopeCode(scope)]),
        pool.query<{ cutoff_year: number }>(CUTOFF(p), [PLAN_YEAR]),
        scope === 'all'
          ? pool.query<Unit>(UNITS_ALL)
          : pool.query<Unit>(UNITS_OF(p), [scopeCode(scope)]),
      ]);
      const r = region.rows[0]!;
      const groups = await pool.query<Group>(AGGREGATE(p), [
        cutoff.rows[0]!.cutoff_year,
        ...subtreeBounds(r.path),
        PLAN_YEAR,
      ]);
      return {
        scope: r,
        cutoff: cutoff.rows[0]!.cutoff_year,
        units: units.rows,
        groups: groups.rows,
      };
    },
    aggregate: async (path, cut) =>
      (await pool.query(AGGREGATE(p), [cut, ...subtreeBounds(path), PLAN_YEAR])).rows,
    close: () => pool.end(),
  };
}

// ——— The check: the form's figures from the raw rows, by arithmetic of its own ———

type Sums = [number, number, number, number, number];
const ZERO: Sums = [0, 0, 0, 0, 0];
const plus = (a: Sums, b: Sums): Sums => a.map((x, i) => x + b[i]!) as Sums;
/** An exact integer in units of 1/scale, as 万 with two decimals, rounded half up. */
const wan = (n: number, scale: number) => {
  const hundredths = Math.floor((2 * n + scale) / (2 * scale)); // n ≥ 0
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
};
/** 15 figures: per measure before, after, both; areas (0.01 m²) and money (元) in 万. */
function figures(before: Sums, after: Sums): (number | string)[] {
  const both = plus(before, after);
  return [0, 1, 2, 3, 4].flatMap((m) =>
    [before, after, both].map((s) => (m < 3 ? s[m]! : wan(s[m]!, m === 3 ? 10_000 : 100))),
  );
}

/** The rows the form must show, as [unit, label, figures], from the raw side's rows. */
export function expectedRows(raw: RawTable): {
  blocks: Map<string, [string, string, (number | string)[]][]>;
  national: (number | string)[][] | null;
} {
  const cells = new Map<string, Sums>(); // unit|class|bucket
  for (const g of raw.groups) {
    const key = `${g.prefecture_code}|${g.area_class}|${g.bucket}`;
    const s: Sums = [
      Number(g.communities),
      Number(g.households),
      Number(g.buildings),
      Number(g.floor_area_centi),
      Number(g.investment_yuan),
    ];
    cells.set(key, plus(cells.get(key) ?? ZERO, s));
  }
  const cell = (unit: string, cls: string, bucket: string) =>
    cells.get(`${unit}|${cls}|${bucket}`) ?? ZERO;
  const provinces =
    raw.scope.code === '000000'
      ? raw.units.filter((u) => u.level === 'province')
      : [{ code: raw.scope.code, name: '', parent_code: '', level: 'province' }];
  const blocks = new Map<string, [string, string, (number | string)[]][]>();
  const nationTotal = { city: [ZERO, ZERO], county_seat: [ZERO, ZERO] } as Record<
    string,
    [Sums, Sums]
  >;
  for (const prov of provinces) {
    const rows: [string, string, (number | string)[]][] = [];
    const total = { city: [ZERO, ZERO], county_seat: [ZERO, ZERO] } as Record<string, [Sums, Sums]>;
    for (const u of raw.units.filter(
      (x) => x.level === 'prefecture' && x.parent_code === prov.code,
    )) {
      const c = [cell(u.code, 'city', 'before'), cell(u.code, 'city', 'after')] as [Sums, Sums];
      const s = [cell(u.code, 'county_seat', 'before'), cell(u.code, 'county_seat', 'after')] as [
        Sums,
        Sums,
      ];
      rows.push([u.name, '全市小计:', figures(plus(c[0], s[0]), plus(c[1], s[1]))]);
      rows.push([u.name, '1. 城市(建成区)', figures(...c)]);
      rows.push([u.name, '2. 县城(城关镇)', figures(...s)]);
      for (const [cls, v] of [
        ['city', c],
        ['county_seat', s],
      ] as const) {
        total[cls] = [plus(total[cls]![0], v[0]), plus(total[cls]![1], v[1])];
        nationTotal[cls] = [plus(nationTotal[cls]![0], v[0]), plus(nationTotal[cls]![1], v[1])];
      }
    }
    const name = raw.scope.code === '000000' ? prov.name : '全省(区、市)';
    const [c, s] = [total.city!, total.county_seat!];
    rows.push([name, '全省(区、市)合计:', figures(plus(c[0], s[0]), plus(c[1], s[1]))]);
    rows.push([name, '1. 城市(建成区)', figures(...c)]);
    rows.push([name, '2. 县城(城关镇)', figures(...s)]);
    blocks.set(prov.code, rows);
  }
  const [c, s] = [nationTotal.city!, nationTotal.county_seat!];
  return {
    blocks,
    national:
      raw.scope.code === '000000'
        ? [figures(plus(c[0], s[0]), plus(c[1], s[1])), figures(...c), figures(...s)]
        : null,
  };
}

/** Throws, saying where, unless the service's table shows exactly the raw side's figures. */
function assertSame(t: PlanTableView, raw: RawTable): number {
  const want = expectedRows(raw);
  if (t.blocks.length !== want.blocks.size)
    throw new Error(`planTable has ${t.blocks.length} blocks, the raw SQL ${want.blocks.size}`);
  let rows = 0;
  for (const b of t.blocks) {
    const w = want.blocks.get(b.province.code);
    const got = b.rows.map((r) => [r.unit, r.label, r.values]);
    if (JSON.stringify(got) !== JSON.stringify(w))
      throw new Error(
        `planTable differs from the raw SQL for ${b.province.name}: ${JSON.stringify({ got, want: w })}`,
      );
    rows += got.length;
  }
  const national = t.national?.map((r) => r.values) ?? null;
  if (JSON.stringify(national) !== JSON.stringify(want.national))
    throw new Error(`national totals differ: ${JSON.stringify({ national, want: want.national })}`);
  return rows + (national?.length ?? 0);
}

/** Medians (ms) of `runs` alternating runs of each side, after `warmup` runs of each. */
export async function measurePlanTable(
  url: string,
  scope: PlanTableScope,
  runs: number,
  warmup = 5,
) {
  const app = await createDb(url);
  const raw = isPostgresUrl(url) ? rawPostgres(url, scope) : rawSqlite(url, scope);
  try {
    const service = () => planTable(app.db, SYSTEM_ACTOR, scope, PLAN_YEAR);
    // The hand-written SQL must give the figures the service gives, or the comparison means nothing.
    const table = await service();
    const first = await raw.table();
    const rows = assertSame(table, first);
    const communities = first.groups.reduce((n, g) => n + Number(g.communities), 0);
    if (!communities) throw new Error(`no community in the ${PLAN_YEAR} plan of ${scope}`);
    // Timed against the aggregation over the ledger alone (issue 14 §1: the view read from the
    // maintained figures in at most a quarter of the scan it replaces).
    const { ms, rawMs, serviceMinMs, rawMinMs } = await alternatingMedians(
      service,
      () => raw.aggregate(first.scope.path, first.cutoff),
      runs,
      warmup,
    );
    return {
      ms,
      rawMs,
      detail: {
        runs,
        warmup,
        scope,
        planYear: PLAN_YEAR,
        communities,
        groups: first.groups.length,
        rows,
        serviceMinMs,
        rawMinMs,
      },
    };
  } finally {
    await raw.close();
    await app.destroy();
  }
}
