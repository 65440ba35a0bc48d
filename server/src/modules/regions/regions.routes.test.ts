import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';

describeEachEngine('regions API', (ctx) => {
  let app: App;
  let city: Client;
  let admin: Client;
  let cityAdmin: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await addUser(ctx.db.db, 'wuhan', '420100', ['city']);
    await addUser(ctx.db.db, 'root', '000000', ['admin']);
    await addUser(ctx.db.db, 'whadmin', '420100', ['admin']);
    city = await loginAs(app, 'wuhan');
    admin = await loginAs(app, 'root');
    cityAdmin = await loginAs(app, 'whadmin');
  });
  afterAll(() => app.close());

  it('shows a region of the subtree with its trail and children', async () => {
    const res = await city.get('/api/regions/420100');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code: '420100',
      name: '武汉市',
      level: 'prefecture',
      kind: '地级市',
      parentCode: '420000',
      isLedgerUnit: false,
    });
    expect(body.children).toContainEqual({
      code: '420102',
      name: '江岸区',
      level: 'county',
      kind: '市辖区',
      isLedgerUnit: true,
      hasChildren: false,
    });
    expect(body.children).toHaveLength(13);
  });

  it('answers 404 for a region outside the subtree, above it, or unknown; 400 for a malformed code', async () => {
    for (const code of ['420200', '420000', '000000', '110101', '999999']) {
      const res = await city.get(`/api/regions/${code}`);
      expect(res.statusCode, code).toBe(404);
      expect(res.json().error.message).toMatch(/不存在/);
    }
    const bad = await city.get('/api/regions/42x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('code');
  });

  it('searches by name, code and pinyin initials, only inside the subtree', async () => {
    const byName = (await city.get('/api/regions?q=' + encodeURIComponent('江岸'))).json();
    expect(byName.items).toEqual([
      {
        code: '420102',
        name: '江岸区',
        level: 'county',
        kind: '市辖区',
        fullName: '湖北省武汉市江岸区',
      },
    ]);
    expect((await city.get('/api/regions?q=4201')).json().items.length).toBeGreaterThan(10);
    expect(
      (await city.get('/api/regions?q=jaq')).json().items.map((i: { code: string }) => i.code),
    ).toEqual(['420102']);
    // 黄石 is in 湖北 but not in 武汉: a city user does not find it; the country administrator does.
    expect((await city.get('/api/regions?q=' + encodeURIComponent('黄石'))).json().items).toEqual(
      [],
    );
    expect(
      (await admin.get('/api/regions?q=' + encodeURIComponent('黄石'))).json().items[0].fullName,
    ).toBe('湖北省黄石市');
    expect(
      (await admin.get('/api/regions?q=' + encodeURIComponent('东城'))).json().items[0].fullName,
    ).toBe('北京市东城区');
    expect((await city.get('/api/regions?q=' + encodeURIComponent('%'))).json().items).toEqual([]);
    expect((await city.get('/api/regions?q=')).statusCode).toBe(400);
  });

  it('lets an administrator add a functional zone under a city, which then behaves as a county-level unit', async () => {
    const res = await cityAdmin.send('POST', '/api/regions', {
      parentCode: '420100',
      name: '武汉东湖新技术开发区',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      code: '4201A0',
      level: 'county',
      kind: '功能区',
      isLedgerUnit: true,
    });
    const second = await admin.send('POST', '/api/regions', {
      parentCode: '420100',
      name: '武汉经济技术开发区',
    });
    expect(second.json().code).toBe('4201A1');
    expect((await city.get('/api/regions/4201A0')).json()).toMatchObject({
      name: '武汉东湖新技术开发区',
      path: [{ code: '420000' }, { code: '420100' }, { code: '4201A0' }],
    });
    const dup = await cityAdmin.send('POST', '/api/regions', {
      parentCode: '420100',
      name: '武汉东湖新技术开发区',
    });
    expect(dup.statusCode).toBe(400);
  });

  it('refuses zones to non-administrators (403), outside the subtree (404), and under a non-prefecture (400)', async () => {
    expect(
      (await city.send('POST', '/api/regions', { parentCode: '420100', name: '某新区' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await cityAdmin.send('POST', '/api/regions', { parentCode: '420200', name: '某新区' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await admin.send('POST', '/api/regions', { parentCode: '420102', name: '某新区' }))
        .statusCode,
    ).toBe(400);
    const empty = await admin.send('POST', '/api/regions', { parentCode: '420100', name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('name');
  });
});
