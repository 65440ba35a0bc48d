// The first worksheet of an xlsx as rows of cell texts, streamed by ExcelJS's streaming reader
// over the stream xlsx-repack.ts builds (see there why it is not given the file itself).
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  MAX_CELL_CHARS,
  cellTooLong,
  isBlank,
  tooManyColumns,
  type ReadLimits,
  type TableRow,
} from './table-row.ts';
import { pickParts, repackedZip } from './xlsx-repack.ts';
import { checkZipBomb, readZipDirectory } from './zip-check.ts';

const READER_OPTIONS = {
  sharedStrings: 'cache', // a cell holds an index into them: they must be at hand
  hyperlinks: 'ignore',
  styles: 'cache', // without the number formats a date cell reads as a bare serial number
  worksheets: 'emit',
  entries: 'ignore',
} as const;

/** What ExcelJS's WorksheetReader has at run time beyond its typings. */
interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  /** The tab's sheetId once tied to the workbook, else the sheet file's number as a string. */
  id: number | string;
}

export async function* readXlsxRows(
  path: string,
  fileSize: number,
  limits: ReadLimits,
  chunkSize: number,
): AsyncGenerator<TableRow> {
  const directory = await readZipDirectory(path, fileSize);
  checkZipBomb(directory.entries, limits);
  const parts = pickParts(directory.entries);
  const source = Readable.from(repackedZip(path, directory, parts, chunkSize));
  // ExcelJS does not pass on an error of its input stream (it pipes it), so it would wait for
  // data forever: every step of it is raced against the input failing.
  const guard = failureGuard(source);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, READER_OPTIONS);
  try {
    for await (const sheet of guarded<SheetReader>(reader as AsyncIterable<unknown>, guard)) {
      // Worksheets come in file order; the first tab is the first sheet the workbook lists.
      // A sheet ExcelJS could not tie to a tab (an unusual relationship path) is taken as is.
      const firstTab = reader.model?.sheets?.[0]?.id;
      if (typeof sheet.id === 'number' && sheet.id !== firstTab) continue;
      for await (const row of guarded<ExcelJS.Row>(sheet, guard)) {
        const tableRow = toTableRow(row, limits.maxColumns);
        if (tableRow) yield tableRow;
      }
      return;
    }
  } finally {
    source.destroy();
  }
}

type Guard = <T>(step: Promise<T>) => Promise<T>;

/**
 * Wraps a step so it rejects as soon as `source` fails. Not Promise.race against one promise
 * that lives as long as the file: each race would leave a reaction on it holding that step's
 * result, so every row read would stay in memory (about 5 KB a row).
 */
function failureGuard(source: Readable): Guard {
  let failure: { error: unknown } | undefined;
  let rejectCurrent: ((error: unknown) => void) | undefined;
  source.on('error', (error) => {
    failure = { error };
    rejectCurrent?.(error);
  });
  return <T>(step: Promise<T>) => {
    step.catch(() => {}); // once given up on, a late failure must not go unhandled
    if (failure) return Promise.reject(failure.error);
    return new Promise<T>((resolve, reject) => {
      rejectCurrent = reject;
      step.then(resolve, reject);
    });
  };
}

/**
 * Iterates `iterable` through `guard`. An iterator still waiting when the guard gives up is
 * left alone (asking it to return would wait behind its pending step forever).
 */
async function* guarded<T>(iterable: AsyncIterable<unknown>, guard: Guard): AsyncGenerator<T> {
  const iterator = iterable[Symbol.asyncIterator]();
  let waiting = false;
  try {
    for (;;) {
      waiting = true;
      const step = await guard(iterator.next());
      waiting = false;
      if (step.done) return;
      yield step.value as T;
    }
  } finally {
    if (!waiting) await iterator.return?.();
  }
}

function toTableRow(row: ExcelJS.Row, maxColumns: number): TableRow | undefined {
  const cells: string[] = [];
  let width = 0;
  // eachCell visits only cells that exist, so a lone cell in column XFD costs nothing.
  row.eachCell((cell, column) => {
    const text = cellText(cell.value);
    if (isBlank(text)) return;
    if (text.length > MAX_CELL_CHARS) throw cellTooLong(row.number, column);
    width = column;
    if (column <= maxColumns) cells[column - 1] = text;
  });
  if (width > maxColumns) throw tooManyColumns(row.number, width, maxColumns);
  if (width === 0) return undefined;
  return { line: row.number, cells: Array.from({ length: width }, (_, i) => cells[i] ?? '') };
}

/** A cell's value as the text a user sees in Excel. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return dateText(value);
  // Formulas are never evaluated and their cached results are not trusted: the cell reads as
  // '=' and its formula, which the import rejects wherever a number or a name is expected.
  // A shared formula's follower cells carry no text of their own in the file.
  if ('formula' in value || 'sharedFormula' in value) {
    return `=${('formula' in value && value.formula) || '（共享公式）'}`;
  }
  if ('richText' in value) return value.richText.map((run) => run.text ?? '').join('');
  if ('error' in value) return value.error;
  if ('text' in value) return String(value.text); // a hyperlink's shown text
  return '';
}

/**
 * Excel keeps 15 significant digits and shows no more, while files often store the binary
 * double's 17 (`0.30000000000000004`, `1234.5599999999999`): rounding to 15 and printing the
 * shortest round-trip form gives the number the user typed and sees.
 */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : '';
}

/** ExcelJS hands dates over as UTC midnights (plus the time of day, which is dropped). */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
