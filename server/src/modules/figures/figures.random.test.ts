/**
 * The maintained figures stay equal to the records (issue 14 §1) through thousands of random
 * writes on both engines: communities added, changed, moved and deleted; projects' pools changed
 * and projects deleted; monthly records upserted one by one and many at once, corrected and
 * deleted; the plan policy's cut-off changed. Writes go straight to the tables, as every module
 * does, so the triggers, not a service, must keep the figures. At checkpoints `checkFigures`
 * recomputes every figure from the records and must find nothing.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../../db/create-db.ts';
import { underPath } from '../../db/under-path.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { checkFigures } from './figures.service.ts';
import { planGroups, progressByUnit, rebuildFigures } from './figures.repository.ts';

/** A small deterministic generator (mulberry32), so a failure can be replayed by its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');
const NOW = '2026-01-01T00:00:00.000Z';

describeEachEngine('maintained figures under random writes', (ctx) => {
  const rnd = random(20221);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let counties: { code: string; path: string; parent_code: string }[] = [];
  let serial = 0;

  const db = () => ctx.db.db;
  const communityIds = async () =>
    (await db().selectFrom('communities').select('id').execute()).map((r) => r.id);
  const projectIds = async () =>
    (await db().selectFrom('projects').select('id').execute()).map((r) => r.id);

  async function addProject(): Promise<number> {
    const county = pick(counties);
    serial++;
    return (
      await db()
        .insertInto('projects')
        .values({
          code: `P${serial}`,
          name: `项目${serial}`,
          prefecture_code: county.parent_code,
          region_path: county.path,
          plan_year: int(2021, 2024),
          pool: pick(['implement', 'implement', 'planning', 'reserve'] as const),
          version: 1,
          created_at: NOW,
          updated_at: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function addCommunity(): Promise<void> {
    const county = pick(counties);
    serial++;
    const id = (
      await db()
        .insertInto('communities')
        .values({
          region_code: county.code,
          prefecture_code: county.parent_code,
          region_path: county.path,
          street: '',
          name: `小区${serial}`,
          name_key: `k${serial}`,
          address: '',
          build_year: int(1975, 2005),
          area_class: pick(['city', 'county_seat'] as const),
          area_class_entered: 1,
          buildings: int(1, 30),
          households: int(1, 2000),
          floor_area_centi: int(1, 9_000_000),
          investment_yuan: int(0, 90_000_000),
          plan_year: int(2021, 2024),
          content: '',
          housing_type: '',
          ownership: '',
          exclusion: 'none',
          subsidy_years: '',
          notes: '',
          version: 1,
          created_at: NOW,
          updated_at: NOW,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const projects = await projectIds();
    if (projects.length && rnd() < 0.85)
      await db()
        .insertInto('project_communities')
        .values({ project_id: pick(projects), community_id: id })
        .execute();
  }

  /** A record of a month, its dates within the month, values growing at random. */
  function record(communityId: number, period: string) {
    const [y, m] = period.split('-').map(Number) as [number, number];
    const started = rnd() < 0.7;
    const day = `${y}-${pad(m)}-${pad(int(1, 28))}`;
    return {
      community_id: communityId,
      period,
      start_date: started ? day : null,
      completion_date: started && rnd() < 0.3 ? day : null,
      investment_done_yuan: int(0, 50_000_000),
      pipelines_m: int(0, 90_000),
      elevators: int(0, 5),
      parking: int(0, 50),
      chargers: int(0, 20),
      elderly_care: int(0, 2),
      childcare: int(0, 2),
      housekeeping: int(0, 1),
      health: int(0, 1),
      energy_area_centi: int(0, 1_000_000),
      corrected: 0,
      username: 'test',
      updated_at: NOW,
    };
  }
  const period = () => `${int(2021, 2024)}-${pad(int(1, 12))}`;

  async function upsertRecords(rows: ReturnType<typeof record>[]): Promise<void> {
    const { community_id: _c, period: _p, ...rest } = rows[0]!;
    await db()
      .insertInto('progress')
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(['community_id', 'period'])
          .doUpdateSet((eb) =>
            Object.fromEntries(
              Object.keys(rest).map((k) => [k, eb.ref(`excluded.${k}` as 'excluded.elevators')]),
            ),
          ),
      )
      .execute();
  }

  const operations: [number, () => Promise<unknown>][] = [
    [3, addCommunity],
    [1, addProject],
    [
      8,
      async () => {
        const ids = await communityIds();
        if (ids.length) await upsertRecords([record(pick(ids), period())]);
      },
    ],
    [
      3,
      async () => {
        // One statement holding several months of one community: PostgreSQL's row triggers
        // must see them one by one.
        const ids = await communityIds();
        if (!ids.length) return;
        const id = pick(ids);
        const months = [...new Set(Array.from({ length: int(2, 6) }, period))];
        await upsertRecords(months.map((p) => record(id, p)));
      },
    ],
    [
      2,
      async () => {
        const r = await db().selectFrom('progress').select(['community_id', 'period']).execute();
        if (!r.length) return;
        const x = pick(r);
        await db()
          .deleteFrom('progress')
          .where('community_id', '=', x.community_id)
          .where('period', '=', x.period)
          .execute();
      },
    ],
    [
      3,
      async () => {
        const ids = await communityIds();
        if (!ids.length) return;
        const county = pick(counties);
        const change = pick([
          { households: int(1, 2000) },
          { build_year: int(1975, 2005) },
          { plan_year: int(2021, 2024) },
          { area_class: pick(['city', 'county_seat'] as const) },
          { investment_yuan: int(0, 90_000_000), buildings: int(1, 30) },
          {
            region_code: county.code,
            prefecture_code: county.parent_code,
            region_path: county.path,
          },
          { notes: `备注${serial++}` },
        ]);
        await db().updateTable('communities').set(change).where('id', '=', pick(ids)).execute();
      },
    ],
    [
      2,
      async () => {
        const [ids, projects] = [await communityIds(), await projectIds()];
        if (!ids.length || !projects.length) return;
        const id = pick(ids);
        await db()
          .transaction()
          .execute(async (trx) => {
            await trx.deleteFrom('project_communities').where('community_id', '=', id).execute();
            if (rnd() < 0.8)
              await trx
                .insertInto('project_communities')
                .values({ project_id: pick(projects), community_id: id })
                .execute();
          });
      },
    ],
    [
      1,
      async () => {
        const projects = await projectIds();
        if (!projects.length) return;
        await db()
          .updateTable('projects')
          .set({ pool: pick(['implement', 'planning', 'reserve'] as const) })
          .where('id', '=', pick(projects))
          .execute();
      },
    ],
    [
      1,
      async () => {
        const ids = await communityIds();
        if (ids.length > 20)
          await db().deleteFrom('communities').where('id', '=', pick(ids)).execute();
      },
    ],
    [
      0.3,
      async () => {
        const projects = await projectIds();
        if (projects.length > 5)
          await db().deleteFrom('projects').where('id', '=', pick(projects)).execute();
      },
    ],
    [
      0.2,
      async () => {
        await db()
          .updateTable('plan_policies')
          .set({ cutoff_year: int(1995, 2002) })
          .where('plan_year', '=', 2022)
          .execute();
      },
    ],
  ];
  const total = operations.reduce((s, [w]) => s + w, 0);
  async function step(): Promise<void> {
    let x = rnd() * total;
    for (const [w, op] of operations) {
      x -= w;
      if (x <= 0) return void (await op());
    }
  }

  async function expectExact(d: Db) {
    const result = await checkFigures(d.db);
    expect(result.mismatches).toEqual([]);
    return result.checked;
  }

  it('keeps every figure equal to its recomputation through 1,500 random writes', async () => {
    counties = await db()
      .selectFrom('regions')
      .select(['code', 'path', 'parent_code'])
      .where('level', '=', 'county')
      .where((e) => underPath(e, 'path', '/000000/460000/'))
      .orderBy('code')
      .limit(6)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, parent_code: r.parent_code! })));
    expect(counties.length).toBe(6);
    for (let i = 0; i < 3; i++) await addProject();
    for (let i = 0; i < 1500; i++) {
      await step();
      if (i % 500 === 499) await expectExact(ctx.db);
    }
    const checked = await expectExact(ctx.db);
    // The run reached every kind of figure.
    expect(checked.members).toBeGreaterThan(20);
    expect(checked.plan).toBeGreaterThan(10);
    expect(checked.progress).toBeGreaterThan(50);
    expect(checked.started).toBeGreaterThan(5);
  }, 240_000);

  it('keeps them under concurrent writers to the same communities', async () => {
    const ids = (await communityIds()).slice(0, 8);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        db()
          .transaction()
          .execute(async (trx) => {
            const id = ids[i % ids.length]!;
            const p = `2023-${pad(1 + (i % 12))}`;
            await trx
              .insertInto('progress')
              .values(record(id, p))
              .onConflict((oc) =>
                oc.columns(['community_id', 'period']).doUpdateSet({ elevators: i }),
              )
              .execute();
            await trx
              .updateTable('communities')
              .set({ households: 100 + i })
              .where('id', '=', ids[(i + 3) % ids.length]!)
              .execute();
          }),
      ),
    );
    // Some may be refused as deadlocks on PostgreSQL; none may leave the figures wrong.
    expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBeGreaterThan(20);
    await expectExact(ctx.db);
  }, 120_000);

  it('reads the plan and progress views from the figures, equal to the ledger', async () => {
    const year = 2022;
    const path = '/000000/';
    const groups = await planGroups(db(), path, year);
    const raw = await sql<{
      n: number;
    }>`select count(*) as n from communities c where c.plan_year = ${year} and exists (select 1 from project_communities pc join projects p on p.id = pc.project_id where pc.community_id = c.id and p.pool = 'implement')`.execute(
      db(),
    );
    expect(groups.reduce((s, g) => s + g.measures.communities, 0)).toBe(Number(raw.rows[0]!.n));
    const started = await sql<{
      n: number;
    }>`select count(*) as n from communities c join progress r on r.community_id = c.id and r.period = (select max(q.period) from progress q where q.community_id = c.id and q.period <= ${`${year}-12`}) where c.plan_year = ${year} and r.start_date is not null and exists (select 1 from project_communities pc join projects p on p.id = pc.project_id where pc.community_id = c.id and p.pool = 'implement')`.execute(
      db(),
    );
    const units = await progressByUnit(db(), path, year, `${year}-12`, 'province');
    expect(units.reduce((s, u) => s + u.startedCommunities, 0)).toBe(Number(started.rows[0]!.n));
  });

  it('finds a figure changed behind the triggers, and a rebuild sets it right', async () => {
    const row = await db()
      .selectFrom('progress_figures')
      .selectAll()
      .where('elevators', '>', 0)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable('progress_figures')
      .set({ elevators: Number(row.elevators) + 1 })
      .where('region_path', '=', row.region_path)
      .where('plan_year', '=', row.plan_year)
      .where('period', '=', row.period)
      .execute();
    const member = await db()
      .selectFrom('figure_members')
      .select('community_id')
      .executeTakeFirstOrThrow();
    await db()
      .deleteFrom('figure_members')
      .where('community_id', '=', member.community_id)
      .execute();
    // And a started community forgotten behind the triggers.
    const started = await db()
      .selectFrom('started_communities')
      .select('community_id')
      .executeTakeFirstOrThrow();
    await db()
      .deleteFrom('started_communities')
      .where('community_id', '=', started.community_id)
      .execute();
    const broken = await checkFigures(db());
    expect(broken.mismatches.map((m) => m.table)).toContain('progress_figures');
    expect(broken.mismatches.map((m) => m.table)).toContain('figure_members');
    expect(broken.mismatches).toContainEqual(
      expect.objectContaining({
        table: 'started_communities',
        key: String(started.community_id),
        stored: null,
      }),
    );
    await rebuildFigures(db());
    expect((await checkFigures(db())).mismatches).toEqual([]);
  });

  it('refuses a record dated after its month on both engines', async () => {
    const [id] = await communityIds();
    await expect(
      db()
        .insertInto('progress')
        .values({
          ...record(id!, '2023-03'),
          start_date: '2023-03-01',
          completion_date: '2023-04-02',
        })
        .execute(),
    ).rejects.toThrow();
  });
});
