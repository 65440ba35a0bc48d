/**
 * Migration 0032: the communities whose latest record has a start date, written from the records
 * already there, and kept by its triggers on both engines (a later record without a start date
 * takes a community out again; deleting records and upserting them are followed). Migration 0033:
 * the same set, a community's row left alone while it stays started.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { startedFromLedger } from '../modules/figures/figures.repository.ts';
import { importProjectList } from '../modules/ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import * as m0032 from './migrations/0032_started_communities.ts';
import * as m0033 from './migrations/0033_started_without_churn.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-started-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachEngine('migrations 0032 and 0033: started communities', (ctx) => {
  it('writes them from the records, then follows every write', async () => {
    const db = ctx.db.db;
    const path = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      path,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460106,一村,1990,3,60,5000,100,2022',
        '460106,二村,1991,3,60,5000,100,2022',
        '460106,三村,1992,3,60,5000,100,2022',
      ].join('\n'),
    );
    expect((await importProjectList(db, SYSTEM_ACTOR, path, { dryRun: false })).errors).toEqual([]);
    const [a, b, c] = (await db.selectFrom('communities').select('id').orderBy('id').execute()).map(
      (r) => r.id,
    );
    const record = (id: number, period: string, start: string | null) =>
      sql`insert into progress (community_id, period, start_date, username, updated_at)
          values (${id}, ${period}, ${start}, 'test', '2022-12-01T00:00:00.000Z')
          on conflict (community_id, period) do update set start_date = excluded.start_date`.execute(
        db,
      );
    const stored = async () =>
      (await db.selectFrom('started_communities').select('community_id').execute())
        .map((r) => r.community_id)
        .sort((x, y) => x - y);
    const expectExact = async (ids: number[]) => {
      expect(await stored()).toEqual(ids);
      expect((await startedFromLedger(db)).map((r) => r.community_id)).toEqual(ids);
    };

    await record(a!, '2022-03', '2022-03-10');
    await record(b!, '2022-03', '2022-03-12');
    await record(b!, '2022-04', null); // b's latest record has no start date
    await expectExact([a!]);

    // Written again from the records by the migration itself.
    const raw = db as unknown as Kysely<unknown>;
    await m0033.down(raw);
    await m0032.down(raw);
    await m0032.up(ctx.db.dialect)(raw);
    await expectExact([a!]);
    await m0033.up(ctx.db.dialect)(raw);

    // A later record of a started community that keeps it started leaves its row as it was
    // (PostgreSQL: no new row version for autovacuum; 0032 deleted and inserted it again).
    // SQLite keeps no row versions to compare: there the set alone is checked.
    const version = async () =>
      (
        await sql<{
          v: string;
        }>`select xmin::text as v from started_communities where community_id = ${a!}`.execute(db)
      ).rows[0]?.v;
    const before = ctx.engine === 'postgres' ? await version() : undefined;
    await record(a!, '2022-04', '2022-03-10');
    if (ctx.engine === 'postgres') expect(await version()).toBe(before);
    await db
      .deleteFrom('progress')
      .where('community_id', '=', a!)
      .where('period', '=', '2022-04')
      .execute();
    await expectExact([a!]);

    await record(b!, '2022-04', '2022-04-02'); // an upsert that meets the key
    await record(c!, '2022-05', null);
    await expectExact([a!, b!]);
    await record(a!, '2022-06', null);
    await expectExact([b!]);
    await db
      .deleteFrom('progress')
      .where('community_id', '=', a!)
      .where('period', '=', '2022-06')
      .execute();
    await expectExact([a!, b!]);
    await db
      .updateTable('progress')
      .set({ start_date: '2022-05-20' })
      .where('community_id', '=', c!)
      .execute();
    await expectExact([a!, b!, c!]);
    await db.deleteFrom('communities').where('id', '=', b!).execute(); // its records go with it
    await expectExact([a!, c!]);
  });
});
