/**
 * A community's photos and the attachment endpoints, through the API: uploading with its checks,
 * listing, downloading the stored bytes and deleting; every endpoint walks 401 → 403/404 → 400 →
 * 200.
 */
import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { GIF, multipart, PNG, progressWorld, WEBP, Y } from './attachments.fixture.ts';

describeEachEngine('community progress: photos', (ctx) => {
  const world = progressWorld(ctx);
  const { post, anonymous, stored } = world;

  describe('photos', () => {
    let photoId: number;
    it('POST photos: 401 → 403 → 404 → 400 (kind, place, type, size) → 201', async () => {
      const url = `/api/communities/${world.binhai}/photos`;
      const good = () =>
        multipart(
          { kind: 'before', period: `${Y}-01`, lng: '110.3312', lat: '20.0311', caption: '北门' },
          { name: '改造前.png', content: PNG },
        );
      expect((await post(undefined, url, good())).statusCode).toBe(401);
      expect((await post(world.stats, url, good())).statusCode).toBe(403);
      expect((await post(world.sanya, url, good())).statusCode).toBe(404);
      expect((await post(world.county, '/api/communities/999999/photos', good())).statusCode).toBe(
        404,
      );
      const noKind = await post(
        world.county,
        url,
        multipart({ kind: 'during' }, { name: 'a.png', content: PNG }),
      );
      expect(noKind.statusCode).toBe(400);
      expect(noKind.json().error.message).toMatch(/改造前或改造后/);
      const halfPlace = await post(
        world.county,
        url,
        multipart({ kind: 'after', lng: '110.3' }, { name: 'a.png', content: PNG }),
      );
      expect(halfPlace.json().error.message).toMatch(/经度和纬度须同时填写/);
      const gif = await post(
        world.county,
        url,
        multipart({ kind: 'after' }, { name: '伪装.jpg', content: GIF }),
      );
      expect(gif.statusCode).toBe(400);
      expect(gif.json().error.message).toBe(
        '文件“伪装.jpg”的格式不符合要求：照片只接受 JPEG、PNG 或 WebP 图片（按文件内容判断，不看扩展名）',
      );
      const huge = await post(
        world.county,
        url,
        multipart(
          { kind: 'after' },
          { name: '大图.png', content: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) },
        ),
      );
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.message).toMatch(/文件“大图.png”超过大小上限 10 MB/);
      const noFile = await post(world.county, url, multipart({ kind: 'after' }));
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().error.message).toMatch(/请选择要上传的文件/);
      expect(stored()).toBe(0); // nothing refused stays on disk
      const ok = await post(world.county, url, good());
      expect(ok.statusCode).toBe(201);
      photoId = ok.json().id;
      const webp = await post(
        world.county,
        url,
        multipart({ kind: 'after' }, { name: 'after.webp', content: WEBP }),
      );
      expect(webp.statusCode).toBe(201);
      expect(stored()).toBe(2);
    });

    it('GET photos: 401 → 403 → 404 → 400 → 200', async () => {
      const url = `/api/communities/${world.binhai}/photos`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await world.ndrc.get(url)).statusCode).toBe(403);
      expect((await world.sanya.get(url)).statusCode).toBe(404);
      expect((await world.county.get('/api/communities/0/photos')).statusCode).toBe(400);
      const res = await world.stats.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toHaveLength(2);
      expect(res.json().items[1]).toMatchObject({
        id: photoId,
        kind: 'before',
        period: `${Y}-01`,
        lng: '110.3312',
        lat: '20.0311',
        caption: '北门',
        fileName: '改造前.png',
        contentType: 'image/png',
        size: PNG.length,
        username: 'longhua',
      });
      expect(res.json().items[1]).not.toHaveProperty('filePath');
      expect(
        (await world.county.get(`/api/communities/${world.binhai}/progress`)).json().photos,
      ).toHaveLength(2);
    });

    it('GET an attachment: 401 → 403 → 404 → 400 → 200 with the stored bytes', async () => {
      const url = `/api/communities/${world.binhai}/attachments/${photoId}`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await world.ndrc.get(url)).statusCode).toBe(403);
      expect((await world.sanya.get(url)).statusCode).toBe(404);
      // The photo through another community's address is not found either.
      expect(
        (await world.county.get(`/api/communities/${world.east}/attachments/${photoId}`))
          .statusCode,
      ).toBe(404);
      expect((await world.county.get(`${url}?download=yes`)).statusCode).toBe(400);
      const res = await world.county.get(`${url}?download=1`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toContain(
        `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent('改造前.png')}`,
      );
      expect(res.rawPayload.equals(PNG)).toBe(true);
    });

    it('DELETE an attachment: 401 → 403 → 404 → 400 → 204, and the file goes', async () => {
      const url = `/api/communities/${world.binhai}/attachments/${photoId}`;
      expect((await anonymous('DELETE', url)).statusCode).toBe(401);
      expect((await world.stats.send('DELETE', url)).statusCode).toBe(403);
      expect((await world.sanya.send('DELETE', url)).statusCode).toBe(404);
      expect(
        (await world.county.send('DELETE', `/api/communities/${world.binhai}/attachments/x`))
          .statusCode,
      ).toBe(400);
      expect((await world.county.send('DELETE', url)).statusCode).toBe(204);
      expect((await world.county.send('DELETE', url)).statusCode).toBe(404);
      expect(stored()).toBe(1);
      expect((await world.county.get(url)).statusCode).toBe(404);
    });
  });
});
