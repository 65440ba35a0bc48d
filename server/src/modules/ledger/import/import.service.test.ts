import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../../domain/actor.ts';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { SYSTEM_ACTOR } from '../../users/users.service.ts';
import { projectsOfCommunity, totalsOf } from '../communities.repository.ts';
import { historyOf } from '../history.repository.ts';
import { importProjectList, projectCode } from './import.service.ts';
import { HAINAN_PROJECT_LIST } from '../../../test-support/samples.ts';

const SAMPLE = HAINAN_PROJECT_LIST;
const dir = mkdtempSync(join(tmpdir(), 'gaizao-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度,是否拟征收或拆除新建,已纳入中央补助年度';
function csv(name: string, ...rows: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return path;
}

const haikou: Actor = {
  userId: 0,
  username: 'haikou',
  roles: ['city'],
  regionCode: '460100',
  regionPath: '/000000/460000/460100/',
  regionLevel: 'prefecture',
};
const all = { scopePath: '/' };

describeEachEngine('project list import', (ctx) => {
  beforeAll(() => undefined);

  it('imports the Hainan sample exactly: 52 communities, every total to the unit', async () => {
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ rows: 52, imported: 52, errorCount: 0 });
    // Totals from the file itself, in exact integer units.
    const lines = readFileSync(SAMPLE, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const sum = (i: number, scale: number) =>
      lines.reduce((s, l) => s + Math.round(Number(l[i]) * scale), 0);
    expect(await totalsOf(ctx.db.db, all)).toEqual({
      count: 52,
      households: sum(9, 1),
      buildings: sum(8, 1),
      floorAreaCenti: sum(10, 100),
      investmentYuan: sum(11, 10_000),
    });
    // One audit entry for the file, written in the import's transaction.
    const audited = await ctx.db.db
      .selectFrom('audit_log')
      .select(['actor_username', 'detail'])
      .where('action', '=', 'ledger.import')
      .execute();
    expect(audited).toEqual([{ actor_username: SYSTEM_ACTOR.username, detail: '{"rows":52}' }]);
  });

  it('stores nothing when any row is invalid, and lists every invalid row by line and column', async () => {
    const path = csv(
      'bad.csv',
      '460106,好人小区,1990,3,60,5000,100,2023,,',
      '460106,坏年份小区,2008,3,60,5000,100,2023,,',
      '460106,拆迁小区,1990,3,60,5000,100,2023,是,',
      '460106,补助过小区,1990,3,60,5000,100,2023,,2019',
      '460106,零栋小区,1990,0,60,5000,100,2023,,',
    );
    const before = await totalsOf(ctx.db.db, all);
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false });
    expect(report.imported).toBe(0);
    // A late build and an earlier subsidy are the plan checks' to refuse (issue 9 §2, §4).
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [4, '是否拟征收或拆除新建'],
      [6, '楼栋数'],
    ]);
    expect(report.errors[0]!.message).toMatch(/不得纳入改造计划/);
    expect(report.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 3,
          column: '建成年份',
          message: expect.stringContaining(
            '2000年底后建成小区纳入改造计划的，建成年限不得晚于2005年底（2023年度政策，建办城〔2021〕28号）',
          ),
        }),
        expect.objectContaining({
          line: 5,
          column: '已纳入中央补助年度',
          message: expect.stringContaining('不得重复申报'),
        }),
      ]),
    );
    expect(await totalsOf(ctx.db.db, all)).toEqual(before);
  });

  it('names both lines when a community appears twice in a file, and the stored one when it is already in the ledger', async () => {
    const twice = await importProjectList(
      ctx.db.db,
      SYSTEM_ACTOR,
      csv(
        'twice.csv',
        '460106,建设路3号院,1990,3,60,5000,100,2023,,',
        '460106,建设路三号院,1991,3,60,5000,100,2023,,',
      ),
      { dryRun: true },
    );
    expect(twice.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: '小区名称',
        message: expect.stringContaining('第 2 行'),
      }),
    ]);
    const stored = await importProjectList(
      ctx.db.db,
      SYSTEM_ACTOR,
      csv('stored.csv', '460105,胜利路189号院（一期）,1990,3,60,5000,100,2023,,'),
      { dryRun: true },
    );
    expect(stored.errors).toEqual([]);
    const same = await importProjectList(
      ctx.db.db,
      SYSTEM_ACTOR,
      csv('same.csv', '460105,胜利路 189 号院,1990,3,60,5000,100,2023,,'),
      { dryRun: true },
    );
    expect(same.errors[0]!.message).toMatch(/台账中已有的小区“胜利路189号院”/);
  });

  it('still names the stored community once another row has failed the import', async () => {
    const path = csv(
      'failed.csv',
      '460106,零栋二号小区,1990,0,60,5000,100,2023,,',
      '460105,胜利路189号院,1990,3,60,5000,100,2023,,',
    );
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false });
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, '楼栋数'],
      [3, '小区名称'],
    ]);
    expect(report.errors[1]!.message).toMatch(/台账中已有的小区“胜利路189号院”/);
  });

  it('gives each imported community a project of its own, coded as for a new one, and an import entry in its history', async () => {
    const now = new Date('2026-03-04T05:06:07.000Z');
    const names = ['历史路1号院', '历史路2号院', '历史路3号院'];
    const path = csv('history.csv', ...names.map((n) => `460107,${n},1990,3,60,5000,100,2024,,`));
    const report = await importProjectList(ctx.db.db, haikou, path, { dryRun: false, now });
    expect(report).toMatchObject({ imported: 3, errorCount: 0 });
    const stored = await ctx.db.db
      .selectFrom('communities')
      .select(['id', 'name', 'plan_year', 'region_code', 'prefecture_code', 'region_path'])
      .where('name', 'in', names)
      .orderBy('id')
      .execute();
    expect(stored.map((c) => c.name)).toEqual(names);
    for (const c of stored) {
      const projects = await projectsOfCommunity(ctx.db.db, c.id);
      expect(projects).toEqual([
        expect.objectContaining({
          code: projectCode(c.plan_year, c.region_code, c.id),
          name: c.name,
          prefecture_code: c.prefecture_code,
          region_path: c.region_path,
          plan_year: 2024,
          pool: 'implement',
          version: 1,
          created_at: now.toISOString(),
        }),
      ]);
      expect(await historyOf(ctx.db.db, 'community', c.id)).toEqual([
        {
          at: now.toISOString(),
          username: 'haikou',
          // no account of that name here: the login name is all there is to show
          person: 'haikou',
          action: 'import',
          version: 1,
          changes: [],
        },
      ]);
    }
  });

  it('warns of a near name in the same unit, a post-2000 build and implausible values, without blocking', async () => {
    const path = csv('near.csv', '460106,解放公寓南院,2003,16,489,30435.36,1145.7391,2023,,');
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: true });
    expect(report.errorCount).toBe(0);
    expect(report.suspected.map((p) => p.message).join('\n')).toMatch(/“解放公寓北院”.*疑似重复/);
    expect(report.warnings.map((w) => w.message).join('\n')).toMatch(/2000年底后建成/);
    // The preview's 值 column shows the figure the message is about, never an empty cell.
    expect(report.warnings).toContainEqual(
      expect.objectContaining({ column: '建成年份', value: '2003' }),
    );
    expect(report.warnings.filter((w) => w.value === '')).toEqual([]);
  });

  it('refuses rows outside the importing user’s region', async () => {
    const path = csv(
      'outside.csv',
      '460106,海口小区,1990,3,60,5000,100,2023,,',
      '460201,三亚小区,1990,3,60,5000,100,2023,,',
    );
    const report = await importProjectList(ctx.db.db, haikou, path, { dryRun: true });
    expect(report.errors).toEqual([
      expect.objectContaining({
        line: 3,
        column: '区划代码',
        message: expect.stringContaining('辖区'),
      }),
    ]);
  });

  it('refuses a row with something under no header, past the last or under a blank one', async () => {
    const past = csv(
      'stray.csv',
      '460106,有表头小区,1990,3,60,5000,100,2023,,',
      '460106,多两格小区,1990,3,60,5000,100,2023,,,,备注,12',
    );
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, past, { dryRun: false });
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'L列（无表头）', value: '备注' }),
    ]);
    expect(report.errors[0]!.message).toMatch(/^该单元格所在列没有表头/);
    const under = join(dir, 'blank-header.csv');
    writeFileSync(
      under,
      [
        HEADER.replace('小区名称,', '小区名称,,'),
        '460106,空表头小区,x,1990,3,60,5000,100,2023,,',
      ].join('\n'),
    );
    const blank = await importProjectList(ctx.db.db, SYSTEM_ACTOR, under, { dryRun: false });
    expect(blank.errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [2, 'C列（无表头）', 'x'],
    ]);
    // Empty cells past the header, as spreadsheets save them, are no content.
    const trailing = csv('trailing.csv', '460106,尾随空格小区,1990,3,60,5000,100,2023,,,, ,');
    const fine = await importProjectList(ctx.db.db, SYSTEM_ACTOR, trailing, { dryRun: true });
    expect(fine.errors).toEqual([]);
  });

  it('reports a wrong header as missing columns and stores nothing', async () => {
    const path = join(dir, 'header.csv');
    writeFileSync(path, '名称,年份\n某小区,1990\n');
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false });
    expect(report.errors.map((e) => e.column)).toEqual(
      expect.arrayContaining(['小区名称', '建成年份', '楼栋数']),
    );
    expect(report.errors.every((e) => e.line === 1)).toBe(true);
  });
});

describeEachEngine('duplicates across neighbouring units', (ctx) => {
  it('suspects the same address in two neighbouring units of one city', async () => {
    const path = join(dir, `neighbours-${ctx.engine}.csv`);
    writeFileSync(
      path,
      [
        '区划代码,小区名称,详细地址,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460105,滨海新村,海口市滨海大道18号,1995,3,60,5000,100,2023',
        '460106,滨海花园,海口市滨海大道 18 号,1996,3,60,5000,100,2023',
        '460107,椰城小区,海口市椰城路1号,1996,3,60,5000,100,2023',
      ].join('\n'),
    );
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false });
    expect(report.errors).toEqual([]);
    expect(report.suspected).toEqual([
      expect.objectContaining({
        likeness: 'place',
        a: expect.objectContaining({ line: 2, name: '滨海新村', regionCode: '460105' }),
        b: expect.objectContaining({ line: 3, name: '滨海花园', regionCode: '460106' }),
      }),
    ]);
  });
});
