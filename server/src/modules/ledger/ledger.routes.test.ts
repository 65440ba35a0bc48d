import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { importProjectList } from './import/import.service.ts';
import { HAINAN_PROJECT_LIST } from '../../test-support/samples.ts';

const SAMPLE = HAINAN_PROJECT_LIST;

function multipart(fileName: string, content: Buffer | string) {
  const boundary = '----gaizaotest' + Math.random().toString(16).slice(2);
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return {
    payload: Buffer.concat([
      Buffer.from(head),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describeEachEngine('ledger API', (ctx) => {
  let app: App;
  let haikou: Client;
  let sanya: Client;
  let ndrc: Client;
  let province: Client;
  let haikouCommunity: { id: number; version: number };
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    await addUser(ctx.db.db, 'hnndrc', '460000', ['province_ndrc']);
    await addUser(ctx.db.db, 'hainan', '460000', ['province']);
    haikou = await loginAs(app, 'haikou');
    sanya = await loginAs(app, 'sanya');
    ndrc = await loginAs(app, 'hnndrc');
    province = await loginAs(app, 'hainan');
    const first = (await haikou.get('/api/communities?pageSize=1')).json().items[0];
    haikouCommunity = { id: first.id, version: first.version };
  });
  afterAll(() => app.close());

  it('lists the subtree with totals for the filter; a city sees only its own communities', async () => {
    const all = (await province.get('/api/communities?pageSize=200')).json();
    expect(all.total).toBe(52);
    const mine = (await haikou.get('/api/communities?pageSize=200')).json();
    expect(mine.items.every((c: { prefectureCode: string }) => c.prefectureCode === '460100')).toBe(
      true,
    );
    expect(mine.totals.households).toBe(
      mine.items.reduce((s: number, c: { households: number }) => s + c.households, 0),
    );
    const after = (await province.get('/api/communities?bucket=after')).json();
    expect(after.items.every((c: { buildYear: number }) => c.buildYear > 2000)).toBe(true);
    const search = (
      await province.get('/api/communities?q=' + encodeURIComponent('解放公寓'))
    ).json();
    expect(search.items.map((c: { name: string }) => c.name)).toContain('解放公寓北院');
    const sorted = (await province.get('/api/communities?sort=households&order=desc&pageSize=3'))
      .json()
      .items.map((c: { households: number }) => c.households);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
  });

  it('answers 404 for another city’s community or region, 403 for sign-off roles, 400 for a bad query', async () => {
    expect((await sanya.get(`/api/communities/${haikouCommunity.id}`)).statusCode).toBe(404);
    expect((await sanya.get('/api/communities?region=460100')).statusCode).toBe(404);
    expect(
      (
        await sanya.send('PUT', `/api/communities/${haikouCommunity.id}`, {
          version: 1,
          regionCode: '460106',
          name: 'x',
          buildYear: 1990,
          buildings: 1,
          households: 10,
          floorArea: '100',
          investment: '1',
          planYear: 2022,
        })
      ).statusCode,
    ).toBe(404);
    const exported = await sanya.get('/api/communities/export?format=csv');
    expect(exported.body).not.toContain('460106');
    expect((await ndrc.get('/api/communities')).statusCode).toBe(403);
    const bad = await province.get('/api/communities?pageSize=100000');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('pageSize');
  });

  it('records an edit in the history, and refuses a stale save showing what changed meanwhile', async () => {
    const detail = (await haikou.get(`/api/communities/${haikouCommunity.id}`)).json();
    const input = {
      regionCode: detail.regionCode,
      name: detail.name,
      street: detail.street,
      address: detail.address,
      buildYear: detail.buildYear,
      buildings: detail.buildings,
      households: detail.households,
      floorArea: detail.floorArea,
      investment: detail.investment,
      planYear: detail.planYear,
      content: detail.content,
      ownership: detail.ownership,
    };
    const saved = await haikou.send('PUT', `/api/communities/${detail.id}`, {
      ...input,
      version: detail.version,
      households: detail.households + 1,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(detail.version + 1);
    expect(saved.json().history[0]).toMatchObject({
      username: 'haikou',
      action: 'update',
      changes: [{ field: '居民户数', old: detail.households, new: detail.households + 1 }],
    });
    const stale = await province.send('PUT', `/api/communities/${detail.id}`, {
      ...input,
      version: detail.version,
      buildings: detail.buildings + 5,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.subCode).toBe('STALE_VERSION');
    // Named as pages name people: the account's name with its unit, not the login alone.
    expect(stale.json().error.message).toMatch(/已被haikou（海口市）修改/);
    expect(stale.json().error.meanwhile[0].changes[0].field).toBe('居民户数');
    const invalid = await haikou.send('PUT', `/api/communities/${detail.id}`, {
      ...input,
      version: detail.version + 1,
      buildYear: 2999,
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details[0].path).toBe('建成年份');
  });

  it('imports through upload → check → confirm, all or nothing, only inside the region', async () => {
    const bad = multipart(
      'bad.csv',
      '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度\n460106,新华小区,1992,3,60,5000,100,2023\n460201,三亚的小区,1992,3,60,5000,100,2023\n',
    );
    const checked = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: haikou.cookie,
        'x-csrf-token': haikou.csrf,
        'content-type': bad.contentType,
      },
      payload: bad.payload,
    });
    expect(checked.statusCode).toBe(201);
    expect(checked.json()).toMatchObject({
      status: 'invalid',
      report: { errorCount: 1, errors: [{ line: 3, column: '区划代码' }] },
    });
    expect(
      (await haikou.send('POST', `/api/imports/${checked.json().id}/confirm`)).statusCode,
    ).toBe(409);
    expect((await sanya.get(`/api/imports/${checked.json().id}`)).statusCode).toBe(404);

    const good = multipart(
      'good.csv',
      '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度\n460106,新华小区,1992,3,60,5000,100,2023\n',
    );
    const ok = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: haikou.cookie,
        'x-csrf-token': haikou.csrf,
        'content-type': good.contentType,
      },
      payload: good.payload,
    });
    expect(ok.json().status).toBe('checked');
    expect((await haikou.send('POST', `/api/imports/${ok.json().id}/confirm`)).statusCode).toBe(
      202,
    );
    await expect
      .poll(async () => (await haikou.get(`/api/imports/${ok.json().id}`)).json().status)
      .toBe('imported');
    expect(
      (await haikou.get('/api/communities?q=' + encodeURIComponent('新华小区'))).json().total,
    ).toBe(1);

    const png = multipart(
      'photo.xlsx',
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0,
        0xff, 0xfe,
      ]),
    );
    const refused = await app.inject({
      method: 'POST',
      url: '/api/imports',
      headers: {
        cookie: haikou.cookie,
        'x-csrf-token': haikou.csrf,
        'content-type': png.contentType,
      },
      payload: png.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toMatch(/不是 xlsx 或 csv/);
    expect((await ndrc.get('/api/imports/template.xlsx')).statusCode).toBe(200);
  });

  it('exports csv and xlsx in the template columns, guarding formula-like text', async () => {
    const csv = await province.get('/api/communities/export?format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFF序号,区划代码,区县')).toBe(true);
    expect(csv.body.split('\r\n').filter(Boolean)).toHaveLength(1 + 53);
    const xlsx = await province.get('/api/communities/export?format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(54);
    expect(wb.worksheets[0]!.getRow(1).getCell(5).value).toBe('小区名称');
    const template = await province.get('/api/imports/template.xlsx');
    const t = new ExcelJS.Workbook();
    await t.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    expect(t.worksheets.map((w) => w.name)).toEqual(['改造项目清单', '填写说明']);
    expect(readFileSync(SAMPLE, 'utf8').length).toBeGreaterThan(0);
  });

  it('keeps fields an edit leaves out (location, subsidy years)', async () => {
    const d = (await province.get('/api/communities?pageSize=1&sort=name')).json().items[0];
    const base = {
      regionCode: d.regionCode,
      name: d.name,
      buildYear: d.buildYear,
      buildings: d.buildings,
      households: d.households,
      floorArea: d.floorArea,
      investment: d.investment,
      planYear: d.planYear,
    };
    const located = await province.send('PUT', `/api/communities/${d.id}`, {
      ...base,
      version: d.version,
      lng: '110.3312',
      lat: '20.0311',
      subsidyYears: [2020],
    });
    expect(located.json()).toMatchObject({ lng: '110.3312', lat: '20.0311', subsidyYears: [2020] });
    const again = await province.send('PUT', `/api/communities/${d.id}`, {
      ...base,
      version: located.json().version,
      street: '海秀街道',
    });
    expect(again.json()).toMatchObject({
      street: '海秀街道',
      lng: '110.3312',
      lat: '20.0311',
      subsidyYears: [2020],
    });
  });
});
