/**
 * A community's consultations, photos, documents, funds in place and the project-level start rule,
 * through the API: every endpoint walks 401 → 403/404 → 400 → 200.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { mergeIntoProject } from '../projects/projects.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { importProgress } from './progress-import.service.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-attachments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const Y = new Date().getUTCFullYear();
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
const WEBP = Buffer.concat([
  Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'),
  Buffer.alloc(8),
]);
const PDF = Buffer.from('%PDF-1.4\n% 协商纪要\n', 'utf8');

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const b = '----gz' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  if (file)
    parts.push(
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${b}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${b}` };
}

describeEachEngine('community progress: consultations, photos, documents, funds', (ctx) => {
  let app: App;
  const uploads = join(dir, `uploads-${Math.random().toString(16).slice(2)}`);
  let county: Client;
  let stats: Client;
  let ndrc: Client;
  let sanya: Client;
  let binhai: number; // 滨海一村 (90 households), alone
  let east: number; // 东湖一村 (40) and
  let west: number; // 东湖二村 (30), one project

  const post = (who: Client | undefined, url: string, form: ReturnType<typeof multipart>) =>
    app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': form.contentType,
        ...(who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {}),
      },
      payload: form.payload,
    });
  const anonymous = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, ...(payload ? { payload } : {}) });
  const stored = () => (existsSync(uploads) ? readdirSync(uploads).length : 0);

  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false, uploadDir: uploads });
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        `460106,滨海一村,1990,5,90,7000,200,${Y}`,
        `460106,东湖一村,1992,4,40,3000,150,${Y}`,
        `460106,东湖二村,1993,3,30,2000,100,${Y}`,
        `460202,鹿城小区,1995,3,30,2500,80,${Y}`,
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    await addUser(ctx.db.db, 'longhua', '460106', ['county']);
    await addUser(ctx.db.db, 'tongji', '460106', ['statistics']);
    await addUser(ctx.db.db, 'fagai', '460000', ['province_ndrc']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    county = await loginAs(app, 'longhua');
    stats = await loginAs(app, 'tongji');
    ndrc = await loginAs(app, 'fagai');
    sanya = await loginAs(app, 'sanya');
    const byName = new Map<string, number>(
      (await county.get('/api/communities?sort=name'))
        .json()
        .items.map((c: { id: number; name: string }) => [c.name, c.id]),
    );
    binhai = byName.get('滨海一村')!;
    east = byName.get('东湖一村')!;
    west = byName.get('东湖二村')!;
    await mergeIntoProject(ctx.db.db, SYSTEM_ACTOR, [east, west], '东湖片区改造');
  });
  afterAll(() => app.close());

  describe('consultations and the start rule', () => {
    it('POST consultations: 401 → 403 → 404 → 400 → 201', async () => {
      const body = {
        heldOn: `${Y}-01-05`,
        method: 'written',
        householdsConsulted: 30,
        householdsAgreeing: 25,
      };
      const url = `/api/communities/${west}/consultations`;
      expect((await anonymous('POST', url, body)).statusCode).toBe(401);
      expect((await stats.send('POST', url, body)).statusCode).toBe(403);
      expect((await sanya.send('POST', url, body)).statusCode).toBe(404);
      const bad = await county.send('POST', url, { ...body, householdsConsulted: 31 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/不能超过小区居民户数（30 户）/);
      expect((await county.send('POST', url, { ...body, method: 'phone' })).statusCode).toBe(400);
      expect((await county.send('POST', url, body)).statusCode).toBe(201);
    });

    it('refuses a start of a project while another of its communities lacks consent, in the API and an import', async () => {
      const url = `/api/communities/${west}/progress/${Y}-01`;
      const refused = await county.send('PUT', url, { startDate: `${Y}-01-10` });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.message).toMatch(
        /项目“东湖片区改造”的小区须全部经居民协商达到 2\/3 同意后方可开工，尚未达到：东湖一村（0\/40 户同意）/,
      );
      const view = (await county.get(`/api/communities/${west}/progress`)).json();
      expect(view.consent).toMatchObject({ reached: true, share: '83.3%', thresholdLabel: '2/3' });
      expect(view.startBlockedBy).toMatch(/东湖一村/);

      const csv = join(dir, `start-${ctx.engine}.csv`);
      writeFileSync(
        csv,
        [
          '区划代码,小区名称,计划年度,报告期,开工日期',
          `460106,东湖二村,${Y},${Y}-01,${Y}-01-10`,
        ].join('\n'),
      );
      const report = await importProgress(ctx.db.db, SYSTEM_ACTOR, csv, { dryRun: false });
      expect(report.imported).toBe(0);
      expect(report.errors.map((e) => [e.line, e.column])).toEqual([[2, '开工日期']]);
      expect(report.errors[0]!.message).toMatch(/东湖一村/);

      // 26/40 = 65 % is short of two thirds; 27/40 reaches it.
      for (const agreeing of [26, 27])
        expect(
          (
            await county.send('POST', `/api/communities/${east}/consultations`, {
              heldOn: `${Y}-01-06`,
              method: 'meeting',
              householdsConsulted: 40,
              householdsAgreeing: agreeing,
              agreedScheme: true,
              agreedContribution: true,
              agreedAftercare: true,
            })
          ).statusCode,
        ).toBe(201);
      expect((await county.send('PUT', url, { startDate: `${Y}-01-10` })).statusCode).toBe(204);
      const east2 = (await county.get(`/api/communities/${east}/progress`)).json();
      expect(east2.startBlockedBy).toBeNull();
      expect(east2.consultations.map((c: { share: string }) => c.share)).toEqual([
        '65.0%',
        '67.5%',
      ]);
    });

    it('GET progress: 401 → 403 → 404 → 400 → 200', async () => {
      const url = `/api/communities/${binhai}/progress`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await ndrc.get(url)).statusCode).toBe(403);
      expect((await sanya.get(url)).statusCode).toBe(404);
      expect((await county.get('/api/communities/abc/progress')).statusCode).toBe(400);
      const res = await county.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        households: 90,
        consent: { households: 90, bestAgreeing: 0, reached: false, share: '0.0%' },
        consultations: [],
        records: [],
        photos: [],
      });
      expect(res.json().fundingSources).toHaveLength(7);
    });
  });

  describe('funds in place', () => {
    it('PUT progress with funds: 401 → 403 → 404 → 400 → 204, kept when omitted', async () => {
      const url = `/api/communities/${binhai}/progress/${Y}-01`;
      const body = {
        investmentDone: '12.5',
        funds: [
          { source: 'central', amount: '10' },
          { source: 'residents', amount: '0.2500' },
        ],
      };
      expect((await anonymous('PUT', url, body)).statusCode).toBe(401);
      expect((await stats.send('PUT', url, body)).statusCode).toBe(403);
      expect((await sanya.send('PUT', url, body)).statusCode).toBe(404);
      expect(
        (await county.send('PUT', url, { funds: [{ source: 'lottery', amount: '1' }] })).statusCode,
      ).toBe(400);
      const bad = await county.send('PUT', url, {
        funds: [{ source: 'central', amount: '1.23456' }],
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.message).toMatch(/资金到位：中央补助资金（万元）：应为不小于0的数/);
      const twice = await county.send('PUT', url, {
        funds: [
          { source: 'central', amount: '1' },
          { source: 'central', amount: '2' },
        ],
      });
      expect(twice.json().error.message).toMatch(/同一资金来源填写了两次/);
      expect((await county.send('PUT', url, body)).statusCode).toBe(204);
      expect(
        (await county.send('PUT', url, { investmentDone: '13', elevators: 1 })).statusCode,
      ).toBe(204);
      const [record] = (await county.get(`/api/communities/${binhai}/progress`)).json().records;
      expect(record).toMatchObject({
        period: `${Y}-01`,
        investmentDone: '13',
        elevators: 1,
        fundsTotal: '10.25',
        funds: [
          { source: 'central', label: '中央补助资金', amount: '10' },
          { source: 'residents', label: '居民出资', amount: '0.25' },
        ],
      });
      expect((await county.send('PUT', url, { investmentDone: '13', funds: [] })).statusCode).toBe(
        204,
      );
      expect(
        (await county.get(`/api/communities/${binhai}/progress`)).json().records[0].funds,
      ).toEqual([]);
    });
  });

  describe('photos', () => {
    let photoId: number;
    it('POST photos: 401 → 403 → 404 → 400 (kind, place, type, size) → 201', async () => {
      const url = `/api/communities/${binhai}/photos`;
      const good = () =>
        multipart(
          { kind: 'before', period: `${Y}-01`, lng: '110.3312', lat: '20.0311', caption: '北门' },
          { name: '改造前.png', content: PNG },
        );
      expect((await post(undefined, url, good())).statusCode).toBe(401);
      expect((await post(stats, url, good())).statusCode).toBe(403);
      expect((await post(sanya, url, good())).statusCode).toBe(404);
      expect((await post(county, '/api/communities/999999/photos', good())).statusCode).toBe(404);
      const noKind = await post(
        county,
        url,
        multipart({ kind: 'during' }, { name: 'a.png', content: PNG }),
      );
      expect(noKind.statusCode).toBe(400);
      expect(noKind.json().error.message).toMatch(/改造前或改造后/);
      const halfPlace = await post(
        county,
        url,
        multipart({ kind: 'after', lng: '110.3' }, { name: 'a.png', content: PNG }),
      );
      expect(halfPlace.json().error.message).toMatch(/经度和纬度须同时填写/);
      const gif = await post(
        county,
        url,
        multipart({ kind: 'after' }, { name: '伪装.jpg', content: GIF }),
      );
      expect(gif.statusCode).toBe(400);
      expect(gif.json().error.message).toBe(
        '文件“伪装.jpg”的格式不符合要求：照片只接受 JPEG、PNG 或 WebP 图片（按文件内容判断，不看扩展名）',
      );
      const huge = await post(
        county,
        url,
        multipart(
          { kind: 'after' },
          { name: '大图.png', content: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) },
        ),
      );
      expect(huge.statusCode).toBe(400);
      expect(huge.json().error.message).toMatch(/文件“大图.png”超过大小上限 10 MB/);
      const noFile = await post(county, url, multipart({ kind: 'after' }));
      expect(noFile.statusCode).toBe(400);
      expect(noFile.json().error.message).toMatch(/请选择要上传的文件/);
      expect(stored()).toBe(0); // nothing refused stays on disk
      const ok = await post(county, url, good());
      expect(ok.statusCode).toBe(201);
      photoId = ok.json().id;
      const webp = await post(
        county,
        url,
        multipart({ kind: 'after' }, { name: 'after.webp', content: WEBP }),
      );
      expect(webp.statusCode).toBe(201);
      expect(stored()).toBe(2);
    });

    it('GET photos: 401 → 403 → 404 → 400 → 200', async () => {
      const url = `/api/communities/${binhai}/photos`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await ndrc.get(url)).statusCode).toBe(403);
      expect((await sanya.get(url)).statusCode).toBe(404);
      expect((await county.get('/api/communities/0/photos')).statusCode).toBe(400);
      const res = await stats.get(url);
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
      expect((await county.get(`/api/communities/${binhai}/progress`)).json().photos).toHaveLength(
        2,
      );
    });

    it('GET an attachment: 401 → 403 → 404 → 400 → 200 with the stored bytes', async () => {
      const url = `/api/communities/${binhai}/attachments/${photoId}`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await ndrc.get(url)).statusCode).toBe(403);
      expect((await sanya.get(url)).statusCode).toBe(404);
      // The photo through another community's address is not found either.
      expect((await county.get(`/api/communities/${east}/attachments/${photoId}`)).statusCode).toBe(
        404,
      );
      expect((await county.get(`${url}?download=yes`)).statusCode).toBe(400);
      const res = await county.get(`${url}?download=1`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toContain(
        `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent('改造前.png')}`,
      );
      expect(res.rawPayload.equals(PNG)).toBe(true);
    });

    it('DELETE an attachment: 401 → 403 → 404 → 400 → 204, and the file goes', async () => {
      const url = `/api/communities/${binhai}/attachments/${photoId}`;
      expect((await anonymous('DELETE', url)).statusCode).toBe(401);
      expect((await stats.send('DELETE', url)).statusCode).toBe(403);
      expect((await sanya.send('DELETE', url)).statusCode).toBe(404);
      expect(
        (await county.send('DELETE', `/api/communities/${binhai}/attachments/x`)).statusCode,
      ).toBe(400);
      expect((await county.send('DELETE', url)).statusCode).toBe(204);
      expect((await county.send('DELETE', url)).statusCode).toBe(404);
      expect(stored()).toBe(1);
      expect((await county.get(url)).statusCode).toBe(404);
    });
  });

  describe('consultation documents', () => {
    let consultationId: number;
    beforeAll(async () => {
      const res = await county.send('POST', `/api/communities/${binhai}/consultations`, {
        heldOn: `${Y}-01-08`,
        method: 'door_to_door',
        householdsConsulted: 90,
        householdsAgreeing: 73,
        agreedScheme: true,
      });
      consultationId = res.json().id;
    });

    it('POST documents: 401 → 403 → 404 → 400 → 201', async () => {
      const url = `/api/communities/${binhai}/consultations/${consultationId}/documents`;
      const pdf = () => multipart({}, { name: '协商纪要.pdf', content: PDF });
      expect((await post(undefined, url, pdf())).statusCode).toBe(401);
      expect((await post(stats, url, pdf())).statusCode).toBe(403);
      expect((await post(sanya, url, pdf())).statusCode).toBe(404);
      // This consultation through another community's address.
      expect(
        (
          await post(
            county,
            `/api/communities/${east}/consultations/${consultationId}/documents`,
            pdf(),
          )
        ).statusCode,
      ).toBe(404);
      const webp = await post(county, url, multipart({}, { name: '照片.webp', content: WEBP }));
      expect(webp.statusCode).toBe(400);
      expect(webp.json().error.message).toMatch(
        /文件“照片.webp”的格式不符合要求：协商材料只接受 PDF/,
      );
      const empty = await post(
        county,
        url,
        multipart({}, { name: '空.pdf', content: Buffer.alloc(0) }),
      );
      expect(empty.json().error.message).toBe('文件“空.pdf”是空文件');
      expect((await post(county, url, pdf())).statusCode).toBe(201);
      expect(
        (await post(county, url, multipart({}, { name: '签字表.png', content: PNG }))).statusCode,
      ).toBe(201);
    });

    it('GET documents: 401 → 403 → 404 → 400 → 200, and the progress view carries them', async () => {
      const url = `/api/communities/${binhai}/consultations/${consultationId}/documents`;
      expect((await anonymous('GET', url)).statusCode).toBe(401);
      expect((await ndrc.get(url)).statusCode).toBe(403);
      expect((await sanya.get(url)).statusCode).toBe(404);
      expect(
        (await county.get(`/api/communities/${binhai}/consultations/-1/documents`)).statusCode,
      ).toBe(400);
      const res = await county.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((d: { fileName: string }) => d.fileName)).toEqual([
        '协商纪要.pdf',
        '签字表.png',
      ]);
      const view = (await county.get(`/api/communities/${binhai}/progress`)).json();
      expect(view.consent).toMatchObject({ bestAgreeing: 73, share: '81.1%', reached: true });
      expect(view.consultations[0]).toMatchObject({
        id: consultationId,
        reachesThreshold: true,
        documents: [
          { fileName: '协商纪要.pdf', contentType: 'application/pdf' },
          { fileName: '签字表.png', contentType: 'image/png' },
        ],
      });
      const pdf = await county.get(view.consultations[0].documents[0].url);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.equals(PDF)).toBe(true);
    });
  });
});
