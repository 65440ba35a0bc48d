/**
 * The plan table as the official form 《城镇老旧小区改造计划表》 (建办城〔2021〕28号 附件;
 * docs/plan-table.md, "Layout" and "Formats"), laid out as a person prints it: title,
 * 省(区、市) and 联系人 line, a three-row header, each unit's name merged down its three rows, the
 * three seal lines under the table, A4 landscape, one page wide, header rows on every page.
 * What the figures are stands on the form: 工作底稿（未冻结） for the live table, the version and its
 * 校验码 (hash) for a frozen one; the rounding note under the table. A frozen version's file is the
 * same bytes at every download (its dates are the version's).
 */
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { neutraliseWorkbook } from '../../domain/spreadsheet-cells.ts';
import type { DisplayRow } from '../../domain/plan-table.ts';
import { bucketLabels, MEASURES, measureTitle, SEALS } from '../../../../common/plan-table.ts';
import { withZipTimes } from '../../domain/zip-times.ts';
import type { PlanTableBlock, PlanTableView } from './plan-table.service.ts';

const COLUMNS = 2 + MEASURES.length * 3; // 地级以上城市, 分 类, then 3 per measure: 17
const LAST_COLUMN = 'Q';
const HEADER_ROWS = [3, 5] as const; // the three header rows: 3, 4 and 5
/** Values 0–8 are counts (小区数, 居民户数, 楼栋数); 9–14 are 万平方米 and 万元 with 2 decimals. */
const COUNT_VALUES = 9;

const FONT = '宋体';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};
const CENTER: Partial<ExcelJS.Alignment> = {
  horizontal: 'center',
  vertical: 'middle',
  wrapText: true,
};

/** Display width of a text in Excel's character units: a CJK character takes two. */
const textWidth = (s: string): number =>
  [...s].reduce((w, ch) => w + (/[\u2E80-\uFFFF]/.test(ch) ? 2 : 1), 0);

function styleCell(cell: ExcelJS.Cell, font: Partial<ExcelJS.Font> = {}): void {
  cell.font = { name: FONT, size: 10, ...font };
  cell.border = THIN;
}

function writeHeader(sheet: ExcelJS.Worksheet, cutoffYear: number): void {
  const [top, bottom] = HEADER_ROWS;
  const labels = bucketLabels(cutoffYear);
  sheet.mergeCells(top, 1, bottom, 1);
  sheet.getCell(top, 1).value = '地级以上城市';
  sheet.mergeCells(top, 2, bottom, 2);
  sheet.getCell(top, 2).value = '分 类';
  MEASURES.forEach((m, i) => {
    const first = 3 + i * 3;
    sheet.mergeCells(top, first, top, first + 2);
    sheet.getCell(top, first).value = measureTitle(m);
    labels.forEach((label, j) => {
      sheet.mergeCells(top + 1, first + j, bottom, first + j);
      sheet.getCell(top + 1, first + j).value = label;
    });
  });
  for (let r = top; r <= bottom; r++) {
    sheet.getRow(r).height = r === top ? 24 : 15;
    for (let c = 1; c <= COLUMNS; c++) {
      const cell = sheet.getCell(r, c);
      styleCell(cell, { bold: true });
      cell.alignment = CENTER;
    }
  }
}

/** One unit's rows (its subtotal or total, then its categories), its name merged down them; returns the next free row. */
function writeUnit(sheet: ExcelJS.Worksheet, at: number, rows: DisplayRow[]): number {
  rows.forEach((row, k) => {
    const r = sheet.getRow(at + k);
    r.getCell(1).value = row.unit;
    r.getCell(2).value = row.label;
    row.values.forEach((v, i) => {
      const cell = r.getCell(3 + i);
      // The view gives 万平方米 and 万元 as exact 2-decimal strings: Number() of such a text is
      // the nearest double, which the 0.00 format shows as the same two decimals.
      cell.value = Number(v);
      cell.numFmt = i < COUNT_VALUES ? '0' : '0.00';
      cell.alignment = { horizontal: 'right', vertical: 'middle' };
    });
    const bold = row.kind !== 'category';
    for (let c = 1; c <= COLUMNS; c++) styleCell(r.getCell(c), { bold });
    r.getCell(2).alignment = { horizontal: 'left', vertical: 'middle', indent: 1 };
  });
  sheet.mergeCells(at, 1, at + rows.length - 1, 1);
  sheet.getCell(at, 1).alignment = CENTER;
  return at + rows.length;
}

/** A block's rows, a unit at a time: each subtotal or total row starts a unit. */
function writeRows(sheet: ExcelJS.Worksheet, at: number, rows: DisplayRow[]): number {
  let start = 0;
  for (let i = 1; i <= rows.length; i++)
    if (i === rows.length || rows[i]!.kind !== 'category') {
      at = writeUnit(sheet, at, rows.slice(start, i));
      start = i;
    }
  return at;
}

function writeProvinceLine(sheet: ExcelJS.Worksheet, at: number, block: PlanTableBlock): void {
  sheet.mergeCells(at, 1, at, COLUMNS);
  const cell = sheet.getCell(at, 1);
  const { version, label } = block.source;
  // In the live national table every block is live, as the title area says already.
  cell.value =
    block.source.kind === 'live'
      ? block.province.name
      : `${block.province.name}\u3000${label}${version ? `\u3000校验码：${version.hash}` : ''}`;
  styleCell(cell, { bold: true, size: 11 });
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
  sheet.getRow(at).height = 20;
}

/** The three seal lines spread across the width, under a gap left for the stamps. */
function writeSeals(sheet: ExcelJS.Worksheet, at: number): number {
  sheet.getRow(at).height = 36;
  const row = at + 1;
  sheet.getRow(row).height = 24;
  const spans = [
    [1, 6],
    [7, 12],
    [13, COLUMNS],
  ] as const;
  spans.forEach(([from, to], i) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = SEALS[i];
    cell.font = { name: FONT, size: 12 };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  return row;
}

/** A line of text across the form's width, without borders (the note, the version). */
function writeLine(
  sheet: ExcelJS.Worksheet,
  at: number,
  text: string,
  font: Partial<ExcelJS.Font>,
): void {
  sheet.mergeCells(at, 1, at, COLUMNS);
  const cell = sheet.getCell(at, 1);
  cell.value = text;
  cell.font = { name: FONT, ...font };
  cell.alignment = { horizontal: 'left', vertical: 'middle' };
}

/**
 * The workbook's dates: a frozen version's is its submission (so its file is the same at every
 * download); the national table of versions takes the latest of them; the live table, now.
 */
function fileDate(table: PlanTableView): Date {
  if (table.basis === 'live') return new Date();
  const times = table.blocks.flatMap((b) =>
    b.source.version ? [b.source.version.submittedAt] : [],
  );
  return new Date(times.sort().at(-1) ?? `${table.year - 1}-01-01T00:00:00Z`);
}

function setWidths(sheet: ExcelJS.Worksheet, table: PlanTableView): void {
  const all = [...table.blocks.flatMap((b) => b.rows), ...(table.national ?? [])];
  const widest = (f: (r: DisplayRow) => string, min: number) =>
    Math.max(min, ...all.map((r) => textWidth(f(r)) + 2));
  sheet.getColumn(1).width = Math.min(
    24,
    widest((r) => r.unit, 14),
  );
  sheet.getColumn(2).width = widest((r) => r.label, 16) + 1;
  // One width for all fifteen figures, as on the printed form; a sub-header that does not fit
  // wraps onto its second row (2000年底 / 前).
  const longest = (r: DisplayRow) =>
    r.values.map(String).reduce((a, b) => (b.length > a.length ? b : a), '');
  const figures = widest(longest, 9);
  for (let i = 0; i < MEASURES.length * 3; i++) sheet.getColumn(3 + i).width = figures;
}

export function buildPlanTableWorkbook(table: PlanTableView): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'gaizao';
  workbook.lastModifiedBy = 'gaizao';
  workbook.created = workbook.modified = fileDate(table);
  const live = table.basis === 'live';
  const sheet = workbook.addWorksheet(`${table.year}年计划表`, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROWS[1] }],
  });

  sheet.mergeCells(1, 1, 1, COLUMNS);
  const title = sheet.getCell(1, 1);
  title.value = table.title;
  title.font = { name: FONT, size: 18, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(1).height = 36;

  sheet.mergeCells(2, 1, 2, 8);
  sheet.getCell(2, 1).value = `省(区、市)：${table.scope.name}`;
  sheet.mergeCells(2, 11, 2, COLUMNS);
  sheet.getCell(2, 11).value = `联系人及电话：${table.contact}`;
  for (const c of [1, 11]) {
    sheet.getCell(2, c).font = { name: FONT, size: 11 };
    sheet.getCell(2, c).alignment = { horizontal: 'left', vertical: 'middle' };
  }
  sheet.mergeCells(2, 9, 2, 10);
  const basis = sheet.getCell(2, 9);
  basis.value = table.basisLabel;
  basis.font = {
    name: FONT,
    size: 11,
    bold: true,
    color: { argb: live ? 'FFC00000' : 'FF000000' },
  };
  basis.alignment = { horizontal: 'center', vertical: 'middle' };
  sheet.getRow(2).height = 22;

  writeHeader(sheet, table.cutoffYear);
  let at = HEADER_ROWS[1] + 1;
  const national = table.national !== null;
  for (const block of table.blocks) {
    if (national) writeProvinceLine(sheet, at++, block);
    at = writeRows(sheet, at, block.rows);
  }
  if (table.national) at = writeRows(sheet, at, table.national);
  writeLine(sheet, at++, table.note, { size: 10 });
  let last = writeSeals(sheet, at);
  if (table.version)
    writeLine(sheet, ++last, `第 ${table.version.number} 版\u3000校验码：${table.version.hash}`, {
      size: 9,
    });
  setWidths(sheet, table);

  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as it takes
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printArea: `A1:${LAST_COLUMN}${last}`,
    printTitlesRow: `${HEADER_ROWS[0]}:${HEADER_ROWS[1]}`,
  };
  // On every printed page: what the figures are (the version and its hash, or 工作底稿).
  const what = table.version
    ? `第 ${table.version.number} 版 校验码 ${table.version.hash.slice(0, 16)}`
    : table.basisLabel;
  sheet.headerFooter = { oddFooter: `&L${what}&C第 &P 页，共 &N 页` };
  return neutraliseWorkbook(workbook);
}

/**
 * Writes the form to `out` and ends it. The whole workbook is built in memory (at most ~32
 * provinces × ~20 units × 3 rows): ExcelJS's own `xlsx.write(stream)` resolves before it ends
 * the stream, so the buffer is written and the stream ended here, once.
 */
export async function writePlanTableXlsx(table: PlanTableView, out: Writable): Promise<void> {
  const workbook = buildPlanTableWorkbook(table);
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  out.end(Buffer.from(withZipTimes(buffer, workbook.modified)));
  await finished(out, { readable: false });
}
