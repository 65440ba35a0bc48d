import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LIVE_LABEL, ROUNDING_NOTE } from '../../domain/plan-table.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { planTable, planTableCsv, type PlanTableView } from './plan-table.service.ts';
import { writePlanTableXlsx } from './plan-table.xlsx.ts';
import { SAMPLES_DIR as SAMPLES } from '../../test-support/samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-plan-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEADER_LAST_ROW = 5;
const SEALS = ['省级住房和城乡建设部门盖章', '省级发展改革部门盖章', '省级财政部门盖章'];

async function roundTrip(table: PlanTableView, name: string): Promise<ExcelJS.Worksheet> {
  const path = join(dir, name);
  await writePlanTableXlsx(table, createWriteStream(path));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

/** The csv's body lines as [unit, label, ...15 figures as text]. */
const csvBody = (table: PlanTableView) =>
  planTableCsv(table)
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .slice(1)
    .map((line) => line.split(','));

/** The body rows of the sheet (those with a label in column B), as the csv would list them. */
function sheetBody(sheet: ExcelJS.Worksheet) {
  const rows: { row: number; unit: string; label: string; cells: ExcelJS.Cell[] }[] = [];
  for (let r = HEADER_LAST_ROW + 1; r <= sheet.rowCount; r++) {
    const label = sheet.getCell(r, 2);
    if (typeof label.value !== 'string' || label.isMerged) continue;
    const unit = sheet.getCell(r, 1);
    const cells = Array.from({ length: 15 }, (_, i) => sheet.getCell(r, 3 + i));
    rows.push({ row: r, unit: String(unit.master.value), label: label.value, cells });
  }
  return rows;
}

describeEachEngine('plan table xlsx', (ctx) => {
  beforeAll(async () => {
    const report = await importProjectList(
      ctx.db.db,
      SYSTEM_ACTOR,
      join(SAMPLES, 'hainan-2022-project-list.csv'),
      { dryRun: false },
    );
    expect(report.errors).toEqual([]);
  });

  it('lays out the official form: title, 省 and 联系人 line, merged three-row header', async () => {
    const table = await planTable(ctx.db.db, SYSTEM_ACTOR, '46', 2022);
    const sheet = await roundTrip(table, `hainan-${ctx.engine}.xlsx`);
    expect(sheet.getCell('A1').value).toBe('2022年城镇老旧小区改造计划表');
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.getCell('Q1').master.address).toBe('A1');
    expect(sheet.getCell('A2').value).toBe('省(区、市)：海南省');
    expect(sheet.getCell('K2').value).toBe('联系人及电话：');
    expect(sheet.getCell('Q2').master.address).toBe('K2');

    expect(sheet.getCell('A3').value).toBe('地级以上城市');
    expect(sheet.getCell('A5').master.address).toBe('A3');
    expect(sheet.getCell('B3').value).toBe('分 类');
    expect(sheet.getCell('B5').master.address).toBe('B3');
    const groups = ['C', 'F', 'I', 'L', 'O'].map((c) => sheet.getCell(`${c}3`).value);
    expect(groups).toEqual([
      '小区数 (个)',
      '居民户数 (户)',
      '楼栋数 (栋)',
      '住宅建筑面积 (万平方米)',
      '预计投资额 (万元)',
    ]);
    expect(sheet.getCell('E3').master.address).toBe('C3');
    expect(sheet.getCell('Q3').master.address).toBe('O3');
    expect(['C', 'D', 'E'].map((c) => sheet.getCell(`${c}4`).value)).toEqual([
      '2000年底前',
      '2000年底后',
      '合计',
    ]);
    expect(sheet.getCell('D5').master.address).toBe('D4');
    expect(sheet.getCell('C4').alignment.wrapText).toBe(true);
    expect(sheet.getCell('C4').border.top?.style).toBe('thin');
  });

  it('stores every figure as a number equal to the csv’s, with the unit merged down its three rows', async () => {
    const table = await planTable(ctx.db.db, SYSTEM_ACTOR, '46', 2022);
    const sheet = await roundTrip(table, `hainan-body-${ctx.engine}.xlsx`);
    const csv = csvBody(table);
    const body = sheetBody(sheet);
    expect(body).toHaveLength(csv.length);
    body.forEach((row, i) => {
      const [unit, label, ...figures] = csv[i]!;
      expect([row.unit, row.label]).toEqual([unit, label]);
      expect(row.cells.map((c) => c.value)).toEqual(figures.map(Number));
      expect(row.cells.map((c) => typeof c.value)).toEqual(figures.map(() => 'number'));
      expect(row.cells.map((c) => c.numFmt)).toEqual(figures.map((_, k) => (k < 9 ? '0' : '0.00')));
      expect(row.cells.every((c) => c.border.left?.style === 'thin')).toBe(true);
    });
    // Every unit (and the province total) stands once, merged down its three rows.
    for (let i = 0; i < body.length; i += 3) {
      const first = body[i]!.row;
      expect(sheet.getCell(first, 1).isMerged).toBe(true);
      expect(sheet.getCell(first + 2, 1).master.address).toBe(`A${first}`);
      expect(sheet.getCell(first + 3, 1).master.address).not.toBe(`A${first}`);
    }
    expect(body[0]).toMatchObject({ unit: '海口市', label: '全市小计:' });
    expect(body.at(-3)).toMatchObject({ unit: '全省(区、市)', label: '全省(区、市)合计:' });
    // A 2-decimal figure shows as the csv's text: 3359.93 万元 stays 3359.93.
    expect(body[0]!.cells[14]!.value).toBe(3359.93);
  });

  it('prints on A4 landscape, one page wide, header rows on every page, seal lines under the table', async () => {
    const table = await planTable(ctx.db.db, SYSTEM_ACTOR, '46', 2022);
    const sheet = await roundTrip(table, `hainan-print-${ctx.engine}.xlsx`);
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '3:5',
    });
    const lastBody = sheetBody(sheet).at(-1)!.row;
    // Under the table the rounding note, then (after a gap for the stamps) the seal lines.
    expect(sheet.getCell(lastBody + 1, 1).value).toBe(ROUNDING_NOTE);
    const sealRow = sheet.getRow(lastBody + 3);
    const texts = [1, 7, 13].map((c) => sealRow.getCell(c).value);
    expect(texts).toEqual(SEALS);
    expect(sheet.pageSetup.printArea).toBe(`A1:Q${lastBody + 3}`);
    // The live table says what it is, in the title area and on every printed page.
    expect(sheet.getCell('I2').value).toBe(LIVE_LABEL);
    expect(sheet.headerFooter.oddFooter).toContain(LIVE_LABEL);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
  });

  it('gives the country one block per province, each under its name, then the national rows', async () => {
    const table = await planTable(ctx.db.db, SYSTEM_ACTOR, 'all', 2022);
    const sheet = await roundTrip(table, `all-${ctx.engine}.xlsx`);
    expect(sheet.getCell('A2').value).toBe('省(区、市)：全国');
    const csv = csvBody(table);
    const body = sheetBody(sheet);
    expect(body.map((r) => [r.unit, r.label])).toEqual(csv.map(([u, l]) => [u, l]));
    expect(body.map((r) => r.cells.map((c) => c.value))).toEqual(
      csv.map(([, , ...figures]) => figures.map(Number)),
    );
    expect(sheet.getCell('A6').value).toBe('北京市');
    expect(sheet.getCell('Q6').master.address).toBe('A6');
    const hainan = sheetBody(sheet).find((r) => r.unit === '海口市')!;
    expect(sheet.getCell(hainan.row - 1, 1).value).toBe('海南省');
    expect(body.at(-3)).toMatchObject({ unit: '全国', label: '全国合计:' });
    expect(body.at(-3)!.cells[14]!.value).toBe(
      body.find((r) => r.unit === '海南省')!.cells[14]!.value,
    );
  });
});
