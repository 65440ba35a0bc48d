/**
 * What an outside probe sent (issue 14's review, 2026-12-08) and must be refused where it is read,
 * in Chinese and naming the field, on both engines: U+0000 in any text, ids past the integer
 * columns, days the calendar has not, names made different by invisible characters, and a new
 * functional zone of a name its parent already has, however written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { uploadName } from './http.ts';
import type { App } from './http.ts';
import { importProjectList } from './modules/ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from './modules/users/users.service.ts';
import { describeEachEngine } from './test-support/engines.ts';
import { addUser, loginAs, type Client } from './test-support/fixtures.ts';
import { HAINAN_PROJECT_LIST } from './test-support/samples.ts';

describe('uploadName', () => {
  it('keeps a file name as written, without control characters', () => {
    expect(uploadName('照片\u0000 1\t.jpg')).toBe('照片 1.jpg');
    expect(uploadName('改造前（东区）.jpeg')).toBe('改造前（东区）.jpeg');
  });
});

describeEachEngine('request guards', (ctx) => {
  let app: App;
  let admin: Client;
  let haikou: Client;
  let community: Record<string, unknown>;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, HAINAN_PROJECT_LIST, { dryRun: false });
    await addUser(ctx.db.db, 'guards_admin', '000000', ['admin']);
    await addUser(ctx.db.db, 'guards_haikou', '460100', ['city']);
    admin = await loginAs(app, 'guards_admin');
    haikou = await loginAs(app, 'guards_haikou');
    const first = (await haikou.get('/api/communities?pageSize=1')).json().items[0];
    community = (await haikou.get(`/api/communities/${first.id}`)).json();
  });
  afterAll(() => app.close());

  const input = (over: Record<string, unknown>) => ({
    regionCode: community.regionCode,
    name: community.name,
    buildYear: community.buildYear,
    buildings: community.buildings,
    households: community.households,
    floorArea: community.floorArea,
    investment: community.investment,
    planYear: community.planYear,
    ...over,
  });

  it('refuses U+0000 in a login, a query, a path and a body with a 400 naming the field', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'guards_haikou\u0000', password: 'x' },
    });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.message).toBe('username：含有空字符（U+0000），请删去后重试');
    const search = await haikou.get('/api/communities?q=a%00b');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.details).toEqual([{ path: 'q', message: '含有空字符（U+0000）' }]);
    expect((await haikou.get('/api/communities/export?format=csv&q=%00')).statusCode).toBe(400);
    expect((await haikou.get('/api/regions/46%000')).statusCode).toBe(400);
    const created = await haikou.send(
      'POST',
      '/api/communities',
      input({ name: '新建\u0000小区', notes: 'x' }),
    );
    expect(created.statusCode).toBe(400);
    expect(created.json().error.details[0].path).toBe('name');
  });

  it('refuses an id or a version past the integer columns (400), and answers 404 for the largest', async () => {
    expect((await haikou.get('/api/communities/2147483647')).statusCode).toBe(404);
    const past = await haikou.get('/api/communities/2147483648');
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].path).toBe('id');
    const stale = await haikou.send(
      'PUT',
      `/api/communities/${String(community.id)}`,
      input({ version: 2 ** 31 }),
    );
    expect(stale.statusCode).toBe(400);
    expect(stale.json().error.details[0].path).toBe('version');
    expect((await admin.send('PATCH', '/api/users/9007199254740991', {})).statusCode).toBe(400);
  });

  it('refuses days the calendar has not: 30 February, 29 February of a common year', async () => {
    expect((await admin.send('POST', '/api/plan-policies', { planYear: 2031 })).statusCode).toBe(
      201,
    );
    const edit = (deadline: string) =>
      admin.send('PUT', '/api/plan-policies/2031', {
        version: 1,
        cutoffYear: 2000,
        latestBuildYear: 2005,
        maxPostCutoffSharePercent: 15,
        deadline,
        recipients: '住房和城乡建设部',
        source: '测试',
      });
    for (const day of ['2030-02-30', '2030-02-29', '2030-04-31']) {
      const res = await edit(day);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details[0].path).toBe('deadline');
    }
    expect((await edit('2028-02-29')).statusCode).toBe(200);
  });

  it('takes a name with invisible characters as the name without them, and refuses one of nothing else', async () => {
    for (const name of [`${String(community.name)}\u200b`, `\u200f${String(community.name)}`]) {
      const res = await haikou.send('POST', '/api/communities', input({ name }));
      expect(res.statusCode).toBe(409);
    }
    const blank = await haikou.send('POST', '/api/communities', input({ name: '\u200b\u200b' }));
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details[0]).toMatchObject({ path: '小区名称', message: '必填' });
    const fresh = await haikou.send(
      'POST',
      '/api/communities',
      input({ name: '\u200b新竹苑\u2060' }),
    );
    expect(fresh.statusCode).toBe(201);
    expect((await haikou.get(`/api/communities/${fresh.json().id}`)).json().name).toBe('新竹苑');
    // A search finds it however the name is written, as the duplicate check would.
    for (const q of ['新竹苑', '新 竹 苑', '新竹\u200b苑'])
      expect(
        (await haikou.get(`/api/communities?q=${encodeURIComponent(q)}`))
          .json()
          .items.map((c: { id: number }) => c.id),
        q,
      ).toEqual([fresh.json().id]);
  });

  it('refuses a functional zone of a name its parent has, invisible characters aside', async () => {
    const add = (name: string) =>
      admin.send('POST', '/api/regions', { parentCode: '460200', name });
    expect((await add('三亚守卫新区')).statusCode).toBe(201);
    const again = await add('三亚守卫新区\u200b');
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toBe('三亚市下已有名为“三亚守卫新区”的区划');
    expect((await add('\u200b\u200b')).statusCode).toBe(400);
  });
});
