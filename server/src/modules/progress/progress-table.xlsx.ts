/**
 * The progress table as an xlsx: title, header, one row per region, 合计; numbers as numbers; under
 * it, which plan the 计划 column counts.
 */
import ExcelJS from 'exceljs';
import { neutraliseWorkbook } from '../../domain/spreadsheet-cells.ts';
import type { ProgressTableView } from './progress.service.ts';

export async function writeProgressTableXlsx(t: ProgressTableView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('进展情况', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  ws.mergeCells(1, 1, 1, t.header.length);
  ws.getCell(1, 1).value = t.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.addRow(t.header).font = { bold: true };
  for (const r of t.rows) {
    const row = ws.addRow(
      r.map((v, i) => {
        if (i === 0 || typeof v === 'number') return v;
        if (v.endsWith('%')) return Number(v.slice(0, -1)) / 100; // 开工率, shown as a percentage
        return v === '—' ? null : Number(v);
      }),
    );
    row.getCell(6).numFmt = '0.0%';
    row.getCell(7).numFmt = '0.0%';
    for (const c of [9, 11]) row.getCell(c).numFmt = '0.00';
  }
  // Which plan the 计划 column counts (the version in force at the month's end, or the ledger's).
  ws.addRow([]);
  const note = ws.addRow([`注：${t.planNote}`]);
  ws.mergeCells(note.number, 1, note.number, t.header.length);
  note.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  note.height = 32;
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 16 : 14));
  ws.pageSetup.printTitlesRow = '2:2';
  return Buffer.from(await neutraliseWorkbook(wb).xlsx.writeBuffer());
}
