/**
 * The "done when": a progress table rebuilt from community-level records reproduces a
 * published national table to the unit. The table is MOHURD's 2022年全国城镇老旧小区改造进展情况
 * (截至2022年12月末), test-support/data/mohurd-progress-2022-12.json, with its source. 新疆 and
 * 新疆生产建设兵团 are left out: the source page is cut off inside 新疆's row (only its planned 1,273
 * survives) and before 兵团's, so the test has 30 provinces and their sum, not the national 5.1万.
 *
 * For each province: the planned communities are entered and frozen in a submitted (or accepted)
 * snapshot by the declarations module's own code; communities added to the plan after the
 * submission start in 2022 too; planned ones that did not start have no start date. Households add
 * up to the published 万户 exactly (test-support/published-progress.ts says how).
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { Database } from '../../db/schema.ts';
import { rate } from '../../domain/progress.ts';
import published from '../../test-support/data/mohurd-progress-2022-12.json' with { type: 'json' };
import { communityRow } from '../../test-support/communities.ts';
import { describeEachEngine, type Engine } from '../../test-support/engines.ts';
import {
  households,
  provinceCommunities,
  type PublishedRow,
} from '../../test-support/published-progress.ts';
import * as declarations from '../declarations/declarations.repository.ts';
import { currentContent } from '../declarations/declarations.units.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { progressTable } from './progress.service.ts';
import { underPath } from '../../db/under-path.ts';
import { NO_MEASURES } from '../../test-support/progress.ts';

const Y = 2022;
const rows: PublishedRow[] = published.provinces;
const SUBMITTED_AT = '2022-03-31T08:00:00.000Z';

interface Unit {
  code: string;
  prefecture: string;
  path: string;
}

/**
 * Rows in bulk: on PostgreSQL one `insert … select from unnest(…)` with an array a column (a
 * 13,000-parameter `values` list is parsed and planned anew each time, several times slower); on
 * SQLite, in-process, statements of at most ~30,000 parameters (its limit is 32,766).
 */
async function insertAll<T extends keyof Database & string>(
  db: Kysely<Database>,
  engine: Engine,
  table: T,
  values: Insertable<Database[T]>[],
): Promise<void> {
  if (!values.length) return;
  const columns = Object.keys(values[0]!) as (keyof Insertable<Database[T]> & string)[];
  if (engine === 'postgres') {
    const arrays = columns.map((c) => {
      const column = values.map((v) => v[c] as unknown);
      const type = column.every((x) => typeof x === 'number') ? 'bigint[]' : 'text[]';
      return sql`${column}::${sql.raw(type)}`;
    });
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))}) select * from unnest(${sql.join(arrays)})`.execute(
      db,
    );
    return;
  }
  const size = Math.floor(30_000 / columns.length);
  for (let i = 0; i < values.length; i += size)
    // `never`: Kysely cannot type the values of a table chosen by a parameter.
    await db
      .insertInto(table)
      .values(values.slice(i, i + size) as never)
      .execute();
}

/** Communities (with their ids), one 实施 project per ledger unit, and the links. */
function ledgerRows(
  province: string,
  units: Unit[],
  sizes: number[],
  firstId: number,
  batch: string,
  at: string,
) {
  const communities: Insertable<Database['communities']>[] = sizes.map((h, i) => {
    const unit = units[i % units.length]!;
    const name = `${batch}${firstId + i}号院`;
    return {
      id: firstId + i,
      ...communityRow(
        { region_code: unit.code, prefecture_code: unit.prefecture, region_path: unit.path },
        {
          name,
          name_key: name,
          build_year: 1990 + (i % 10),
          area_class_entered: 0,
          buildings: Math.max(1, Math.round(h / 40)),
          households: h,
          floor_area_centi: h * 7500 * 100,
          investment_yuan: h * 25_000,
          plan_year: Y,
          at,
        },
      ),
    };
  });
  const used = units.slice(0, Math.min(units.length, sizes.length));
  const projectOf = new Map(used.map((u, i) => [u.code, firstId + i]));
  const projects: Insertable<Database['projects']>[] = used.map((u) => ({
    id: projectOf.get(u.code)!,
    code: `XM${Y}${u.code}${batch === '计划' ? 'P' : 'A'}${province}`,
    name: `${batch}项目`,
    prefecture_code: u.prefecture,
    region_path: u.path,
    plan_year: Y,
    pool: 'implement',
    version: 1,
    created_at: at,
    updated_at: at,
  }));
  const links = communities.map((c) => ({
    project_id: projectOf.get(c.region_code)!,
    community_id: c.id!,
  }));
  return { communities, projects, links };
}

async function insertLedger(
  db: Kysely<Database>,
  engine: Engine,
  r: ReturnType<typeof ledgerRows>[],
) {
  await insertAll(
    db,
    engine,
    'communities',
    r.flatMap((x) => x.communities),
  );
  await insertAll(
    db,
    engine,
    'projects',
    r.flatMap((x) => x.projects),
  );
  await insertAll(
    db,
    engine,
    'project_communities',
    r.flatMap((x) => x.links),
  );
}

/** A month's record with nothing but a start. */
const NOTHING_YET = {
  completion_date: null,
  ...NO_MEASURES,
};

/** 'YYYY-MM-DD' in 2022, spread over the year. */
const startOf = (i: number) =>
  `${Y}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;

describeEachEngine('progress table against the published 2022 table', (ctx) => {
  let table: (string | number)[][];
  const names = new Map<string, string>();

  beforeAll(async () => {
    const db = ctx.db.db;
    const ledgerUnits = await db
      .selectFrom('regions')
      .select(['code', 'level', 'parent_code', 'path'])
      .where('is_ledger_unit', '=', 1)
      .orderBy('code')
      .execute();
    const unitsOf = (province: string) =>
      ledgerUnits
        .filter((u) => u.path.startsWith(`/000000/${province}/`))
        .map((u) => ({
          code: u.code,
          prefecture: u.level === 'prefecture' ? u.code : u.parent_code!,
          path: u.path,
        }));
    const plans = rows.map((r) => ({ row: r, units: unitsOf(r.code), ...provinceCommunities(r) }));

    // The plans as submitted: every planned community, then each province's snapshot.
    let id = 1;
    const planned = plans.map((p) => {
      const sizes = [...p.plannedStarted, ...p.plannedUnstarted];
      const r = ledgerRows(p.row.code, p.units, sizes, id, '计划', SUBMITTED_AT);
      id += sizes.length;
      return r;
    });
    await insertLedger(db, ctx.engine, planned);
    // Statistics, as PostgreSQL's autovacuum would gather: the planner needs them at this size.
    await sql`analyze`.execute(db);
    for (const [i, p] of plans.entries()) {
      const region = (await findRegion(db, p.row.code))!;
      names.set(p.row.code, region.name);
      const { content, hash } = await currentContent(db, region, 'province', Y);
      await declarations.insertSnapshot(db, {
        unit: region.code,
        year: Y,
        kind: 'submission',
        version: 1,
        hash,
        content,
        by: 'test',
        at: SUBMITTED_AT,
      });
      await declarations.saveDeclaration(db, {
        unit_code: region.code,
        plan_year: Y,
        level: 'province',
        // Some accepted by the ministry, some still awaiting it: both count as submitted.
        state: i % 2 ? 'submitted' : 'accepted',
        version: 1,
        internal_deadline: null,
        submitted_at: SUBMITTED_AT,
        updated_at: SUBMITTED_AT,
      });
    }

    // Added to the plan after the submission.
    const added = '2022-06-30T08:00:00.000Z';
    const extras = plans.map((p) => {
      const r = ledgerRows(p.row.code, p.units, p.extras, id, '增补', added);
      id += p.extras.length;
      return r;
    });
    await insertLedger(db, ctx.engine, extras);

    // Started in 2022: every planned community but the unstarted ones, and every extra.
    const started = plans.flatMap((p, i) => [
      ...planned[i]!.communities.slice(0, p.plannedStarted.length),
      ...extras[i]!.communities,
    ]);
    await insertAll(
      db,
      ctx.engine,
      'progress',
      started.map((c, i) => ({
        community_id: c.id!,
        period: startOf(i).slice(0, 7),
        start_date: startOf(i),
        ...NOTHING_YET,
        username: 'test',
        updated_at: added,
      })),
    );

    await sql`analyze`.execute(db);
    table = (await progressTable(db, SYSTEM_ACTOR, 'all', Y, 12)).rows;
  });

  const rowOf = (code: string) => table.find((r) => r[0] === names.get(code))!;
  const wan = (h: number) => (Math.round(h / 100) / 100).toFixed(2);

  it('reproduces each province’s planned and started communities, to the unit', () => {
    const got = rows.map((r) => [r.name, rowOf(r.code)[1], rowOf(r.code)[3]]);
    expect(got).toEqual(rows.map((r) => [r.name, r.planned, r.started]));
  });

  it('reproduces each province’s planned and started households in 万户 at two decimals', () => {
    const got = rows.map((r) => [
      r.name,
      wan(rowOf(r.code)[2] as number),
      wan(rowOf(r.code)[4] as number),
    ]);
    expect(got).toEqual(rows.map((r) => [r.name, r.plannedWanHouseholds, r.startedWanHouseholds]));
  });

  it('gives start rates consistent with the published figures', () => {
    for (const r of rows) {
      const t = rowOf(r.code);
      // By communities: the published counts are exact, so the rate is theirs exactly.
      expect([r.name, t[5]]).toEqual([r.name, rate(r.started, r.planned)]);
      // By households: within what the published 万户 (±0.005) allow, and the table's one decimal.
      const [s, p] = [Number(r.startedWanHouseholds), Number(r.plannedWanHouseholds)];
      const low = ((s - 0.005) / (p + 0.005)) * 100 - 0.05;
      const high = ((s + 0.005) / (p - 0.005)) * 100 + 0.05;
      const shown = Number(String(t[6]).replace('%', ''));
      expect([r.name, shown >= low && shown <= high]).toEqual([r.name, true]);
    }
    // Rates pass 100 % where communities were added after the submission and started.
    expect(rowOf('110000').slice(5, 7)).toEqual(['102.8%', '100.0%']);
    expect(rowOf('320000').slice(5, 7)).toEqual(['112.3%', '122.5%']);
    expect(rowOf('540000').slice(5, 7)).toEqual(['87.1%', '71.7%']);
  });

  it('sums the 合计 from the exact values, with 新疆 and 兵团 empty', () => {
    const sum = (f: (r: PublishedRow) => number) => rows.reduce((s, r) => s + f(r), 0);
    const total = {
      planned: sum((r) => r.planned),
      started: sum((r) => r.started),
      plannedHouseholds: sum((r) => households(r.plannedWanHouseholds)),
      startedHouseholds: sum((r) => households(r.startedWanHouseholds)),
    };
    expect(total.planned).toBe(49_804); // 51,077 (brief §8.3) less 新疆's 1,273
    expect(table.at(-1)!.slice(0, 7)).toEqual([
      '合计',
      total.planned,
      total.plannedHouseholds,
      total.started,
      total.startedHouseholds,
      rate(total.started, total.planned),
      rate(total.startedHouseholds, total.plannedHouseholds),
    ]);
    for (const name of ['新疆维吾尔自治区', '新疆生产建设兵团'])
      expect(table.find((r) => r[0] === name)!.slice(1, 5)).toEqual([0, 0, 0, 0]);
  });

  it('counts the plan as submitted, not as it is now', async () => {
    const now = await ctx.db.db
      .selectFrom('communities')
      .select((e) => e.fn.countAll<number>().as('n'))
      .where((e) => underPath(e, 'region_path', '/000000/110000/'))
      .executeTakeFirstOrThrow();
    expect(Number(now.n)).toBe(412); // 400 submitted + 12 added; 411 of them started
    expect(rowOf('110000').slice(1, 4)).toEqual([400, 213_000, 411]);
  });
});
