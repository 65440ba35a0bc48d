/**
 * A consultation's documents, through the API: uploading with its checks, listing, and the
 * progress view that carries them; every endpoint walks 401 → 403/404 → 400 → 200.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { multipart, PDF, PNG, progressWorld, WEBP, Y } from './attachments.fixture.ts';

describeEachEngine('community progress: consultation documents', (ctx) => {
  const world = progressWorld(ctx);
  const { post, anonymous } = world;

  describe('consultation documents', () => {
    let consultationId: number;
    beforeAll(async () => {
      const res = await world.county.send(
        'POST',
        `/api/communities/${world.binhai}/consultations`,
        {
          heldOn: `${Y}-01-08`,
          method: 'door_to_door',
          householdsConsulted: 90,
          householdsAgreeing: 73,
          agreedScheme: true,
        },
      );
      consultationId = res.json().id;
    });

    it('POST documents: 401 → 403 → 404 → 400 → 201', async () => {
      const url = `/api/communities/${world.binhai}/consultations/${consultationId}/documents`;
      const pdf = () => multipart({}, { name: '协商纪要.pdf', content: PDF });
      expect((await post(undefined, url, pdf())).statusCode).toBe(401);
      expect((await post(world.stats, url, pdf())).statusCode).toBe(403);
      expect((await post(world.sanya, url, pdf())).statusCode).toBe(404);
      // This consultation through another community's address.
      expect(
        (
          await post(
            world.county,
            `/api/communities/${world.east}/consultations/${consultationId}/documents`,
            pdf(),
          )
        ).statusCode,
      ).toBe(404);
      const webp = await post(
        world.county,
        url,
        multipart({}, { name: '照片.webp', content: WEBP }),
      );
      expect(webp.statusCode).toBe(400);
      expect(webp.json().error.message).toMatch(
        /文件“照片.webp”的格式不符合要求：协商材料只接受 PDF/,
      );
      const empty = await post(
        world.county,
        url,
        multipart({}, { name: '空.pdf', content: Buffer.alloc(0) }),
      );
      expect(empty.json().error.message).toBe('文件“空.pdf”是空文件');
      expect((await post(world.county, url, pdf())).statusCode).toBe(201);
      expect(
        (await post(world.county, url, multipart({}, { name: '签字表.png', content: PNG })))
          .statusCode,
      ).toBe(201);
    });

    it('GET documents: 401 → 403 → 404 → 400 → 200, and the progress view carries them', async () => {
      const url = `/api/communities/${world.binhai}/consultations/${consultationId}/documents`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await world.ndrc.get(url)).statusCode).toBe(403);
      expect((await world.sanya.get(url)).statusCode).toBe(404);
      expect(
        (await world.county.get(`/api/communities/${world.binhai}/consultations/-1/documents`))
          .statusCode,
      ).toBe(400);
      const res = await world.county.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((d: { fileName: string }) => d.fileName)).toEqual([
        '协商纪要.pdf',
        '签字表.png',
      ]);
      const view = (await world.county.get(`/api/communities/${world.binhai}/progress`)).json();
      expect(view.consent).toMatchObject({ bestAgreeing: 73, share: '81.1%', reached: true });
      expect(view.consultations[0]).toMatchObject({
        id: consultationId,
        reachesThreshold: true,
        documents: [
          { fileName: '协商纪要.pdf', contentType: 'application/pdf' },
          { fileName: '签字表.png', contentType: 'image/png' },
        ],
      });
      const pdf = await world.county.get(view.consultations[0].documents[0].url);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.equals(PDF)).toBe(true);
    });
  });
});
