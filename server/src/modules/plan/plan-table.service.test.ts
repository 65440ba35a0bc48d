import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { checkPlan, planTable, planTableCsv } from './plan-table.service.ts';
import { SAMPLES_DIR as SAMPLES } from '../../test-support/samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const lines = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);

describeEachEngine('plan table', (ctx) => {
  beforeAll(async () => {
    const report = await importProjectList(
      ctx.db.db,
      SYSTEM_ACTOR,
      join(SAMPLES, 'hainan-2022-project-list.csv'),
      { dryRun: false },
    );
    expect(report.errors).toEqual([]);
  });

  it('reproduces the worked example (test-support/data/samples) exactly, line by line', async () => {
    const csv = planTableCsv(await planTable(ctx.db.db, SYSTEM_ACTOR, '46', 2022));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv)).toEqual(
      lines(readFileSync(join(SAMPLES, 'hainan-2022-plan-table.csv'), 'utf8')),
    );
  });

  it('gives the country one block per province and a national total equal to the province’s', async () => {
    const t = await planTable(ctx.db.db, SYSTEM_ACTOR, 'all', 2022);
    expect(t.blocks).toHaveLength(32);
    expect(t.blocks.map((b) => b.province.name)).toContain('新疆生产建设兵团');
    const beijing = t.blocks.find((b) => b.province.code === '110000')!;
    expect(beijing.rows.map((r) => r.unit)).toEqual([
      '北京市',
      '北京市',
      '北京市',
      '北京市',
      '北京市',
      '北京市',
    ]);
    const hainanTotal = t.blocks.find((b) => b.province.code === '460000')!.rows.at(-3)!;
    expect(t.national![0]).toEqual({ ...hainanTotal, unit: '全国', label: '全国合计:' });
  });

  it('passes the five checks for the sample, and fails the share check naming the communities when post-2000 households exceed 15 %', async () => {
    const ok = await checkPlan(ctx.db.db, SYSTEM_ACTOR, '460000', 2022);
    expect(ok.checks.filter((c) => !c.passed && c.id !== 'fiscal_capacity')).toEqual([]);
    const path = join(dir, `after-${ctx.engine}.csv`);
    writeFileSync(
      path,
      '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度\n460106,世纪花园,2004,30,1500,150000,3000,2022\n',
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, path, { dryRun: false })).errors,
    ).toEqual([]);
    const bad = await checkPlan(ctx.db.db, SYSTEM_ACTOR, '460000', 2022);
    const share = bad.checks.find((c) => c.id === 'post_cutoff_share')!;
    expect(share).toMatchObject({ passed: false, severity: 'blocking' });
    expect(share.message).toMatch(/2139 户，占计划总户数 10326 户的 20\.71%/);
    expect(share.rows.map((r) => r.name)).toContain('世纪花园');
    const city = await checkPlan(ctx.db.db, SYSTEM_ACTOR, '460100', 2022);
    expect(city.checks.find((c) => c.id === 'post_cutoff_share')!.severity).toBe('warning');
  });
});
