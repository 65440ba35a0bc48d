// CSV as RFC 4180 (quoted cells with commas, doubled quotes and line breaks; CRLF, LF or CR
// line ends), in UTF-8 with or without BOM, or GB18030 as older Excel and WPS save it in China.
import { createReadStream } from 'node:fs';
import {
  MAX_CELL_CHARS,
  TableReadError,
  cellTooLong,
  isBlank,
  tooManyColumns,
  type TableRow,
} from './table-row.ts';

export type TextEncoding = 'utf-8' | 'gb18030';

/**
 * The encoding `sample` (the head of a file) decodes in without error, or undefined when it is
 * not text. UTF-8 is tried first: GB18030 bytes are practically never valid UTF-8, while UTF-8
 * Chinese often happens to decode as (wrong) GB18030. `complete` says the sample is the whole
 * file; otherwise a multi-byte character cut at its end is not held against it.
 */
export function sniffTextEncoding(sample: Uint8Array, complete: boolean): TextEncoding | undefined {
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: !complete });
    } catch {
      continue;
    }
    // Binary formats (PNG, PDF streams, OLE2 .doc/.xls, UTF-16) are full of control bytes that
    // text never has; GB18030 would otherwise decode many of them without complaint.
    return hasBinaryControls(text) ? undefined : encoding;
  }
  return undefined;
}

function hasBinaryControls(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const allowed = c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
    if ((c < 0x20 && !allowed) || c === 0x7f) return true;
  }
  return false;
}

export interface CsvOptions {
  encoding: TextEncoding;
  maxColumns: number;
  /** Bytes per read; small values let tests split characters across reads. */
  chunkSize: number;
}

/** The rows of a CSV file, read and decoded a chunk at a time. Blank rows are skipped. */
export async function* readCsvRows(path: string, options: CsvOptions): AsyncGenerator<TableRow> {
  // One streaming decoder for the whole file, so a character split across two reads is
  // reassembled. The UTF-8 decoder drops a leading BOM by itself. Undecodable bytes become
  // U+FFFD, which is refused rather than stored in community names; it is looked for in the
  // text (not left to a `fatal` decoder) so the error can name the row it is on.
  const decoder = new TextDecoder(options.encoding);
  const parser = new CsvParser(options.maxColumns);
  const rowsOf = (text: string): TableRow[] => {
    const bad = text.indexOf('\uFFFD');
    if (bad < 0) return parser.feed(text);
    parser.feed(text.slice(0, bad));
    const name = options.encoding === 'utf-8' ? 'UTF-8' : 'GB18030';
    throw new TableReadError(
      `文件第 ${parser.record} 行有无法识别的字符（不是有效的 ${name} 文本）`,
    );
  };
  const stream = createReadStream(path, { highWaterMark: options.chunkSize });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    yield* rowsOf(decoder.decode(chunk, { stream: true }));
  }
  yield* rowsOf(decoder.decode());
  yield* parser.end();
}

const COMMA = 0x2c;
const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

type State = 'fieldStart' | 'unquoted' | 'quoted' | 'quoteSeen';

/** A push parser: text goes in chunk by chunk, finished rows come out. */
class CsvParser {
  /** Number of the record being read (1-based, blank records counted, as Excel numbers rows). */
  record = 1;
  /** Text line being read; differs from `record` once a quoted cell has spanned lines. */
  private textLine = 1;
  private quoteOpenedAt = { record: 1, textLine: 1 };
  private state: State = 'fieldStart';
  private prevWasCR = false;
  /** The current cell's text from earlier chunks. */
  private field = '';
  /** Cells of the current record, at most `maxColumns` of them; later ones are only counted. */
  private cells: string[] = [];
  private fieldCount = 0;
  /** Cells up to the last non-blank one: the row's width once trailing empty cells are dropped. */
  private width = 0;

  constructor(private readonly maxColumns: number) {}

  feed(text: string): TableRow[] {
    const rows: TableRow[] = [];
    let segment = 0; // start of the current cell's text within `text`
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      const lineBreak = c === CR || (c === LF && !this.prevWasCR);
      const crlfTail = c === LF && this.prevWasCR;
      this.prevWasCR = c === CR;
      if (lineBreak) this.textLine++;

      if (this.state === 'fieldStart') {
        if (c === QUOTE) {
          this.state = 'quoted';
          this.quoteOpenedAt = { record: this.record, textLine: this.textLine };
          segment = i + 1;
          continue;
        }
        if (crlfTail) continue; // the LF of a CRLF that already ended the record
        this.state = 'unquoted';
        segment = i;
      }

      if (this.state === 'unquoted') {
        if (c === COMMA || lineBreak) {
          this.endField(this.field + text.slice(segment, i));
          if (lineBreak) this.endRecord(rows);
          segment = i + 1;
        }
      } else if (this.state === 'quoted') {
        if (c === QUOTE) {
          this.field += text.slice(segment, i);
          this.state = 'quoteSeen';
        }
      } else if (c === QUOTE) {
        // 'quoteSeen': a doubled quote is a literal quote, still inside the quoted cell
        this.field += '"';
        this.state = 'quoted';
        segment = i + 1;
      } else if (c === COMMA || lineBreak) {
        this.endField(this.field);
        if (lineBreak) this.endRecord(rows);
      } else {
        // Text after a closing quote breaks RFC 4180; keep it, as Excel does.
        this.state = 'unquoted';
        segment = i;
      }
    }
    if (this.state === 'unquoted' || this.state === 'quoted') {
      this.field += text.slice(segment);
      if (this.field.length > MAX_CELL_CHARS) throw cellTooLong(this.record, this.fieldCount + 1);
    }
    return rows;
  }

  end(): TableRow[] {
    if (this.state === 'quoted') {
      const { record, textLine } = this.quoteOpenedAt;
      const where = textLine === record ? '' : `（文本第 ${textLine} 行）`;
      throw new TableReadError(`第 ${record} 行${where}的引号没有闭合，直到文件末尾`);
    }
    const rows: TableRow[] = [];
    // A last record without a line break; "a,b," still has its empty third cell.
    if (this.state !== 'fieldStart' || this.fieldCount > 0) {
      this.endField(this.field);
      this.endRecord(rows);
    }
    return rows;
  }

  private endField(text: string): void {
    this.fieldCount++;
    if (text.length > MAX_CELL_CHARS) throw cellTooLong(this.record, this.fieldCount);
    if (!isBlank(text)) this.width = this.fieldCount;
    // A row may carry any number of trailing empty cells (Excel writes them for formatted
    // columns), so the limit applies to its width; storing stops at the limit either way.
    if (this.fieldCount <= this.maxColumns) this.cells.push(text);
    this.field = '';
    this.state = 'fieldStart';
  }

  private endRecord(rows: TableRow[]): void {
    if (this.width > this.maxColumns) {
      throw tooManyColumns(this.record, this.width, this.maxColumns);
    }
    if (this.width > 0) rows.push({ line: this.record, cells: this.cells.slice(0, this.width) });
    this.record++;
    this.cells = [];
    this.fieldCount = 0;
    this.width = 0;
  }
}
