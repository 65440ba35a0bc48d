/**
 * The maintained figures stay equal to the records (issue 14 §1) through thousands of random
 * writes on both engines (random-writes.fixture.ts: straight to the tables, so the triggers, not a
 * service, must keep the figures). At checkpoints `checkFigures` recomputes every figure from the
 * records and must find nothing. The later tests read the ledger the random writes built.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { Db } from '../../db/create-db.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { checkFigures } from './figures.service.ts';
import { planGroups, progressByUnit, rebuildFigures } from './figures.repository.ts';
import { randomWrites } from './random-writes.fixture.ts';

const pad = (n: number) => String(n).padStart(2, '0');

describeEachEngine('maintained figures under random writes', (ctx) => {
  const db = () => ctx.db.db;
  const writes = randomWrites(db, 20221);
  const { record, communityIds } = writes;

  async function expectExact(d: Db) {
    const result = await checkFigures(d.db);
    expect(result.mismatches).toEqual([]);
    return result.checked;
  }

  it('keeps every figure equal to its recomputation through 1,500 random writes', async () => {
    expect(await writes.start()).toBe(6);
    for (let i = 0; i < 1500; i++) {
      await writes.step();
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
