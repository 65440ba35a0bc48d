/**
 * The statistics-bureau export (建办城〔2021〕28号 五(三): 及时将改造项目清单提供当地统计部门，
 * 确保统计口径一致): every project of the year's plan with its stable ID, its communities, and the
 * year's indicators as at a month end, as csv or xlsx with a sheet that defines each indicator.
 * Streamed a batch of rows at a time, like the ledger export, so the country's file stays in
 * bounded memory (issue 14 §4; bench/exports.ts).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { Database, RegionRow } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { formatScaled } from '../../domain/ledger/decimal.ts';
import { periodEnd } from '../../domain/progress.ts';
import { forbidden } from '../../errors.ts';
import { csvLine, safeCell } from '../../domain/spreadsheet-cells.ts';
import { canReadLedger } from '../ledger/ledger.policy.ts';
import { resolveScope } from '../regions/scope.ts';
import { iterateStatisticsCommunities } from './progress.repository.ts';
import { committed, sheetDrained, writeChunk } from '../../export-stream.ts';

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

export interface StatisticsQuery {
  scope: string;
  year: number;
  month: number;
  format: 'csv' | 'xlsx';
}

/** The region the export covers, refused before any byte is sent (not the ledger's reader, not in scope). */
export async function statisticsScope(
  db: Kysely<Database>,
  actor: Actor,
  scopeCode: string,
): Promise<RegionRow> {
  if (!canReadLedger(actor)) throw forbidden('没有查看台账的权限');
  return resolveScope(db, actor, scopeCode);
}

type Row = (string | number)[];
const POOL = { implement: '实施', planning: '谋划', reserve: '储备' } as const;
/** The columns written as numbers in the xlsx (项目编号, names and dates are text). */
const NUMERIC = new Set([3, 6, 7, 8, 9, 10, 13, 14, 15, 16, 17, 18, 19]);

/** The rows of the export in the order of INDICATORS, a batch at a time. */
async function* statisticsRows(
  db: Kysely<Database>,
  region: RegionRow,
  year: number,
  month: number,
): AsyncGenerator<Row[]> {
  const period = `${year}-${String(month).padStart(2, '0')}`;
  const end = periodEnd(period);
  for await (const batch of iterateStatisticsCommunities(db, region.path, year, period))
    yield batch.map((r) => [
      r.code,
      r.project_name,
      POOL[r.pool],
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

/**
 * Writes the export of `region` (already checked by statisticsScope) to `out` and ends it;
 * returns the number of rows.
 */
export async function writeStatistics(
  db: Kysely<Database>,
  region: RegionRow,
  q: Omit<StatisticsQuery, 'scope'>,
  out: Writable,
): Promise<number> {
  const rows = statisticsRows(db, region, q.year, q.month);
  let n = 0;
  if (q.format === 'csv') {
    await writeChunk(out, `\uFEFF${csvLine(INDICATORS.map(([h]) => h))}`);
    for await (const batch of rows) {
      await writeChunk(out, batch.map(csvLine).join(''));
      n += batch.length;
    }
    out.end();
    return n;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const ws = wb.addWorksheet('改造项目清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = INDICATORS.map(() => ({ width: 14 }));
  const header = ws.addRow(INDICATORS.map(([h]) => h));
  header.font = { bold: true };
  header.commit();
  for await (const batch of rows) {
    for (const r of batch)
      ws.addRow(r.map((v, i) => (NUMERIC.has(i) && v !== '' ? Number(v) : safeCell(v)))).commit();
    n += batch.length;
    await sheetDrained(ws, out);
  }
  ws.commit();
  const defs = wb.addWorksheet('指标说明');
  defs.getColumn(1).width = 26;
  defs.getColumn(2).width = 90;
  const title = defs.addRow(['指标', '定义']);
  title.font = { bold: true };
  title.commit();
  for (const d of INDICATORS) defs.addRow(d.map(safeCell)).commit();
  defs.commit();
  await committed(wb.commit(), out);
  return n;
}

/** The whole export for an actor: the scope checked, then the file streamed to `out`. */
export async function exportStatistics(
  db: Kysely<Database>,
  actor: Actor,
  q: StatisticsQuery,
  out: Writable,
): Promise<number> {
  return writeStatistics(db, await statisticsScope(db, actor, q.scope), q, out);
}
