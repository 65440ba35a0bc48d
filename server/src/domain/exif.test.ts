import { describe, expect, it } from 'vitest';
import { JPEG_SHELL, withExif } from '../test-support/exif-fixture.ts';
import { readPhotoExif } from './exif.ts';

describe('readPhotoExif', () => {
  it('reads the time and place a phone writes, in either byte order', () => {
    for (const bigEndian of [false, true]) {
      const photo = withExif(JPEG_SHELL, {
        dateTimeOriginal: '2026:11:20 09:30:05',
        lat: 20.0311,
        lng: 110.3312,
        bigEndian,
      });
      expect(readPhotoExif(photo)).toEqual({
        takenAt: '2026-11-20T09:30:05',
        lat: '20.031100',
        lng: '110.331200',
      });
    }
  });

  it('gives south and west as negative degrees', () => {
    const photo = withExif(JPEG_SHELL, { lat: -33.8688, lng: -70.6693 });
    expect(readPhotoExif(photo)).toEqual({ takenAt: null, lat: '-33.868800', lng: '-70.669300' });
  });

  it('takes no place from a camera without a fix (0, 0) and no time from a blank stamp', () => {
    const photo = withExif(JPEG_SHELL, { dateTimeOriginal: '0000:00:00 00:00:00', lat: 0, lng: 0 });
    expect(readPhotoExif(photo)).toEqual({ takenAt: null, lat: null, lng: null });
  });

  it('yields nothing, without throwing, for files without EXIF and for cut-off segments', () => {
    const none = { takenAt: null, lat: null, lng: null };
    expect(readPhotoExif(JPEG_SHELL)).toEqual(none);
    expect(readPhotoExif(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))).toEqual(none);
    const full = withExif(JPEG_SHELL, {
      dateTimeOriginal: '2026:11:20 09:30:05',
      lat: 20,
      lng: 110,
    });
    for (let cut = 4; cut < full.length; cut += 7) {
      // Every prefix of a good file, with its segment length now pointing past the end.
      expect(() => readPhotoExif(full.subarray(0, cut))).not.toThrow();
    }
    // A segment whose IFD offset points far outside it.
    const lying = Buffer.from(full);
    lying.writeUInt32LE(0x7fffffff, 16); // SOI, APP1 header, "Exif\0\0", "II", 42: the IFD0 offset
    expect(readPhotoExif(lying)).toEqual(none);
  });
});
