/**
 * Random writes to the ledger and its records, for the maintained figures' test
 * (figures.random.test.ts): communities added, changed, moved and deleted; projects added, their
 * pools changed, projects deleted; monthly records upserted one by one and many at once, updated
 * together, and deleted; the plan policy's cut-off changed. Writes go straight to the tables, as every module
 * does, so the triggers, not a service, must keep the figures. Deterministic by its seed, so a
 * failure can be replayed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';
import { communityRow } from '../../test-support/communities.ts';

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

export type RandomWrites = ReturnType<typeof randomWrites>;

/** A writer of random changes to the database `db()` returns (in 海南, six counties). */
export function randomWrites(db: () => Kysely<Database>, seed: number) {
  const rnd = random(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let counties: { code: string; path: string; parent_code: string }[] = [];
  let serial = 0;

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
        .values(
          communityRow(
            {
              region_code: county.code,
              prefecture_code: county.parent_code,
              region_path: county.path,
            },
            {
              name: `小区${serial}`,
              name_key: `k${serial}`,
              build_year: int(1975, 2005),
              area_class: pick(['city', 'county_seat'] as const),
              buildings: int(1, 30),
              households: int(1, 2000),
              floor_area_centi: int(1, 9_000_000),
              investment_yuan: int(0, 90_000_000),
              plan_year: int(2021, 2024),
              at: NOW,
            },
          ),
        )
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
        // Months of several communities in one statement, as an import writes them: some new,
        // some replacing a month already there (migration 0036 counts them per statement).
        const ids = await communityIds();
        if (!ids.length) return;
        const rows = new Map<string, ReturnType<typeof record>>();
        for (let i = int(2, 8); i > 0; i--) {
          const r = record(pick(ids), period());
          rows.set(`${r.community_id}|${r.period}`, r);
        }
        await upsertRecords([...rows.values()]);
      },
    ],
    [
      1,
      async () => {
        // One update of every record of a few communities.
        const ids = await communityIds();
        if (!ids.length) return;
        await db()
          .updateTable('progress')
          .set((eb) => ({
            elevators: eb('elevators', '+', 1),
            ...(rnd() < 0.3 ? { start_date: null, completion_date: null } : {}),
          }))
          .where('community_id', 'in', [pick(ids), pick(ids), pick(ids)])
          .execute();
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

  /** Picks the counties written to and adds the first projects; the counties found. */
  async function start(): Promise<number> {
    counties = await db()
      .selectFrom('regions')
      .select(['code', 'path', 'parent_code'])
      .where('level', '=', 'county')
      .where((e) => underPath(e, 'path', '/000000/460000/'))
      .orderBy('code')
      .limit(6)
      .execute()
      .then((rows) => rows.map((r) => ({ ...r, parent_code: r.parent_code! })));
    for (let i = 0; i < 3; i++) await addProject();
    return counties.length;
  }

  return { start, step, record, communityIds };
}
