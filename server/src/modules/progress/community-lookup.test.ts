/**
 * The progress import's name lookup (issue 9, §1): the same name in another writing finds the
 * community; a name equal only without its generic suffix is refused naming the candidate.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { communityLookup } from './community-lookup.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-lookup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describeEachEngine('community lookup for reports', (ctx) => {
  const ids = new Map<string, number>();
  beforeAll(async () => {
    const path = join(dir, `ledger-${ctx.engine}.csv`);
    writeFileSync(
      path,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460106,机械厂家属院,1990,3,60,5000,100,2023',
        '460106,建设路3号院,1990,3,60,5000,100,2023',
        '620201,雄关小区,1990,3,60,5000,100,2023',
      ].join('\n'),
    );
    const report = await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false });
    expect(report.errors).toEqual([]);
    for (const c of await ctx.db.db.selectFrom('communities').select(['id', 'name']).execute())
      ids.set(c.name, c.id);
  });

  it('finds a community by its name in another writing, and by an alias code', async () => {
    const lookup = await communityLookup(ctx.db.db, SYSTEM_ACTOR);
    expect(await lookup.find('460106', '建设路三号院')).toMatchObject({
      found: true,
      id: ids.get('建设路3号院'),
      regionCode: '460106',
    });
    expect(await lookup.find('460106', ' 机械厂 家属院')).toMatchObject({
      found: true,
      id: ids.get('机械厂家属院'),
    });
    expect(await lookup.find('620201', '雄关小区')).toMatchObject({
      found: true,
      id: ids.get('雄关小区'),
      regionCode: '620200',
    });
  });

  it('refuses a name that matches only without its suffix, naming the candidate', async () => {
    const lookup = await communityLookup(ctx.db.db, SYSTEM_ACTOR);
    const miss = await lookup.find('460106', '机械厂小区');
    expect(miss).toMatchObject({ found: false, column: '小区名称' });
    expect(miss.found || miss.message).toMatch(/台账中没有“机械厂小区”，是否为 机械厂家属院？/);
    const none = await lookup.find('460106', '化肥厂宿舍');
    expect(none.found || none.message).toMatch(/龙华区的台账中没有“化肥厂宿舍”/);
  });

  it('refuses a retired code naming its successor', async () => {
    const lookup = await communityLookup(ctx.db.db, SYSTEM_ACTOR);
    const retired = await lookup.find('110103', '某小区');
    expect(retired).toMatchObject({ found: false, column: '区划代码' });
    expect(retired.found || retired.message).toMatch(/东城区（110101）/);
  });
});
