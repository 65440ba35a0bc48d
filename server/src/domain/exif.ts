/**
 * What a phone's camera writes into a JPEG photo and field staff need on the community page: when
 * it was taken and where (EXIF DateTimeOriginal and GPS, JEITA CP-3451). Only the APP1 "Exif"
 * segment is read, by offsets checked against its length: a malformed segment yields nothing,
 * never an exception, and the photo is kept without these facts.
 */

export interface PhotoExif {
  /** the camera's local time as written, `YYYY-MM-DDTHH:MM:SS` (EXIF stores no time zone) */
  takenAt: string | null;
  /** WGS-84 decimal degrees with six decimals, both or neither */
  lng: string | null;
  lat: string | null;
}

const NOTHING: PhotoExif = { takenAt: null, lng: null, lat: null };

const TAG = {
  dateTime: 0x0132,
  exifIfd: 0x8769,
  gpsIfd: 0x8825,
  dateTimeOriginal: 0x9003,
  latRef: 0x0001,
  lat: 0x0002,
  lngRef: 0x0003,
  lng: 0x0004,
} as const;

const ASCII = 2;
const RATIONAL = 5;

/** The TIFF structure inside the APP1 segment, read with its own byte order. */
class Tiff {
  private readonly view: DataView;
  private readonly little: boolean;

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.little = this.view.getUint16(0) === 0x4949; // "II"; "MM" is big-endian
  }

  get length(): number {
    return this.view.byteLength;
  }

  u16(at: number): number {
    return this.view.getUint16(at, this.little);
  }

  u32(at: number): number {
    return this.view.getUint32(at, this.little);
  }

  /** The entries of the IFD at `offset`: tag → offset of its 12-byte entry. */
  ifd(offset: number): Map<number, number> {
    const entries = new Map<number, number>();
    if (offset + 2 > this.length) return entries;
    const count = this.u16(offset);
    for (let i = 0; i < count; i++) {
      const at = offset + 2 + i * 12;
      if (at + 12 > this.length) break;
      entries.set(this.u16(at), at);
    }
    return entries;
  }

  /** Where an entry's values are: inside the entry when they fit in four bytes. */
  private valuesAt(entry: number, size: number): number | null {
    const bytes = this.u32(entry + 4) * size;
    const at = bytes <= 4 ? entry + 8 : this.u32(entry + 8);
    return at + bytes <= this.length ? at : null;
  }

  ascii(entry: number | undefined): string | null {
    if (entry === undefined || this.u16(entry + 2) !== ASCII) return null;
    const at = this.valuesAt(entry, 1);
    if (at === null) return null;
    let text = '';
    for (let i = 0; i < this.u32(entry + 4); i++) {
      const c = this.view.getUint8(at + i);
      if (c === 0) break;
      text += String.fromCharCode(c);
    }
    return text;
  }

  rationals(entry: number | undefined, count: number): number[] | null {
    if (entry === undefined || this.u16(entry + 2) !== RATIONAL) return null;
    if (this.u32(entry + 4) < count) return null;
    const at = this.valuesAt(entry, 8);
    if (at === null) return null;
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const den = this.u32(at + i * 8 + 4);
      if (den === 0) return null;
      values.push(this.u32(at + i * 8) / den);
    }
    return values;
  }
}

/** The APP1 Exif segment's TIFF bytes, walking the JPEG's segments up to the image data. */
function exifSegment(bytes: Uint8Array): Uint8Array | null {
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1]!;
    if (marker === 0xda || marker === 0xd9) return null; // start of scan, end of image
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const body = bytes.subarray(at + 4, at + 2 + length);
    if (
      marker === 0xe1 &&
      body.length > 14 &&
      String.fromCharCode(...body.subarray(0, 6)) === 'Exif\0\0'
    )
      return body.subarray(6);
    at += 2 + length;
  }
  return null;
}

function degrees(dms: number[] | null, ref: string | null, negative: string): number | null {
  if (!dms || !ref) return null;
  const [d, m, s] = dms as [number, number, number];
  const value = d + m / 60 + s / 3600;
  return ref.toUpperCase() === negative ? -value : value;
}

const TIMESTAMP = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function timestamp(text: string | null): string | null {
  const m = text ? TIMESTAMP.exec(text.trim()) : null;
  if (!m || m[1] === '0000') return null;
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`;
}

function position(tiff: Tiff, gpsOffset: number | null): Pick<PhotoExif, 'lng' | 'lat'> {
  if (gpsOffset === null) return { lng: null, lat: null };
  const gps = tiff.ifd(gpsOffset);
  const lat = degrees(tiff.rationals(gps.get(TAG.lat), 3), tiff.ascii(gps.get(TAG.latRef)), 'S');
  const lng = degrees(tiff.rationals(gps.get(TAG.lng), 3), tiff.ascii(gps.get(TAG.lngRef)), 'W');
  // 0/0 is what a camera without a fix writes; it is no place.
  if (lat === null || lng === null || (lat === 0 && lng === 0)) return { lng: null, lat: null };
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return { lng: null, lat: null };
  return { lng: lng.toFixed(6), lat: lat.toFixed(6) };
}

/** When and where a JPEG photo was taken, as far as its EXIF says; nothing for other files. */
export function readPhotoExif(bytes: Uint8Array): PhotoExif {
  try {
    const segment = exifSegment(bytes);
    if (!segment) return NOTHING;
    const tiff = new Tiff(segment);
    const ifd0 = tiff.ifd(tiff.u32(4));
    const exifEntry = ifd0.get(TAG.exifIfd);
    const gpsEntry = ifd0.get(TAG.gpsIfd);
    const exif =
      exifEntry === undefined ? new Map<number, number>() : tiff.ifd(tiff.u32(exifEntry + 8));
    const takenAt =
      timestamp(tiff.ascii(exif.get(TAG.dateTimeOriginal))) ??
      timestamp(tiff.ascii(ifd0.get(TAG.dateTime)));
    return { takenAt, ...position(tiff, gpsEntry === undefined ? null : tiff.u32(gpsEntry + 8)) };
  } catch {
    // A DataView read past the end: a truncated segment whose lengths lied.
    return NOTHING;
  }
}
