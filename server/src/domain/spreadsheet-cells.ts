/**
 * Formula injection (CSV injection), neutralised in one place for every csv and xlsx gaizao
 * writes: a text cell that a spreadsheet would read as a formula — starting with = + - @, a tab
 * or a carriage return (OWASP), or their full-width forms ＝ ＋ － ＠ that Chinese input methods
 * type — gets a leading apostrophe, which Excel and WPS show as text and do not keep. A plain
 * number such as `-12.5` or `-3%` is not a formula and stays as it is. The ledger import takes the
 * apostrophe off again (domain/ledger/template.ts), so an exported file imports back the same.
 *
 * Writers use csvLine for csv and neutraliseWorkbook (or safeCell, when streaming) for xlsx;
 * spreadsheet-cells.test.ts checks that every file that writes a spreadsheet goes through here.
 */
import type ExcelJS from 'exceljs';

/** The first characters that make a spreadsheet take a cell for a formula. */
export const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)%?$/;

/** The one function: a text cell, made safe to open in a spreadsheet; anything else unchanged. */
export function safeCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Takes off the apostrophe safeCell put in front of a formula-like text (for imports). */
export const unguardCell = (text: string): string =>
  text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;

export type CsvValue = string | number | null | undefined;

const csvField = (v: CsvValue): string => {
  const s = v === null || v === undefined ? '' : String(safeCell(v));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One csv line (RFC 4180 quoting, text cells made safe), CRLF-terminated. */
export const csvLine = (values: readonly CsvValue[]): string =>
  values.map(csvField).join(',') + '\r\n';

/** A csv file as gaizao writes them: UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines. */
export const csvFile = (rows: readonly (readonly CsvValue[])[]): string =>
  `\uFEFF${rows.map(csvLine).join('')}`;

type CellValue = ExcelJS.CellValue;

function safeValue(value: CellValue): CellValue {
  if (typeof value === 'string') return safeCell(value);
  if (value && typeof value === 'object') {
    if ('richText' in value && value.richText.length > 0) {
      const [first, ...rest] = value.richText;
      return { richText: [{ ...first!, text: safeCell(first!.text) }, ...rest] };
    }
    // A formula from a writer would be ours; none writes one, and a text never becomes one here.
    if ('formula' in value || 'sharedFormula' in value) return value;
    if ('text' in value && 'hyperlink' in value)
      return { ...value, text: safeCell(value.text) as string };
  }
  return value;
}

/** Every text cell of every sheet of a workbook made safe, just before it is written. */
export function neutraliseWorkbook(workbook: ExcelJS.Workbook): ExcelJS.Workbook {
  workbook.eachSheet((sheet) =>
    sheet.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        // Merged cells share their master's value; assigning to one would write the master.
        if (cell.isMerged && cell.master !== cell) return;
        const safe = safeValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
      }),
    ),
  );
  return workbook;
}
