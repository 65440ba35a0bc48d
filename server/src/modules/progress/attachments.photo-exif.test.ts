/**
 * Photos taken on site: the server keeps when a JPEG was taken (its EXIF), takes the photo's own GPS
 * when no position comes with it, and says where each position came from (exif, device, manual).
 */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { JPEG_SHELL, withExif } from '../../test-support/exif-fixture.ts';
import { multipart, PNG, progressWorld } from './attachments.fixture.ts';

describeEachEngine('community progress: when and where a photo was taken', (ctx) => {
  const world = progressWorld(ctx);
  const { post } = world;
  const camera = withExif(JPEG_SHELL, {
    dateTimeOriginal: '2026:11:20 09:30:05',
    lat: 20.0311,
    lng: 110.3312,
  });

  async function upload(fields: Record<string, string>, name: string, content: Buffer) {
    const res = await post(
      world.county,
      `/api/communities/${world.binhai}/photos`,
      multipart({ kind: 'after', ...fields }, { name, content }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const photos = await world.county.get(`/api/communities/${world.binhai}/photos`);
    return (photos.json().items as { id: number }[]).find((p) => p.id === res.json().id)!;
  }

  it('keeps the camera time and takes the photo’s GPS when no position is given', async () => {
    expect(await upload({}, 'IMG_0001.jpg', camera)).toMatchObject({
      takenAt: '2026-11-20T09:30:05',
      lng: '110.331200',
      lat: '20.031100',
      positionSource: 'exif',
    });
  });

  it('keeps a position given with the upload over the photo’s own, and names its source', async () => {
    const device = { lng: '110.3205', lat: '20.0401', positionSource: 'device' };
    expect(await upload(device, 'IMG_0002.jpg', camera)).toMatchObject({
      takenAt: '2026-11-20T09:30:05',
      lng: '110.3205',
      lat: '20.0401',
      positionSource: 'device',
    });
    expect(await upload({ lng: '110.1', lat: '20.1' }, '手填.png', PNG)).toMatchObject({
      takenAt: null,
      positionSource: 'manual',
    });
    expect(await upload({}, '无位置.png', PNG)).toMatchObject({
      takenAt: null,
      lng: null,
      lat: null,
      positionSource: null,
    });
  });

  it('refuses an unknown position source, saying which values it takes', async () => {
    const res = await post(
      world.county,
      `/api/communities/${world.binhai}/photos`,
      multipart(
        { kind: 'after', lng: '110.1', lat: '20.1', positionSource: 'satellite' },
        { name: 'a.png', content: PNG },
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(
      '位置来源应为 device（本机定位）或 manual（手工填写）',
    );
  });
});
