/**
 * A zip archive (an xlsx) with every entry's modification time set to one moment, so that the same
 * content gives the same bytes: ExcelJS's zip library stamps each entry with the time of writing.
 * Walks the central directory from its end record and rewrites the DOS time and date of each
 * entry there and in its local header; the data and their CRCs are untouched.
 */
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** DOS time and date (2-second resolution), in UTC as the zip library writes them. */
function dosTimeDate(at: Date): [number, number] {
  const time = (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1);
  const date =
    ((Math.max(at.getUTCFullYear(), 1980) - 1980) << 9) |
    ((at.getUTCMonth() + 1) << 5) |
    at.getUTCDate();
  return [time, date];
}

export function withZipTimes(zip: Uint8Array, at: Date): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let i = out.length - 22; i >= Math.max(0, out.length - 22 - 65_535); i--)
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) throw new Error('不是有效的 zip 文件：找不到中央目录');
  const entries = view.getUint16(end + 10, true);
  let entry = view.getUint32(end + 16, true);
  const [time, date] = dosTimeDate(at);
  for (let n = 0; n < entries; n++) {
    if (view.getUint32(entry, true) !== CENTRAL) throw new Error('zip 中央目录损坏');
    view.setUint16(entry + 12, time, true);
    view.setUint16(entry + 14, date, true);
    const local = view.getUint32(entry + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error('zip 本地文件头损坏');
    view.setUint16(local + 10, time, true);
    view.setUint16(local + 12, date, true);
    entry +=
      46 +
      view.getUint16(entry + 28, true) +
      view.getUint16(entry + 30, true) +
      view.getUint16(entry + 32, true);
  }
  return out;
}
