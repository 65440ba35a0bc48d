// Reads an uploaded project list (改造项目清单, see shared/spec/import-template.md) as a stream
// of rows of cell texts: .xlsx (first worksheet) or .csv, told apart by content, not by name.
// Memory stays bounded whatever the file's length, and hostile files (too big, zip bombs,
// binaries, absurdly wide rows) are refused with a TableReadError in Chinese. Checking the
// cells against the template is the caller's job.
import { open, stat } from 'node:fs/promises';
import { readCsvRows, sniffTextEncoding } from './csv.ts';
import { TableReadError, formatMb, type ReadLimits, type TableRow } from './table-row.ts';
import { readXlsxRows } from './xlsx.ts';
import { readXlsxRowsInWorker } from './xlsx-thread.ts';

export { TableReadError, type ReadLimits, type TableRow } from './table-row.ts';

const MIB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = Object.freeze({
  maxBytes: 64 * MIB,
  maxColumns: 200,
  maxUncompressedBytes: 1024 * MIB,
  maxCompressionRatio: 200,
});

export type TableFormat = 'csv' | 'xlsx';

/** Enough of the head of a file to tell its format and its text encoding. */
const SNIFF_BYTES = 64 * 1024;
const DEFAULT_CHUNK_SIZE = 64 * 1024;

/** For tests only. */
export interface ReadOptions {
  /** Bytes per read from disk (default 64 KiB). */
  chunkSize?: number;
  /** Read an xlsx in a worker thread: by default from XLSX_WORKER_BYTES up. */
  xlsxWorker?: boolean;
}

/**
 * From this size up, an xlsx is read in a worker thread (xlsx-thread.ts): about 20,000 rows of
 * the template. Below, starting the thread would cost more than it saves.
 */
export const XLSX_WORKER_BYTES = 2 * MIB;

/**
 * The format of a file from its first bytes (up to 64 KiB): a zip is taken for an xlsx, text in
 * UTF-8 or GB18030 for a CSV, anything else is refused. The name is not consulted: uploads are
 * often misnamed, and the content decides how the file is read anyway.
 */
export function detectFormat(_path: string, firstBytes: Buffer): TableFormat {
  if (firstBytes.subarray(0, 4).equals(ZIP_SIGNATURE)) return 'xlsx';
  const other = OTHER_FORMATS.find(([signature]) =>
    firstBytes.subarray(0, signature.length).equals(signature),
  );
  if (other) throw new TableReadError(`不是 xlsx 或 csv 文件（这是${other[1]}）`);
  if (sniffTextEncoding(firstBytes, false)) return 'csv';
  throw new TableReadError(`不是 xlsx 或 csv 文件${hintFor(firstBytes)}`);
}

const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
/**
 * Files often uploaded by mistake, named in the refusal. A PDF may be text from end to end and
 * would otherwise be read as a CSV with no known column.
 */
const OTHER_FORMATS: [Buffer, string][] = [
  [Buffer.from('%PDF-', 'latin1'), ' PDF 文件'],
  [Buffer.from('89504e470d0a1a0a', 'hex'), ' PNG 图片'],
  [Buffer.from('ffd8ff', 'hex'), ' JPEG 图片'],
  [Buffer.from('GIF8', 'latin1'), ' GIF 图片'],
  [Buffer.from('Rar!', 'latin1'), ' RAR 压缩包'],
  [Buffer.from('377abcaf271c', 'hex'), ' 7z 压缩包'],
  [Buffer.from('1f8b', 'hex'), ' gzip 压缩包'],
  [Buffer.from('{\\rtf', 'latin1'), ' RTF 文档'],
];
/** Old binary Office files; a password-protected xlsx is stored in this container too. */
const OLE2_SIGNATURE = Buffer.from('d0cf11e0a1b11ae1', 'hex');

function hintFor(firstBytes: Buffer): string {
  if (firstBytes.subarray(0, 8).equals(OLE2_SIGNATURE)) {
    return '（旧版 .xls 或加密的 Excel 文件请另存为不加密的 .xlsx）';
  }
  const bom = firstBytes.subarray(0, 2).toString('hex');
  if (bom === 'fffe' || bom === 'feff') return '（UTF-16 编码的文本请另存为 UTF-8 的 csv）';
  return '';
}

/**
 * The non-blank rows of the table in `path`, header first, one at a time. Throws TableReadError
 * (and nothing else) when the file cannot be read, or holds no non-blank row.
 */
export async function* readTable(
  path: string,
  limits: Partial<ReadLimits> = {},
  options: ReadOptions = {},
): AsyncGenerator<TableRow> {
  const limit: ReadLimits = { ...DEFAULT_LIMITS, ...limits };
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  let format: TableFormat | undefined;
  let rows = 0;
  try {
    const { size } = await stat(path);
    if (size === 0) throw new TableReadError('文件为空');
    if (size > limit.maxBytes) {
      const mb = formatMb(size, true);
      throw new TableReadError(`文件过大（${mb} MB），上限 ${formatMb(limit.maxBytes)} MB`);
    }
    const head = await readHead(path, Math.min(size, SNIFF_BYTES));
    format = detectFormat(path, head);
    const inWorker = options.xlsxWorker ?? size >= XLSX_WORKER_BYTES;
    const source =
      format === 'xlsx'
        ? (inWorker ? readXlsxRowsInWorker : readXlsxRows)(path, size, limit, chunkSize)
        : readCsvRows(path, {
            encoding: sniffTextEncoding(head, false)!,
            maxColumns: limit.maxColumns,
            chunkSize,
          });
    for await (const row of source) {
      rows++;
      yield row;
    }
  } catch (error) {
    throw asTableReadError(error, format);
  }
  if (rows === 0) throw new TableReadError('文件为空');
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await file.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

const FILE_PROBLEMS: Record<string, string> = {
  ENOENT: '文件不存在',
  EACCES: '没有读取权限',
  EISDIR: '这是一个目录',
};

/** Library and file system errors become a TableReadError, the original kept as its cause. */
function asTableReadError(error: unknown, format: TableFormat | undefined): TableReadError {
  if (error instanceof TableReadError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // A file system message names the server's temporary path, which the user has no use for.
  const detail =
    code !== undefined
      ? (FILE_PROBLEMS[code] ?? code)
      : error instanceof Error
        ? error.message
        : String(error);
  return new TableReadError(`无法读取${format ? ` ${format} ` : ''}文件：${detail}`, {
    cause: error,
  });
}
