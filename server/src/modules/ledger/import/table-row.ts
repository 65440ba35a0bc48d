// Shared by the CSV and XLSX readers: the row shape, the error, the limits and the row rules
// that do not depend on the format.

/** One non-blank row of an uploaded table: its cell texts, untrimmed. */
export interface TableRow {
  /**
   * 1-based row number as a spreadsheet program shows it (the header is 1): the worksheet row
   * number for xlsx; the CSV record number for csv, which is the text line number unless an
   * earlier quoted cell spans several lines.
   */
  line: number;
  cells: string[];
}

/** Why an uploaded file cannot be read as a table; the message is Chinese and meant for the user. */
export class TableReadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'TableReadError';
  }
}

export interface ReadLimits {
  /** Largest accepted file on disk. */
  maxBytes: number;
  /** Widest accepted row, counted after trailing empty cells are dropped. */
  maxColumns: number;
  /** Largest total size an xlsx may declare for its unpacked members. */
  maxUncompressedBytes: number;
  /** Largest unpacked/packed ratio for an xlsx member of more than 1 MiB. */
  maxCompressionRatio: number;
}

const MIB = 1024 * 1024;

/** Excel's own limit for one cell; no spreadsheet program writes a longer one. */
export const MAX_CELL_CHARS = 32_767;

/** Bytes as MB (MiB) for a message: `roundUp` keeps a size just over a limit from reading as equal to it. */
export function formatMb(bytes: number, roundUp = false): string {
  const mb = bytes / MIB;
  const digits = mb < 1 ? 3 : 2;
  const scale = 10 ** digits;
  const rounded = (roundUp ? Math.ceil(mb * scale) : Math.round(mb * scale)) / scale;
  return String(rounded);
}

export const isBlank = (text: string): boolean => text.trim() === '';

export function tooManyColumns(line: number, columns: number, maxColumns: number): TableReadError {
  return new TableReadError(`第 ${line} 行有 ${columns} 列，超过上限 ${maxColumns} 列`);
}

export function cellTooLong(line: number, column: number): TableReadError {
  return new TableReadError(`第 ${line} 行第 ${column} 列的内容超过 ${MAX_CELL_CHARS} 个字符`);
}
