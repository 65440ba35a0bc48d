/**
 * 计划改造 counts the plan as submitted (the province's snapshot), 新开工 the current plan
 * (docs/progress-table.md): on both engines, through the service, with the snapshot frozen by
 * the declarations module's own code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { findRegion } from '../regions/regions.repository.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import * as declarations from '../declarations/declarations.repository.ts';
import { currentContent } from '../declarations/declarations.units.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import * as repo from './progress.repository.ts';
import { currentReport } from '../reports/monthly-reports.content.ts';
import { dashboard } from './dashboard.service.ts';
import { progressTable } from './progress.service.ts';
import { NO_MEASURES } from '../../test-support/progress.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-progress-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const Y = 2022;
const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';

describeEachEngine('progress table: submitted plan against current plan', (ctx) => {
  const ids = new Map<string, number>();
  let n = 0;
  async function importRows(rows: string[]) {
    const path = join(dir, `list-${ctx.engine}-${n++}.csv`);
    writeFileSync(path, [HEADER, ...rows].join('\n'));
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false });
    expect(report.errors).toEqual([]);
    for (const c of await ctx.db.db.selectFrom('communities').select(['id', 'name']).execute())
      ids.set(c.name, c.id);
  }
  /** Freezes the current plan of 海南 as submission `version`, as submitting does. */
  async function submit(version: number, state: 'submitted' | 'accepted' | 'returned') {
    const region = (await findRegion(ctx.db.db, '460000'))!;
    const { content, hash } = await currentContent(ctx.db.db, region, 'province', Y);
    await declarations.insertSnapshot(ctx.db.db, {
      unit: '460000',
      year: Y,
      kind: 'submission',
      version,
      hash,
      content,
      by: 'test',
      at: `${Y}-03-31T00:00:00.000Z`,
    });
    await setState(state, version);
  }
  async function setState(state: 'submitted' | 'accepted' | 'returned', version: number) {
    await declarations.saveDeclaration(ctx.db.db, {
      unit_code: '460000',
      plan_year: Y,
      level: 'province',
      state,
      version,
      internal_deadline: null,
      submitted_at: `${Y}-03-31T00:00:00.000Z`,
      updated_at: `${Y}-04-01T00:00:00.000Z`,
    });
  }
  async function start(name: string, period: string, startDate: string) {
    await repo.saveProgress(ctx.db.db, {
      community_id: ids.get(name)!,
      period,
      start_date: startDate,
      completion_date: null,
      ...NO_MEASURES,
      username: 'test',
      updated_at: `${period}-28T00:00:00.000Z`,
    });
  }
  const row = async (scope: string, name: string, month = 12) =>
    (await progressTable(ctx.db.db, SYSTEM_ACTOR, scope, Y, month)).rows
      .find((r) => r[0] === name)!
      .slice(1, 7);

  beforeAll(async () => {
    await importRows([
      '460106,滨海一村,1990,5,90,7000,200,2022',
      '460106,滨海二村,1992,4,60,5000,150,2022',
      '460202,鹿城小区,1995,3,30,2500,80,2022',
    ]);
  });

  it('counts the current plan while nothing is submitted', async () => {
    expect(await row('all', '海南省')).toEqual([3, 180, 0, 0, '0.0%', '0.0%']);
  });

  it('counts the submitted snapshot once there is one; starts of later additions pass 100 %', async () => {
    await submit(1, 'submitted');
    // After the submission: one community added, one household count corrected upwards.
    await importRows(['460106,滨海三村,1998,2,40,3000,60,2022']);
    await ctx.db.db
      .updateTable('communities')
      .set({ households: 70 })
      .where('id', '=', ids.get('滨海二村')!)
      .execute();
    await start('滨海一村', '2022-03', '2022-03-15');
    await start('滨海二村', '2022-06', '2022-06-01');
    await start('滨海三村', '2022-05', '2022-05-20');
    await start('鹿城小区', '2022-09', '2022-09-10');
    // Planned: 3 communities, 180 households as frozen; started: 4 communities, 230 households now.
    expect(await row('all', '海南省')).toEqual([3, 180, 4, 230, '133.3%', '127.8%']);
    expect(await row('all', '合计')).toEqual([3, 180, 4, 230, '133.3%', '127.8%']);
    expect(await row('all', '海南省', 5)).toEqual([3, 180, 2, 130, '66.7%', '72.2%']);
    // The province's table: its prefecture-level rows from the same snapshot.
    expect(await row('46', '海口市')).toEqual([2, 150, 3, 200, '150.0%', '133.3%']);
    expect(await row('46', '三亚市')).toEqual([1, 30, 1, 30, '100.0%', '100.0%']);
    expect(await row('46', '合计')).toEqual([3, 180, 4, 230, '133.3%', '127.8%']);
    // The dashboard counts the same plan, at every level down to a county.
    const board = (scope: string) =>
      dashboard(ctx.db.db, SYSTEM_ACTOR, { scope, year: Y, month: 12 }, new Date('2023-01-15'));
    const plan = (f: {
      planCommunities: number;
      planHouseholds: number;
      startedCommunities: number;
    }) => [f.planCommunities, f.planHouseholds, f.startedCommunities];
    expect(plan((await board('all')).totals)).toEqual([3, 180, 4]);
    const province = await board('46');
    expect(plan(province.totals)).toEqual([3, 180, 4]);
    expect(plan(province.units.find((u) => u.name === '海口市')!)).toEqual([2, 150, 3]);
    expect(plan((await board('460100')).units.find((u) => u.code === '460106')!)).toEqual([
      2, 150, 3,
    ]);
    expect(plan((await board('460106')).totals)).toEqual([2, 150, 3]);
    // So does a monthly report frozen now: its table is the progress table's.
    const hainan = (await findRegion(ctx.db.db, '460000'))!;
    const report = await currentReport(ctx.db.db, hainan, Y, '2022-12');
    expect(report.content.table.rows).toEqual(
      (await progressTable(ctx.db.db, SYSTEM_ACTOR, '46', Y, 12)).rows,
    );
  });

  it('counts the latest submission, accepted or not, and the current plan while returned', async () => {
    await setState('returned', 1);
    expect(await row('all', '海南省')).toEqual([4, 230, 4, 230, '100.0%', '100.0%']);
    await submit(2, 'submitted');
    expect(await row('all', '海南省')).toEqual([4, 230, 4, 230, '100.0%', '100.0%']);
    // A later change to the ledger leaves the accepted plan as it was.
    await ctx.db.db
      .updateTable('communities')
      .set({ households: 100 })
      .where('id', '=', ids.get('滨海三村')!)
      .execute();
    await setState('accepted', 2);
    expect(await row('all', '海南省')).toEqual([4, 230, 4, 290, '100.0%', '126.1%']);
    expect(await row('46', '海口市')).toEqual([3, 200, 3, 260, '100.0%', '130.0%']);
  });

  it('leaves other provinces on their current plan', async () => {
    await importRows(['110105,和平里一区,1985,6,300,20000,500,2022']);
    expect(await row('all', '北京市')).toEqual([1, 300, 0, 0, '0.0%', '0.0%']);
    expect(await row('all', '合计')).toEqual([5, 530, 4, 290, '80.0%', '54.7%']);
  });

  it('reads the counts frozen with the plan; refuses them edited, or a plan without them edited', async () => {
    const db = ctx.db.db;
    const table = () => progressTable(db, SYSTEM_ACTOR, 'all', Y, 12);
    const board = () =>
      dashboard(db, SYSTEM_ACTOR, { scope: 'all', year: Y, month: 12 }, new Date('2023-01-15'));
    const before = (await table()).rows;
    const { id } = (await declarations.snapshotByVersion(db, '460000', Y, 2))!;
    const saved = await db
      .selectFrom('snapshot_counts')
      .selectAll()
      .where('snapshot_id', '=', id)
      .executeTakeFirstOrThrow();

    // Counts changed in the database: the table and the dashboard are refused, not miscounted.
    await db
      .updateTable('snapshot_counts')
      .set({ counts: saved.counts.replace('"460106",3,', '"460106",9,') })
      .where('snapshot_id', '=', id)
      .execute();
    await expect(table()).rejects.toMatchObject({ code: 'INTEGRITY' });
    await expect(board()).rejects.toMatchObject({ code: 'INTEGRITY' });

    // A plan frozen before counts were kept is counted from its content: the same table.
    await db.deleteFrom('snapshot_counts').where('snapshot_id', '=', id).execute();
    expect((await table()).rows).toEqual(before);
    // ... and refused once that content is edited.
    const { content } = (await declarations.findSnapshot(db, id))!;
    await db
      .updateTable('declaration_snapshots')
      .set({ content: content.replace('"households":90', '"households":91') })
      .where('id', '=', id)
      .execute();
    await expect(table()).rejects.toMatchObject({ code: 'INTEGRITY' });
    await db.updateTable('declaration_snapshots').set({ content }).where('id', '=', id).execute();
    await db.insertInto('snapshot_counts').values(saved).execute();
    expect((await table()).rows).toEqual(before);
  });
});
