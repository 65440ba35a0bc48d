// ExcelJS's streaming reader is fed, not the uploaded file, but a stream we build from it: the
// few members it needs, unpacked by us and re-stored uncompressed. Reading the upload directly
// goes wrong in three ways, each seen with exceljs 4.4:
// - it decodes every unpacked chunk on its own (lib/utils/parse-sax.js), so a Chinese character
//   cut at a 16 KiB inflate boundary turns into two U+FFFD (exceljs issues #2063, #2084, #2316);
//   here every chunk ends on a whole UTF-8 character;
// - it trusts the sizes in the zip, and a corrupt deflate stream in a worksheet makes it wait
//   forever; here each member is unpacked under a cap of its declared size, and a failure ends
//   the stream with an error that xlsx.ts watches for;
// - a worksheet stored before the shared strings (Excel's own order) is first copied to a temp
//   file; here the workbook, its relationships, styles and shared strings always come first.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { TableReadError, formatMb } from './table-row.ts';
import { dataStart, zipBomb, type ZipDirectory, type ZipEntry } from './zip-check.ts';

/** A member to hand on: copied from the upload, or made up when an optional one is missing. */
interface Part {
  /** The exact name ExcelJS looks for (it compares case-sensitively; zip names vary in case). */
  name: string;
  entry?: ZipEntry;
  content?: Buffer;
}

const EMPTY_SHARED_STRINGS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
);
const EMPTY_RELATIONSHIPS = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?>' +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
);

/**
 * The members ExcelJS needs, in the order that lets it stream: workbook, relationships, styles
 * (for dates), shared strings, then the worksheets by number. ExcelJS only streams a worksheet
 * once shared strings and relationships are known, so missing ones are replaced by empty ones.
 */
export function pickParts(entries: ZipEntry[]): Part[] {
  const find = (pattern: RegExp) => entries.find((entry) => pattern.test(entry.name));
  const workbook = find(/^xl\/workbook\.xml$/i);
  if (!workbook) throw new TableReadError('不是 xlsx 文件（压缩包内没有工作簿）');
  const sheets = entries
    .map((entry) => ({ entry, number: /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(entry.name)?.[1] }))
    .filter((sheet): sheet is { entry: ZipEntry; number: string } => sheet.number !== undefined)
    .sort((a, b) => Number(a.number) - Number(b.number));
  if (sheets.length === 0) throw new TableReadError('xlsx 文件里没有工作表');
  const styles = find(/^xl\/styles\.xml$/i);
  return [
    { name: 'xl/workbook.xml', entry: workbook },
    withFallback(
      'xl/_rels/workbook.xml.rels',
      find(/^xl\/_rels\/workbook\.xml\.rels$/i),
      EMPTY_RELATIONSHIPS,
    ),
    ...(styles ? [{ name: 'xl/styles.xml', entry: styles }] : []),
    withFallback('xl/sharedStrings.xml', find(/^xl\/sharedStrings\.xml$/i), EMPTY_SHARED_STRINGS),
    ...sheets.map(({ entry, number }) => ({
      name: `xl/worksheets/sheet${number}.xml`,
      entry,
    })),
  ];
}

const withFallback = (name: string, entry: ZipEntry | undefined, content: Buffer): Part =>
  entry ? { name, entry } : { name, content };

/**
 * The parts as a zip of stored members, chunk by chunk; pass to Readable.from (object mode, so
 * the chunks reach the unzipper whole). Throws TableReadError when a member is damaged or
 * unpacks to more than it declared.
 */
export async function* repackedZip(
  path: string,
  directory: ZipDirectory,
  parts: Part[],
  chunkSize: number,
): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    for (const part of parts) {
      if (part.content) {
        yield storedHeader(part.name, part.content.length, 0);
        yield part.content;
        continue;
      }
      const entry = part.entry!;
      if (entry.flags & 0x1) throw new TableReadError('无法读取 xlsx 文件：文件已加密');
      if (entry.method !== 0 && entry.method !== 8) {
        throw new TableReadError(`无法读取 xlsx 文件：不支持的压缩方式（${entry.method}）`);
      }
      const start = await dataStart(file, entry, directory.directoryOffset);
      yield storedHeader(part.name, entry.uncompressedSize, entry.crc32);
      yield* wholeXml(part.name, wholeCharacters(unpack(path, entry, start, chunkSize)));
    }
    // The unzipper reads members in order and only needs an end record to finish cleanly.
    yield endOfDirectory();
  } finally {
    await file.close();
  }
}

/** A member's unpacked bytes, refused as soon as they run past its declared size. */
async function* unpack(
  path: string,
  entry: ZipEntry,
  start: number,
  chunkSize: number,
): AsyncGenerator<Buffer> {
  if (entry.compressedSize === 0) return;
  const packed = createReadStream(path, {
    start,
    end: start + entry.compressedSize - 1,
    highWaterMark: chunkSize,
  });
  const unpacked = entry.method === 8 ? pipeline(packed, createInflateRaw(), () => {}) : packed;
  let size = 0;
  try {
    for await (const chunk of unpacked as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > entry.uncompressedSize) {
        const declared = formatMb(entry.uncompressedSize, true);
        throw zipBomb(`${entry.name} 解压后超过所声明的 ${declared} MB`);
      }
      yield chunk;
    }
  } catch (error) {
    if (error instanceof TableReadError) throw error;
    throw new TableReadError(`无法读取 xlsx 文件：${entry.name} 的压缩数据已损坏`, {
      cause: error,
    });
  } finally {
    packed.destroy();
  }
  if (size !== entry.uncompressedSize) {
    throw new TableReadError(`无法读取 xlsx 文件：${entry.name} 的数据不完整`);
  }
}

/** The root element each part's XML must close with, by the name ExcelJS reads it under. */
function rootOf(name: string): string {
  if (name.startsWith('xl/worksheets/')) return 'worksheet';
  if (name === 'xl/sharedStrings.xml') return 'sst';
  if (name === 'xl/styles.xml') return 'styleSheet';
  if (name === 'xl/workbook.xml') return 'workbook';
  return 'Relationships';
}

/**
 * A part's bytes, refused if its XML stops before its root element closes. ExcelJS never tells
 * the XML parser the input has ended, so a worksheet cut off inside a row (and zipped again with
 * sizes and checksum to match) read as a shorter sheet: the rows before the cut imported, the
 * rest dropped without a word. The last chunk is held back until checked: passed on, it would let
 * the sheet end as if whole before the error arrived.
 */
async function* wholeXml(name: string, chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const closing = new RegExp(`</(?:[\\w.-]+:)?${rootOf(name)}>\\s*$`);
  let held: Buffer | undefined;
  let before = Buffer.alloc(0);
  for await (const chunk of chunks) {
    if (held) {
      before = Buffer.from(held.subarray(-64));
      yield held;
    }
    held = chunk;
  }
  // An empty optional part is left to ExcelJS; an empty worksheet is as cut off as any.
  if (!held && rootOf(name) !== 'worksheet') return;
  const end = Buffer.concat([before, held ?? Buffer.alloc(0)])
    .subarray(-64)
    .toString('latin1');
  if (!closing.test(end))
    throw new TableReadError(
      `无法读取 xlsx 文件：${name} 在中途截断（缺少结尾），文件已损坏；请用 Excel 或 WPS 打开后重新保存再上传`,
    );
  if (held) yield held;
}

/** Re-cuts a UTF-8 byte stream so no chunk ends inside a multi-byte character. */
export async function* wholeCharacters(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const cut = lastCharacterBoundary(bytes);
    carry = Buffer.from(bytes.subarray(cut));
    if (cut > 0) yield bytes.subarray(0, cut);
  }
  if (carry.length > 0) yield carry;
}

/** The offset after the last complete character (a cut-off tail is at most 3 bytes). */
function lastCharacterBoundary(bytes: Buffer): number {
  for (let at = bytes.length - 1; at >= Math.max(0, bytes.length - 4); at--) {
    const byte = bytes[at]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: look further back
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return at + length <= bytes.length ? bytes.length : at;
  }
  return bytes.length; // not UTF-8 at all: pass it on and let the XML parser complain
}

function storedHeader(name: string, size: number, crc32: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0
  header.writeUInt16LE(0x0800, 6); // flags: UTF-8 name
  header.writeUInt16LE(0, 8); // method: stored
  header.writeUInt32LE(crc32, 14);
  header.writeUInt32LE(size, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([header, nameBytes]);
}

function endOfDirectory(): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  return record;
}
