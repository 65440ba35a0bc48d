/**
 * Same name and similar names in a project list (issue 9, §1), and codes as bureaus write them
 * (§6): an orthographic match is an error naming both lines; a match only without a generic suffix
 * is a suspected duplicate that lets the import through and stays on both communities; a
 * statistical code of a city without districts files the row under the city, with a note; a retired
 * code is refused naming its successor.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../../test-support/engines.ts';
import { SYSTEM_ACTOR } from '../../users/users.service.ts';
import { communityDetail, listLedger } from '../communities.service.ts';
import { setPairStatus } from '../duplicates.service.ts';
import { importProjectList } from './import.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-import-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER =
  '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度';
let files = 0;
function csv(...rows: string[]): string {
  const path = join(dir, `list-${++files}.csv`);
  writeFileSync(path, [HEADER, ...rows].join('\n'));
  return path;
}
const row = (code: string, name: string) => `${code},${name},1990,3,60,5000,100,2023`;

describeEachEngine('duplicates and suspected duplicates in a project list', (ctx) => {
  const run = (path: string, dryRun = false) =>
    importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun });
  const idOf = async (name: string) =>
    (
      await ctx.db.db
        .selectFrom('communities')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow()
    ).id;

  it('refuses the same name written two ways in one county, naming both lines', async () => {
    const report = await run(csv(row('460106', '建设路3号院'), row('460106', '建设路三号院')));
    expect(report.imported).toBe(0);
    expect(report.errors).toEqual([
      expect.objectContaining({ line: 3, column: '小区名称', value: '建设路三号院' }),
    ]);
    expect(report.errors[0]!.message).toMatch(
      /第 2 行“建设路3号院”与第 3 行“建设路三号院”是同一小区/,
    );
    const brackets = await run(
      csv(
        row('460106', '幸福小区（一期）'),
        row('460106', 'ＸＹ幸福小区一期'),
        row('460106', '幸福小区 一期'),
      ),
    );
    expect(brackets.errors.map((e) => e.line)).toEqual([4]);
    expect(brackets.errors[0]!.message).toMatch(/^第 2 行“幸福小区（一期）”与第 4 行/);
  });

  it('imports names that differ only by a generic suffix, with one suspected duplicate naming both places', async () => {
    const path = csv(
      row('460106', '机械厂家属院'),
      row('460106', '机械厂小区'),
      row('460105', '机械厂宿舍'), // another county: not a suspect
    );
    const check = await run(path, true);
    expect(check).toMatchObject({ errorCount: 0, imported: 0, suspectedCount: 1 });
    const report = await run(path);
    expect(report).toMatchObject({ errorCount: 0, imported: 3, suspectedCount: 1 });
    expect(report.suspected).toEqual([
      {
        likeness: 'suffix',
        a: {
          line: 2,
          communityId: null,
          name: '机械厂家属院',
          regionCode: '460106',
          regionName: '龙华区',
        },
        b: {
          line: 3,
          communityId: null,
          name: '机械厂小区',
          regionCode: '460106',
          regionName: '龙华区',
        },
        message: expect.stringMatching(
          /第 2 行“机械厂家属院”（龙华区）与第 3 行“机械厂小区”（龙华区）名称仅通用后缀不同，疑似重复/,
        ),
      },
    ]);
    // Both carry the suspicion: the ledger's 疑似重复 filter lists them, each page names the other.
    const [compound, dormitory] = [await idOf('机械厂家属院'), await idOf('机械厂小区')];
    const page = await listLedger(ctx.db.db, SYSTEM_ACTOR, {
      suspected: true,
      q: '机械厂',
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 20,
    });
    expect(page.items.map((c) => c.name).sort()).toEqual(['机械厂家属院', '机械厂小区']);
    expect((await communityDetail(ctx.db.db, SYSTEM_ACTOR, compound)).duplicates).toEqual([
      expect.objectContaining({ id: dormitory, status: 'suspected' }),
    ]);
    // A later file with a third name of the family suspects the stored ones, by their ledger ids.
    const later = await run(csv(row('460106', '机械厂生活区')), true);
    expect(later.suspected.map((p) => [p.a.line, p.b.communityId])).toEqual(
      expect.arrayContaining([
        [2, compound],
        [2, dormitory],
      ]),
    );
    expect(later.suspectedCount).toBe(2);
    // Dismissed, the pair leaves the filter.
    expect(await setPairStatus(ctx.db.db, dormitory, compound, 'dismissed', 'admin')).toBe(true);
    const after = await listLedger(ctx.db.db, SYSTEM_ACTOR, {
      suspected: true,
      q: '机械厂',
      sort: 'name',
      order: 'asc',
      page: 1,
      pageSize: 20,
    });
    expect(after.items).toEqual([]);
  });

  it('still refuses a name already stored, whatever its writing', async () => {
    const report = await run(csv(row('460106', '机械厂 家属院')), true);
    expect(report.errors[0]!.message).toMatch(/台账中已有的小区“机械厂家属院”/);
  });
});

describeEachEngine('region codes as bureaus write them', (ctx) => {
  const run = (path: string, dryRun = false) =>
    importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun });

  it('files 620201 under 嘉峪关市 (620200), and says so', async () => {
    const report = await run(
      csv(row('620201', '雄关小区'), row('620201', '钢城小区'), row('620201003000', '五一小区')),
    );
    expect(report).toMatchObject({ errorCount: 0, imported: 3 });
    expect(report.codeAliases).toEqual([
      expect.objectContaining({
        code: '620201',
        unitCode: '620200',
        unitName: '嘉峪关市',
        rows: 2,
        firstLine: 2,
      }),
      expect.objectContaining({ code: '620201003000', unitCode: '620200', rows: 1, firstLine: 4 }),
    ]);
    expect(report.codeAliases[0]!.message).toMatch(/620201.*嘉峪关市.*2 行.*620200/);
    const stored = await ctx.db.db
      .selectFrom('communities')
      .select(['region_code', 'prefecture_code'])
      .where('name', '=', '雄关小区')
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ region_code: '620200', prefecture_code: '620200' });
  });

  it('takes 4419xx for 东莞 but not an unknown code under a city with districts', async () => {
    const report = await run(csv(row('441901', '莞城小区'), row('440199', '无名小区')), true);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([[3, '区划代码']]);
  });

  it('refuses a retired code naming its successor', async () => {
    const report = await run(csv(row('310108', '闸北小区'), row('130421', '邯郸县小区')), true);
    expect(report.errors.map((e) => [e.line, e.column])).toEqual([
      [2, '区划代码'],
      [3, '区划代码'],
    ]);
    expect(report.errors[0]!.message).toMatch(
      /310108（闸北区）已于 2015 年撤销.*静安区（310106）.*请改用 310106/,
    );
    expect(report.errors[1]!.message).toMatch(/邯山区（130402）、丛台区（130403）/);
  });
});
