/**
 * Migration 0036: on PostgreSQL the progress figures are kept once per statement. What a record
 * adds is measured from the record before it, so the statements that write several months of one
 * community at once, in an upsert that both updates and inserts or in a CTE beside its outer
 * statement, must come out as if each record had been counted alone; and the figures must equal
 * their recomputation (`checkFigures`) after each. The same statements run on SQLite, whose row
 * triggers 0036 leaves alone, where SQLite can run them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.ts';
import { placeOf, smallCommunity } from '../test-support/communities.ts';
import { NO_MEASURES } from '../test-support/progress.ts';
import { checkFigures } from '../modules/figures/figures.service.ts';
import * as m0036 from './migrations/0036_progress_statement_figures.ts';

const AT = '2031-01-01T00:00:00.000Z';
const PLACE = placeOf('460106', '460100');

describeEachEngine('migration 0036: progress figures once per statement', (ctx) => {
  const db = () => ctx.db.db;
  const pg = ctx.engine === 'postgres';
  let project = 0;
  let serial = 0;

  /** A community of the plan (its project in the 实施 pool), 10 households. */
  async function member(): Promise<number> {
    const { id } = await db()
      .insertInto('communities')
      .values(smallCommunity(PLACE, `按句计数${++serial}村`))
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('project_communities')
      .values({ project_id: project, community_id: id })
      .execute();
    return id;
  }

  const record = (id: number, period: string, elevators: number, started = false) => ({
    community_id: id,
    period,
    start_date: started ? `${period}-01` : null,
    completion_date: null,
    ...NO_MEASURES,
    elevators,
    username: 'test',
    updated_at: AT,
  });

  /** The place's figures of plan year 2031, by month: communities started, elevators added. */
  async function figures(): Promise<Record<string, [number, number]>> {
    const rows = await db()
      .selectFrom('progress_figures')
      .select(['period', 'started_c', 'elevators'])
      .where('region_path', '=', PLACE.region_path)
      .where('plan_year', '=', 2031)
      .orderBy('period')
      .execute();
    return Object.fromEntries(
      rows
        .filter((r) => Number(r.started_c) !== 0 || Number(r.elevators) !== 0)
        .map((r) => [r.period, [Number(r.started_c), Number(r.elevators)]]),
    );
  }

  async function expectExact(): Promise<void> {
    expect((await checkFigures(db())).mismatches).toEqual([]);
  }

  const upsert = (rows: ReturnType<typeof record>[], on: Kysely<Database> = db()) =>
    on
      .insertInto('progress')
      .values(rows)
      .onConflict((oc) =>
        oc.columns(['community_id', 'period']).doUpdateSet((eb) => ({
          start_date: eb.ref('excluded.start_date'),
          elevators: eb.ref('excluded.elevators'),
        })),
      )
      .execute();

  /**
   * A transaction that writes with `first`, then holds what it locked until `release()`, then
   * writes with `then`: `written` resolves once the first write is done, `done` at its commit.
   */
  function holdingWriter(
    first: (trx: Kysely<Database>) => Promise<unknown>,
    then?: (trx: Kysely<Database>) => Promise<unknown>,
  ) {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let ready!: () => void;
    const written = new Promise<void>((r) => (ready = r));
    const done = db()
      .transaction()
      .execute(async (trx) => {
        await first(trx);
        ready();
        await gate;
        await then?.(trx);
      });
    return { written, release, done };
  }

  beforeAll(async () => {
    project = (
      await db()
        .insertInto('projects')
        .values({
          code: 'XM-0036',
          name: 'XM-0036',
          prefecture_code: PLACE.prefecture_code,
          region_path: PLACE.region_path,
          plan_year: 2031,
          pool: 'implement',
          version: 1,
          created_at: AT,
          updated_at: AT,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('counts an upsert that updates one month of a community and adds a later one', async () => {
    const id = await member();
    await upsert([record(id, '2031-03', 2, true)]);
    expect(await figures()).toEqual({ '2031-03': [1, 2] });
    // One statement: March updated (2 → 5 elevators), May inserted (7, not started any more).
    await upsert([record(id, '2031-03', 5, true), record(id, '2031-05', 7)]);
    expect(await figures()).toEqual({ '2031-03': [1, 5], '2031-05': [-1, 2] });
    // And the other way round: an earlier month inserted before an updated later one.
    await upsert([record(id, '2031-05', 9, true), record(id, '2031-01', 1)]);
    expect(await figures()).toEqual({ '2031-01': [0, 1], '2031-03': [1, 4], '2031-05': [0, 4] });
    await expectExact();
    await db().deleteFrom('communities').where('id', '=', id).execute();
    expect(await figures()).toEqual({});
    await expectExact();
  });

  it('counts one update of several records of several communities', async () => {
    const [a, b] = [await member(), await member()];
    await upsert([
      record(a, '2031-02', 1, true),
      record(a, '2031-04', 3, true),
      record(b, '2031-04', 2),
    ]);
    expect(await figures()).toEqual({ '2031-02': [1, 1], '2031-04': [0, 4] });
    await db()
      .updateTable('progress')
      .set((eb) => ({ elevators: eb('elevators', '+', 10) }))
      .where('community_id', 'in', [a, b])
      .execute();
    expect(await figures()).toEqual({ '2031-02': [1, 11], '2031-04': [0, 14] });
    await db()
      .deleteFrom('progress')
      .where('community_id', '=', a)
      .where('period', '=', '2031-02')
      .execute();
    expect(await figures()).toEqual({ '2031-04': [1, 25] });
    await expectExact();
    await db().deleteFrom('communities').where('id', 'in', [a, b]).execute();
    expect(await figures()).toEqual({});
  });

  it.skipIf(!pg)(
    'counts a statement whose CTE updates a month its outer insert follows',
    async () => {
      const id = await member();
      await upsert([record(id, '2031-03', 2, true)]);
      await sql`with raised as (update progress set elevators = 6 where community_id = ${id} and period = '2031-03' returning 1)
      insert into progress (community_id, period, start_date, elevators, username, updated_at)
      values (${id}, '2031-06', '2031-06-01', 8, 'test', ${AT})`.execute(db());
      expect(await figures()).toEqual({ '2031-03': [1, 6], '2031-06': [0, 2] });
      await expectExact();
      await db().deleteFrom('communities').where('id', '=', id).execute();
    },
  );

  it.skipIf(!pg)(
    'refuses one statement that writes records and takes a community out of the plan',
    async () => {
      const id = await member();
      await upsert([record(id, '2031-03', 2, true)]);
      await expect(
        sql`with added as (insert into progress (community_id, period, elevators, username, updated_at)
        values (${id}, '2031-07', 4, 'test', ${AT}) returning 1)
        delete from project_communities where community_id = ${id}`.execute(db()),
      ).rejects.toThrow('同一条语句不能既写进展记录又改变计划中的小区');
      // Nothing of it was written, and the figures are as before.
      expect(await figures()).toEqual({ '2031-03': [1, 2] });
      await expectExact();
      await db().deleteFrom('communities').where('id', '=', id).execute();
    },
  );

  it.skipIf(!pg)('refuses a deletion in the statement of an insert or update', async () => {
    const id = await member();
    await upsert([record(id, '2031-01', 5), record(id, '2031-02', 7), record(id, '2031-03', 9)]);
    const before = await figures();
    await expect(
      sql`with gone as (delete from progress where community_id = ${id} and period = '2031-02' returning 1)
        insert into progress (community_id, period, elevators, username, updated_at)
        values (${id}, '2031-04', 11, 'test', ${AT})`.execute(db()),
    ).rejects.toThrow('同一条语句不能既删除进展记录又写入或修改进展记录');
    await expect(
      sql`merge into progress p using (values ('2031-01', 'u'), ('2031-02', 'd')) v(period, act)
        on p.community_id = ${id} and p.period = v.period
        when matched and v.act = 'd' then delete
        when matched then update set elevators = 20`.execute(db()),
    ).rejects.toThrow('同一条语句不能既删除进展记录又写入或修改进展记录');
    expect(await figures()).toEqual(before);
    // Each on its own is counted.
    await db()
      .deleteFrom('progress')
      .where('community_id', '=', id)
      .where('period', '=', '2031-02')
      .execute();
    expect(await figures()).toEqual({ '2031-01': [0, 5], '2031-03': [0, 4] });
    await expectExact();
    await db().deleteFrom('communities').where('id', '=', id).execute();
  });

  it.skipIf(!pg)(
    'lets a transaction that holds a community finish the month another writer waits to write',
    async () => {
      // The second writer waits for the community before it holds the record's key, so the
      // first can write that record too: no deadlock.
      const id = await member();
      const one = holdingWriter(
        (trx) =>
          trx
            .insertInto('progress')
            .values(record(id, '2031-01', 1))
            .execute(),
        (trx) => upsert([record(id, '2031-02', 3)], trx),
      );
      await one.written;
      const two = upsert([record(id, '2031-02', 8, true)]);
      await new Promise((r) => setTimeout(r, 200));
      one.release();
      const outcomes = await Promise.allSettled([one.done, two]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
      // The second came last: February is its record.
      expect(await figures()).toEqual({ '2031-01': [0, 1], '2031-02': [1, 7] });
      await expectExact();
      await db().deleteFrom('communities').where('id', '=', id).execute();
    },
  );

  it.skipIf(!pg)(
    'makes a second writer of one community wait for the first and count after it',
    async () => {
      const id = await member();
      const one = holdingWriter((trx) =>
        trx
          .insertInto('progress')
          .values(record(id, '2031-03', 2, true))
          .execute(),
      );
      await one.written;
      let secondDone = false;
      const two = db()
        .insertInto('progress')
        .values(record(id, '2031-05', 7))
        .execute()
        .then(() => (secondDone = true));
      await new Promise((r) => setTimeout(r, 300));
      // The second waits for the community the first locked, before writing its record.
      expect(secondDone).toBe(false);
      one.release();
      await Promise.all([one.done, two]);
      expect(await figures()).toEqual({ '2031-03': [1, 2], '2031-05': [-1, 5] });
      await expectExact();
      await db().deleteFrom('communities').where('id', '=', id).execute();
    },
  );

  it.skipIf(!pg)('is undone by down and done again', async () => {
    const triggers = async () =>
      (
        await sql<{ tgname: string }>`select tgname from pg_trigger
          where tgrelid = 'progress'::regclass and tgname like 'figures%' order by tgname`.execute(
          db(),
        )
      ).rows.map((r) => r.tgname);
    const ours = [
      'figures_record_delete_guard',
      'figures_record_key',
      'figures_record_lock',
      'figures_record_out',
      'figures_records_inserted',
      'figures_records_open',
      'figures_records_updated',
    ];
    expect(await triggers()).toEqual(ours);
    const raw = db() as unknown as Kysely<unknown>;
    await m0036.down(raw);
    expect(await triggers()).toEqual([
      'figures_record_changed',
      'figures_record_in',
      'figures_record_out',
    ]);
    // 0030's row triggers count as before.
    const id = await member();
    await upsert([record(id, '2031-03', 2, true), record(id, '2031-05', 7)]);
    expect(await figures()).toEqual({ '2031-03': [1, 2], '2031-05': [-1, 5] });
    await m0036.up(ctx.db.dialect)(raw);
    expect(await triggers()).toEqual(ours);
    await upsert([record(id, '2031-03', 4, true), record(id, '2031-04', 1, true)]);
    expect(await figures()).toEqual({ '2031-03': [1, 4], '2031-04': [0, -3], '2031-05': [-1, 6] });
    await expectExact();
  });
});
