/**
 * `gaizao remind` as cron runs it: real processes on a real database of each engine, two of them at
 * once, each unit notified once; its output and exit status.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { actorAt } from '../test-support/declarations.ts';
import { describeEachEngine } from '../test-support/engines.ts';
import { importProjectList } from '../modules/ledger/import/import.service.ts';
import { submitReport } from '../modules/reports/monthly-reports.service.ts';
import { SYSTEM_ACTOR } from '../modules/users/users.service.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'gaizao-remind-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Late {
  code: string;
  name: string;
  planYear: number;
  period: string;
  dueDate: string;
}

describeEachEngine('gaizao remind', (ctx) => {
  async function gaizao(...args: string[]) {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        ['--import', 'tsx', 'server/src/cli/main.ts', 'remind', ...args, '--db', ctx.url],
        { env: { ...process.env, DATABASE_URL: '' } },
      );
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  }
  const codes = (units: Late[]) => units.map((u) => u.code);

  beforeAll(async () => {
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        '460106,滨海一村,1990,5,90,7000,200,2023',
        '460105,秀英小区,1993,3,40,3000,90,2023',
        '460202,鹿城小区,1995,3,30,2500,80,2022',
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    await submitReport(
      ctx.db.db,
      await actorAt(ctx.db.db, '460106', 'county'),
      '460106',
      2023,
      '2023-02',
      new Date('2023-03-03T10:00:00+08:00'),
    );
  });

  it('two runs at once notify each overdue unit once, and --json prints one document', async () => {
    const [a, b] = await Promise.all([
      gaizao('--date', '2023-03-06', '--json'),
      gaizao('--date', '2023-03-06', '--json'),
    ]);
    expect([a.code, a.stderr, b.code, b.stderr]).toEqual([0, '', 0, '']);
    const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(ra.date).toBe('2023-03-06');
    expect(codes(ra.overdue)).toEqual(['460000', '460100', '460105']);
    expect(codes(rb.overdue)).toEqual(['460000', '460100', '460105']);
    expect([...codes(ra.notified), ...codes(rb.notified)].sort()).toEqual([
      '460000',
      '460100',
      '460105',
    ]);
    expect(ra.overdue[2]).toEqual({
      code: '460105',
      name: '秀英区',
      planYear: 2023,
      period: '2023-02',
      dueDate: '2023-03-05',
    });
    const notices = await ctx.db.db
      .selectFrom('notifications')
      .select('region_code')
      .where('kind', '=', 'report_late')
      .orderBy('region_code')
      .execute();
    expect(notices.map((n) => n.region_code)).toEqual(['460000', '460100', '460105']);
  }, 240_000);

  it('says in Chinese whom it notified and whom it had already', async () => {
    const again = await gaizao('--date', '2023-03-06');
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toBe(
      '2023-03-06：逾期未报月报的单位 3 个，本次提醒 0 个（其余 3 个本月已提醒过）',
    );
    // 三亚 owes November 2022 (its communities are in 2022's plan).
    const earlier = await gaizao('--date', '2023-01-03');
    expect(earlier.code).toBe(0);
    expect(earlier.stdout.trim().split('\n')).toEqual([
      '2023-01-03：逾期未报月报的单位 3 个，本次提醒 3 个',
      '  460000 海南省  2022年11月月报（2022年度计划，应于 2022-12-05 前上报）',
      '  460200 三亚市  2022年11月月报（2022年度计划，应于 2022-12-05 前上报）',
      '  460202 海棠区  2022年11月月报（2022年度计划，应于 2022-12-05 前上报）',
    ]);
    const none = await gaizao('--date', '2021-06-10');
    expect([none.code, none.stdout.trim()]).toEqual([0, '2021-06-10：没有逾期未报月报的单位']);
  }, 240_000);

  it('refuses bad arguments with exit status 2, in Chinese and without a stack trace', async () => {
    const badDate = await gaizao('--date', '2023-02-30');
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--date 应为 YYYY-MM-DD 格式的日期：2023-02-30');
    expect(badDate.stderr).not.toMatch(/\n\s+at /);
    const future = await gaizao('--date', `${new Date().getUTCFullYear() + 1}-01-01`);
    expect(future.code).toBe(2);
    expect(future.stderr).toContain('--date 不能晚于今天');
    expect((await gaizao('--bogus')).stderr).toContain('参数有误');
    expect((await gaizao('2023-03-06')).code).toBe(2);
  }, 240_000);
});
