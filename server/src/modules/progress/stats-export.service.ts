/**
 * The statistics-bureau export (建办城〔2021〕28号 五(三): 及时将改造项目清单提供当地统计部门，
 * 确保统计口径一致): every project of the year's plan with its stable ID, its communities, and the
 * year's indicators as at a month end, as csv or xlsx with a sheet that defines each indicator.
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { underPath } from '../../db/under-path.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatScaled } from '../../domain/ledger/decimal.ts';
import { periodEnd } from '../../domain/progress.ts';
import { forbidden } from '../../errors.ts';
import { csvFile, neutraliseWorkbook } from '../../domain/spreadsheet-cells.ts';
import { canReadLedger } from '../ledger/ledger.policy.ts';
import { resolveScope } from '../regions/scope.ts';

export const INDICATORS: [string, string][] = [
  [
    '项目编号',
    '系统为每个项目生成的稳定编号（XM+计划年度+县级区划代码+序号），统计部门与住建部门共用',
  ],
  ['项目名称', '项目名称；联动改造、集中成片的项目包含多个小区'],
  ['项目库', '实施（纳入当年计划）、谋划、储备'],
  ['小区编号', '台账中小区的编号'],
  ['小区名称', '台账中的小区名称'],
  ['区划代码', '小区所在县级单位的6位代码'],
  ['计划年度', '小区纳入的改造计划年度'],
  ['居民户数', '小区居民户数（户）'],
  ['楼栋数', '小区楼栋数（栋）'],
  ['住宅建筑面积（平方米）', '小区住宅建筑面积'],
  ['预计投资额（万元）', '计划时预计的改造投资'],
  ['开工日期', '截至报告期末的开工日期；空表示未开工。开工须先经居民协商取得共识'],
  ['完工日期', '截至报告期末的完工日期；空表示未完工'],
  ['累计完成投资（万元）', '计划年度开始至报告期末累计完成的投资'],
  ['加装电梯（部）', '累计加装的电梯数'],
  ['改造管线（公里）', '累计改造的供水、排水、供电、供气、供热、通信等管线长度'],
  ['增设养老服务设施（个）', '累计增设的养老服务设施'],
  ['增设托育设施（个）', '累计增设的托育设施'],
  ['增设家政服务设施（个）', '累计增设的家政服务设施'],
  ['增设卫生防疫设施（个）', '累计增设的卫生防疫设施'],
];

export async function statisticsRows(
  db: Kysely<Database>,
  actor: Actor,
  scopeCode: string,
  year: number,
  month: number,
) {
  if (!canReadLedger(actor)) throw forbidden('没有查看台账的权限');
  const region = await resolveScope(db, actor, scopeCode);
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const latest = db
    .selectFrom('progress')
    .select(['community_id', (e) => e.fn.max('period').as('period')])
    .where('period', '<=', period)
    .groupBy('community_id')
    .as('l');
  const rows = await db
    .selectFrom('projects as p')
    .innerJoin('project_communities as pc', 'pc.project_id', 'p.id')
    .innerJoin('communities as c', 'c.id', 'pc.community_id')
    .leftJoin(latest, 'l.community_id', 'c.id')
    .leftJoin('progress as r', (j) =>
      j.onRef('r.community_id', '=', 'l.community_id').onRef('r.period', '=', 'l.period'),
    )
    .where((e) => underPath(e, 'p.region_path', region.path))
    .where('p.plan_year', '=', year)
    .select([
      'p.code',
      'p.name as project_name',
      'p.pool',
      'c.id',
      'c.name',
      'c.region_code',
      'c.plan_year',
      'c.households',
      'c.buildings',
      'c.floor_area_centi',
      'c.investment_yuan',
      'r.start_date',
      'r.completion_date',
      'r.investment_done_yuan',
      'r.elevators',
      'r.pipelines_m',
      'r.elderly_care',
      'r.childcare',
      'r.housekeeping',
      'r.health',
    ])
    .orderBy('p.code')
    .orderBy('c.id')
    .execute();
  const end = periodEnd(period);
  const pool = { implement: '实施', planning: '谋划', reserve: '储备' } as const;
  return rows.map((r) => [
    r.code,
    r.project_name,
    pool[r.pool],
    r.id,
    r.name,
    r.region_code,
    r.plan_year,
    r.households,
    r.buildings,
    formatScaled(Number(r.floor_area_centi), 2),
    formatScaled(Number(r.investment_yuan), 4),
    r.start_date && r.start_date <= end ? r.start_date : '',
    r.completion_date && r.completion_date <= end ? r.completion_date : '',
    formatScaled(Number(r.investment_done_yuan ?? 0), 4),
    r.elevators ?? 0,
    formatScaled(Number(r.pipelines_m ?? 0), 3),
    r.elderly_care ?? 0,
    r.childcare ?? 0,
    r.housekeeping ?? 0,
    r.health ?? 0,
  ]);
}

export const statisticsCsv = (rows: (string | number)[][]): string =>
  csvFile([INDICATORS.map(([h]) => h), ...rows]);

export async function statisticsXlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('改造项目清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(INDICATORS.map(([h]) => h)).font = { bold: true };
  const numeric = new Set([3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 18, 19]);
  for (const r of rows) ws.addRow(r.map((v, i) => (numeric.has(i) && v !== '' ? Number(v) : v)));
  ws.columns.forEach((c) => (c.width = 14));
  const defs = wb.addWorksheet('指标说明');
  defs.addRow(['指标', '定义']).font = { bold: true };
  for (const d of INDICATORS) defs.addRow(d);
  defs.getColumn(1).width = 26;
  defs.getColumn(2).width = 90;
  return Buffer.from(await neutraliseWorkbook(wb).xlsx.writeBuffer());
}
