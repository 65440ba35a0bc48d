/**
 * 小区分布图: scope as the ledger list (401 → 403 → 404 → 400 → 200), points coloured by the
 * progress table's rule as at a day, communities without a position counted, the status filter,
 * the position checks on the community form's route and in the database (migration 0027), and
 * the tile service reaching the page and the Content-Security-Policy only when configured.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { communityMap } from './map.service.ts';
import { NO_MEASURES } from '../../test-support/progress.ts';

const dir = mkdtempSync(join(tmpdir(), 'gaizao-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A past plan year, so that "as at today" is after every date below whenever the test runs. */
const Y = 2024;
const TILES = {
  urls: [
    'https://t0.tianditu.gov.cn/vec_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k',
    'https://t1.tianditu.gov.cn/cva_w/wmts?TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=k',
  ],
  reviewNo: 'GS(2000)0000号',
  attribution: '天地图',
};

describeEachEngine('community map', (ctx) => {
  let app: App;
  let county: Client;
  let sanya: Client;
  let ids: Record<string, number>;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    const list = join(dir, `list-${ctx.engine}.csv`);
    writeFileSync(
      list,
      [
        '区划代码,小区名称,建成年份,楼栋数,居民户数,住宅建筑面积（平方米）,预计投资额（万元）,计划年度',
        `460106,滨海一村,1990,5,90,7000,200,${Y}`,
        `460106,滨海二村,1992,4,60,5000,150,${Y}`,
        `460106,滨海三村,1993,4,60,5000,150,${Y}`,
        `460106,滨海四村,1993,4,60,5000,150,${Y}`,
        `460202,鹿城小区,1995,3,30,2500,80,${Y}`,
      ].join('\n'),
    );
    expect(
      (await importProjectList(ctx.db.db, SYSTEM_ACTOR, list, { dryRun: false })).errors,
    ).toEqual([]);
    const rows = await ctx.db.db.selectFrom('communities').select(['id', 'name']).execute();
    ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
    await addUser(ctx.db.db, 'longhua', '460106', ['county']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    await addUser(ctx.db.db, 'hnfgw', '460000', ['province_ndrc']);
    await addUser(ctx.db.db, 'sec', '000000', ['security_admin']);
    await addUser(ctx.db.db, 'aud', '000000', ['audit_admin']);
    await addUser(ctx.db.db, 'mof', '000000', ['mof']);
    county = await loginAs(app, 'longhua');
    sanya = await loginAs(app, 'sanya');
    // Positions as the community form sends them; 滨海四村 has none.
    const place = async (name: string, lng: string, lat: string) => {
      const c = (await county.get(`/api/communities/${ids[name]}`)).json();
      const res = await county.send('PUT', `/api/communities/${c.id}`, {
        ...formOf(c),
        lng,
        lat,
      });
      expect(res.statusCode, res.body).toBe(200);
    };
    await place('滨海一村', '110.3312', '20.0311');
    await place('滨海二村', '110.3401', '20.0222');
    await place('滨海三村', '110.3205', '20.0105');
    await ctx.db.db
      .updateTable('communities')
      .set({ lng: '109.5', lat: '18.25' })
      .where('id', '=', ids['鹿城小区']!)
      .execute();
    // Latest records: 一村 started in May and completed in November, 二村 started in June.
    const record = (name: string, period: string, start: string | null, done: string | null) => ({
      community_id: ids[name]!,
      period,
      start_date: start,
      completion_date: done,
      ...NO_MEASURES,
      username: 'longhua',
      updated_at: `${Y}-12-01T00:00:00Z`,
    });
    await ctx.db.db
      .insertInto('progress')
      .values([
        record('滨海一村', `${Y}-05`, `${Y}-05-10`, null),
        record('滨海一村', `${Y}-11`, `${Y}-05-10`, `${Y}-11-20`),
        record('滨海二村', `${Y}-06`, `${Y}-06-15`, null),
        record('滨海四村', `${Y}-06`, `${Y}-06-01`, null),
      ])
      .execute();
  });
  afterAll(() => app.close());

  it('walks 401 → 403 → 404 → 400 → 200 as the ledger list does', async () => {
    const url = `/api/map/communities?year=${Y}`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    // Roles without the ledger: the provincial sign-off departments, 财政部, 三员分立's other two.
    for (const who of ['hnfgw', 'mof', 'sec', 'aud'])
      expect((await (await loginAs(app, who)).get(url)).statusCode, who).toBe(403);
    const outside = await sanya.get(`${url}&region=460106`);
    expect(outside.statusCode).toBe(404);
    expect(outside.json().error.message).toMatch(/460106/);
    expect((await county.get(`${url}&region=999999`)).statusCode).toBe(404);
    for (const bad of ['status=done', 'year=19', 'region=4601060'])
      expect((await county.get(`${url}&${bad}`)).statusCode, bad).toBe(400);
    const own = await sanya.get(url);
    expect(own.statusCode).toBe(200);
    expect(own.json().points.map((p: { name: string }) => p.name)).toEqual(['鹿城小区']);
  });

  it('colours each point by the progress table rule and counts those without a position', async () => {
    const map = (await county.get(`/api/map/communities?year=${Y}`)).json();
    expect(map.region).toEqual({ code: '460106', name: '龙华区' });
    expect(map.points).toEqual([
      expect.objectContaining({
        name: '滨海一村',
        lng: 110.3312,
        lat: 20.0311,
        status: 'completed',
      }),
      expect.objectContaining({ name: '滨海二村', status: 'started', regionName: '龙华区' }),
      expect.objectContaining({ name: '滨海三村', status: 'plan', households: 60 }),
    ]);
    expect(map.counts).toEqual({ plan: 1, started: 1, completed: 1 });
    expect(map.unlocated).toEqual({ plan: 0, started: 1, completed: 0 });
    expect(map.tiles).toBeNull();
    const started = (await county.get(`/api/map/communities?year=${Y}&status=started`)).json();
    expect(started.points.map((p: { name: string }) => p.name)).toEqual(['滨海二村']);
    expect(started.unlocated).toEqual({ plan: 0, started: 1, completed: 0 });
    const other = (await county.get(`/api/map/communities?year=${Y + 1}`)).json();
    expect([other.points, other.unlocated]).toEqual([[], { plan: 0, started: 0, completed: 0 }]);
  });

  it('takes the status as at the day in China (a fixed now)', async () => {
    const actor = {
      ...SYSTEM_ACTOR,
      regionCode: '460106',
      regionPath: '/000000/460000/460100/460106/',
    };
    const at = async (iso: string) =>
      (await communityMap(ctx.db.db, actor, { year: Y }, null, new Date(iso))).points.map(
        (p) => `${p.name}:${p.status}`,
      );
    // 2024-06-14 16:00 UTC is 6月15日 in China: 二村 has started that day.
    expect(await at(`${Y}-06-14T16:00:00Z`)).toEqual([
      '滨海一村:started',
      '滨海二村:started',
      '滨海三村:plan',
    ]);
    expect(await at(`${Y}-06-14T15:59:00Z`)).toEqual([
      '滨海一村:started',
      '滨海二村:plan',
      '滨海三村:plan',
    ]);
  });

  it('checks positions on the community form with Chinese messages naming the field', async () => {
    const c = (await county.get(`/api/communities/${ids['滨海三村']}`)).json();
    const put = (lng: string | null, lat: string | null) =>
      county.send('PUT', `/api/communities/${c.id}`, { ...formOf(c), lng, lat });
    const swapped = await put('20.0105', '110.3205');
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.details).toEqual([
      { path: 'lng', message: '经度 20.0105 不在我国范围内（应为东经 73 到 136 度之间）' },
      expect.objectContaining({ path: 'lat' }),
    ]);
    const half = await put('110.3', null);
    expect(half.json().error.details[0]).toEqual({
      path: 'lat',
      message: '填写了经度而未填纬度：经度和纬度须同时填写',
    });
    const cleared = await put('', '');
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ lng: null, lat: null });
  });

  it('holds the database to the same bounds (migration 0027)', async () => {
    const set = (lng: string | null, lat: string | null) =>
      ctx.db.db
        .updateTable('communities')
        .set({ lng, lat })
        .where('id', '=', ids['滨海四村']!)
        .execute();
    await expect(set('20.1', '110.2')).rejects.toThrow();
    await expect(set('110.2', null)).rejects.toThrow();
    await set('110.2', '20.1');
    await set(null, null);
  });

  it('gives the configured tile service to the page and lets only its origin serve images', async () => {
    const tiled = await buildApp({ db: ctx.db, serveWeb: false, mapTiles: TILES });
    try {
      const c = await loginAs(tiled, 'longhua');
      const res = await c.get(`/api/map/communities?year=${Y}`);
      expect(res.json().tiles).toEqual(TILES);
      expect(res.headers['content-security-policy']).toContain(
        "img-src 'self' data: blob: https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn;",
      );
    } finally {
      await tiled.close();
    }
    const plain = await county.get(`/api/map/communities?year=${Y}`);
    expect(plain.headers['content-security-policy']).toContain("img-src 'self' data: blob:;");
  });
});

/** The editable fields of a community as its page shows them (what the form sends back). */
function formOf(c: Record<string, unknown>) {
  return {
    version: c.version,
    regionCode: c.regionCode,
    name: c.name,
    buildYear: c.buildYear,
    buildings: c.buildings,
    households: c.households,
    floorArea: c.floorArea,
    investment: c.investment,
    planYear: c.planYear,
  };
}
