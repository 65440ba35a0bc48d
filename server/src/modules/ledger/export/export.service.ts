/**
 * The ledger in the columns of the import template, as csv or xlsx, streamed: an exported file
 * imported into an empty database gives back the same ledger (round trip). Text cells that would
 * read as formulas are made safe (domain/spreadsheet-cells.ts); the import takes that off again.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { CommunityRow, Database } from '../../../db/schema.ts';
import { formatScaled } from '../../../domain/ledger/decimal.ts';
import { csvLine, neutraliseWorkbook, safeCell } from '../../../domain/spreadsheet-cells.ts';
import { EXCLUSION_TEXT } from '../../../domain/ledger/rows.ts';
import { COLUMNS, HEADERS, type ColumnKey } from '../../../domain/ledger/template.ts';
import { AREA_CLASS_LABELS } from '../../../domain/regions.ts';
import { iterateCommunities, type CommunityFilter } from '../communities.repository.ts';
import { regionNames } from '../communities.service.ts';
import { committed, sheetDrained, writeChunk } from '../../../export-stream.ts';

export type ExportFormat = 'csv' | 'xlsx';

type Cell = string | number;
const NUMERIC: ReadonlySet<ColumnKey> = new Set([
  'buildYear',
  'buildings',
  'households',
  'floorArea',
  'investment',
  'planYear',
  'seq',
]);

function cells(c: CommunityRow, seq: number, regionName: string): Record<ColumnKey, Cell> {
  return {
    seq,
    regionCode: c.region_code,
    regionName,
    street: c.street,
    name: c.name,
    address: c.address,
    buildYear: c.build_year,
    areaClass: c.area_class_entered ? AREA_CLASS_LABELS[c.area_class] : '',
    buildings: c.buildings,
    households: c.households,
    floorArea: formatScaled(c.floor_area_centi, 2, 0),
    investment: formatScaled(c.investment_yuan, 4, 0),
    planYear: c.plan_year,
    content: c.content,
    ownership: c.ownership,
    exclusion: EXCLUSION_TEXT[c.exclusion],
    subsidyYear: c.subsidy_years.split(',')[0] ?? '',
  };
}

export async function exportLedger(
  db: Kysely<Database>,
  filter: CommunityFilter,
  format: ExportFormat,
  out: Writable,
): Promise<number> {
  let seq = 0;
  if (format === 'csv') {
    await writeChunk(out, `\uFEFF${csvLine(HEADERS)}`);
    for await (const batch of iterateCommunities(db, filter)) {
      const names = await regionNames(db, batch);
      let text = '';
      for (const c of batch) {
        const row = cells(c, ++seq, names.get(c.region_code) ?? '');
        text += csvLine(COLUMNS.map((col) => row[col.key]));
      }
      await writeChunk(out, text);
    }
    out.end();
    return seq;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('改造项目清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(8, c.header.length * 2 + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const batch of iterateCommunities(db, filter)) {
    const names = await regionNames(db, batch);
    for (const c of batch) {
      const row = cells(c, ++seq, names.get(c.region_code) ?? '');
      const values: Record<string, Cell> = {};
      for (const col of COLUMNS) {
        const v = row[col.key];
        // Exact decimals go in as numbers: their shortest JavaScript form is the same text back.
        values[col.key] = NUMERIC.has(col.key) ? (v === '' ? '' : Number(v)) : safeCell(String(v));
      }
      sheet.addRow(values).commit();
    }
    await sheetDrained(sheet, out);
  }
  sheet.commit();
  await committed(workbook.commit(), out);
  return seq;
}

/** The downloadable template: the headers, one example row, and a 填写说明 sheet. */
export async function writeTemplate(out: Writable): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('改造项目清单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: Math.max(10, c.header.length * 2 + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  const help = workbook.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 26 },
    { header: '是否必填', width: 10 },
    { header: '填写要求', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of COLUMNS)
    help.addRow([
      c.header,
      c.required ? '必填' : c.key === 'regionCode' || c.key === 'regionName' ? '二选一' : '选填',
      c.help,
    ]);
  help.addRow([]);
  help.addRow([
    '说明',
    '',
    '每行一个小区；表头须在第一行，列的顺序不限。任何一行有误时整个文件都不会导入，系统会列出每个错误的行号和列名。',
  ]);
  help.addRow([
    '',
    '',
    '同一县级单位内名称相同（忽略空格、全半角、括号、“小区/院/宿舍”等后缀）的小区视为同一小区，只能登记一次。',
  ]);
  await neutraliseWorkbook(workbook).xlsx.write(out);
}
