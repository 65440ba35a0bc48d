/**
 * A JPEG with the EXIF a phone's camera writes (DateTimeOriginal, GPS), built byte by byte for
 * tests: little- or big-endian TIFF, degrees/minutes/seconds as rationals, as JEITA CP-3451 lays
 * them out.
 */

export interface ExifFixture {
  /** `YYYY:MM:DD HH:MM:SS`, as cameras write it */
  dateTimeOriginal?: string;
  /** decimal degrees; negative for S and W */
  lat?: number;
  lng?: number;
  bigEndian?: boolean;
}

/** Degrees, minutes and seconds (in 1/1000 s) as three rationals. */
function dms(value: number): [number, number][] {
  const abs = Math.abs(value);
  const d = Math.floor(abs);
  const m = Math.floor((abs - d) * 60);
  const s = Math.round(((abs - d) * 60 - m) * 60 * 1000);
  return [
    [d, 1],
    [m, 1],
    [s, 1000],
  ];
}

class Writer {
  readonly bytes: number[] = [];
  constructor(private readonly big: boolean) {}
  u16(v: number) {
    const b = [v & 0xff, (v >> 8) & 0xff];
    this.bytes.push(...(this.big ? b.reverse() : b));
  }
  u32(v: number) {
    const b = [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
    this.bytes.push(...(this.big ? b.reverse() : b));
  }
  ascii(text: string) {
    for (const c of text) this.bytes.push(c.charCodeAt(0));
    this.bytes.push(0);
  }
}

type Entry = { tag: number; type: 2 | 4 | 5; count: number; inline?: number[]; data?: Writer };

/** The TIFF bytes (after "Exif\0\0"): IFD0 → Exif IFD and GPS IFD, data after each IFD. */
function tiff(f: ExifFixture): number[] {
  const big = f.bigEndian === true;
  const out = new Writer(big);
  out.bytes.push(...(big ? [0x4d, 0x4d] : [0x49, 0x49]));
  out.u16(42);
  out.u32(8);
  const exif: Entry[] = [];
  if (f.dateTimeOriginal) {
    const data = new Writer(big);
    data.ascii(f.dateTimeOriginal);
    exif.push({ tag: 0x9003, type: 2, count: f.dateTimeOriginal.length + 1, data });
  }
  const gps: Entry[] = [];
  if (f.lat !== undefined && f.lng !== undefined) {
    for (const [refTag, tag, value, pos, neg] of [
      [1, 2, f.lat, 'N', 'S'],
      [3, 4, f.lng, 'E', 'W'],
    ] as const) {
      gps.push({
        tag: refTag,
        type: 2,
        count: 2,
        inline: [(value < 0 ? neg : pos).charCodeAt(0), 0, 0, 0],
      });
      const data = new Writer(big);
      for (const [n, d] of dms(value)) {
        data.u32(n);
        data.u32(d);
      }
      gps.push({ tag, type: 5, count: 3, data });
    }
  }
  const ifdSize = (entries: Entry[]) =>
    2 + entries.length * 12 + 4 + entries.reduce((s, e) => s + (e.data?.bytes.length ?? 0), 0);
  const exifAt = 8 + 2 + 2 * 12 + 4;
  const gpsAt = exifAt + ifdSize(exif);
  // IFD0 with its two pointers.
  out.u16(2);
  for (const [tag, at] of [
    [0x8769, exifAt],
    [0x8825, gpsAt],
  ] as const) {
    out.u16(tag);
    out.u16(4);
    out.u32(1);
    out.u32(at);
  }
  out.u32(0);
  for (const [entries, start] of [
    [exif, exifAt],
    [gps, gpsAt],
  ] as const) {
    let dataAt = start + 2 + entries.length * 12 + 4;
    out.u16(entries.length);
    for (const e of entries) {
      out.u16(e.tag);
      out.u16(e.type);
      out.u32(e.count);
      if (e.data) {
        out.u32(dataAt);
        dataAt += e.data.bytes.length;
      } else out.bytes.push(...e.inline!);
    }
    out.u32(0);
    for (const e of entries) if (e.data) out.bytes.push(...e.data.bytes);
  }
  return out.bytes;
}

/** `jpeg` with an APP1 Exif segment inserted right after its SOI marker. */
export function withExif(jpeg: Uint8Array, f: ExifFixture): Buffer {
  const body = [...Buffer.from('Exif\0\0', 'latin1'), ...tiff(f)];
  const length = body.length + 2;
  const app1 = [0xff, 0xe1, (length >> 8) & 0xff, length & 0xff, ...body];
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from(app1), jpeg.subarray(2)]);
}

/**
 * A JPEG's start and end markers only: enough for the server, which judges a file by its first
 * bytes, not an image a browser can draw (browser tests take a real one from a canvas).
 */
export const JPEG_SHELL = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
