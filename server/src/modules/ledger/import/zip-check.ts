// Reads an xlsx's zip directory ourselves, before any unpacking, so that a zip bomb is refused
// from what it declares; the unpacking (xlsx-repack.ts) then holds every member to what it
// declared, since a hostile zip can declare anything.
import { open, type FileHandle } from 'node:fs/promises';
import { TableReadError, formatMb, type ReadLimits } from './table-row.ts';

/** One member of the zip as the central directory describes it. */
export interface ZipEntry {
  name: string;
  flags: number;
  /** 0 stored, 8 deflated; anything else is refused when the member is needed. */
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Where the central directory starts: every member's data must end before it. */
  directoryOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const CENTRAL_SIGNATURE = 0x02014b50;
const CENTRAL_SIZE = 46;
const LOCAL_SIGNATURE = 0x04034b50;
const LOCAL_SIZE = 30;
const ZIP64_SATURATED = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;
/** Small members may compress extremely well (an empty sheet); only big ones are ratio-checked. */
const RATIO_CHECK_FROM = 1024 * 1024;

const damaged = (what: string): TableReadError =>
  new TableReadError(`无法读取 xlsx 文件：压缩包已损坏（${what}）`);

export async function readZipDirectory(path: string, fileSize: number): Promise<ZipDirectory> {
  const file = await open(path, 'r');
  try {
    const tailSize = Math.min(fileSize, EOCD_SIZE + MAX_COMMENT);
    const tail = await readAt(file, fileSize - tailSize, tailSize);
    const eocd = findEndOfDirectory(tail);
    if (eocd < 0) throw damaged('找不到目录');
    const count = tail.readUInt16LE(eocd + 10);
    const directorySize = tail.readUInt32LE(eocd + 12);
    const directoryOffset = tail.readUInt32LE(eocd + 16);
    // ZIP64 is only needed past 65,535 members or 4 GiB, which no accepted upload reaches.
    if (count === 0xffff || directoryOffset === ZIP64_SATURATED) {
      throw new TableReadError('无法读取 xlsx 文件：不支持 ZIP64 格式的压缩包');
    }
    if (directoryOffset + directorySize > fileSize - tailSize + eocd) throw damaged('目录越界');
    const directory = await readAt(file, directoryOffset, directorySize);
    return { entries: parseDirectory(directory, count), directoryOffset };
  } finally {
    await file.close();
  }
}

/** The last End Of Central Directory record whose comment length fits the tail. */
function findEndOfDirectory(tail: Buffer): number {
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (tail.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    if (at + EOCD_SIZE + tail.readUInt16LE(at + 20) <= tail.length) return at;
  }
  return -1;
}

function parseDirectory(directory: Buffer, count: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + CENTRAL_SIZE > directory.length || directory.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw damaged('目录记录无效');
    }
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const end = at + CENTRAL_SIZE + nameLength + extraLength + commentLength;
    if (end > directory.length) throw damaged('目录记录越界');
    const nameEnd = at + CENTRAL_SIZE + nameLength;
    const entry: ZipEntry = {
      name: directory.toString('utf8', at + CENTRAL_SIZE, nameEnd),
      flags: directory.readUInt16LE(at + 8),
      method: directory.readUInt16LE(at + 10),
      crc32: directory.readUInt32LE(at + 16),
      compressedSize: directory.readUInt32LE(at + 20),
      uncompressedSize: directory.readUInt32LE(at + 24),
      localHeaderOffset: directory.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, directory.subarray(nameEnd, nameEnd + extraLength));
    entries.push(entry);
    at = end;
  }
  return entries;
}

/**
 * A saturated (0xFFFFFFFF) size or offset means the real value is in the ZIP64 extra field,
 * in this order and only for the saturated ones. Some writers use it even for small members.
 */
function applyZip64Extra(entry: ZipEntry, extra: Buffer): void {
  const fields = (['uncompressedSize', 'compressedSize', 'localHeaderOffset'] as const).filter(
    (field) => entry[field] === ZIP64_SATURATED,
  );
  if (fields.length === 0) return;
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const size = extra.readUInt16LE(at + 2);
    if (id === ZIP64_EXTRA_ID && size >= fields.length * 8 && at + 4 + size <= extra.length) {
      // Beyond 2^53 the value is not exact, but it is far past every limit all the same.
      fields.forEach((field, i) => (entry[field] = Number(extra.readBigUInt64LE(at + 4 + i * 8))));
      return;
    }
    at += 4 + size;
  }
  throw damaged(`${entry.name} 缺少 ZIP64 信息`);
}

/** Refuses a zip whose declared content is too big in total or too compressed in one member. */
export function checkZipBomb(entries: ZipEntry[], limits: ReadLimits): void {
  const total = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const extreme = entries.some(
    (entry) =>
      entry.uncompressedSize > RATIO_CHECK_FROM &&
      entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxCompressionRatio,
  );
  if (total > limits.maxUncompressedBytes || extreme) {
    throw zipBomb(`解压后 ${formatMb(total, true)} MB`);
  }
}

export const zipBomb = (detail: string): TableReadError =>
  new TableReadError(`文件疑似压缩炸弹（${detail}），已拒绝`);

/** Where a member's data starts, from its local header (whose extra field may differ in length). */
export async function dataStart(
  file: FileHandle,
  entry: ZipEntry,
  directoryOffset: number,
): Promise<number> {
  const header = await readAt(file, entry.localHeaderOffset, LOCAL_SIZE);
  if (header.length < LOCAL_SIZE || header.readUInt32LE(0) !== LOCAL_SIGNATURE) {
    throw damaged(`${entry.name} 的位置无效`);
  }
  const start =
    entry.localHeaderOffset + LOCAL_SIZE + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > directoryOffset) throw damaged(`${entry.name} 越界`);
  return start;
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
