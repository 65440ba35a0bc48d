import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { HAINAN_PROJECT_LIST } from '../../test-support/samples.ts';

const SAMPLE = HAINAN_PROJECT_LIST;

describeEachEngine('projects API', (ctx) => {
  let app: App;
  let haikou: Client;
  let sanya: Client;
  let statistics: Client;
  let province: Client;
  let haitang: Client;
  let jiyang: Client;
  let ids: { haikou: number[]; sanya: number };
  /** Sanya's communities by county: 海棠区 460202 has one, 吉阳区 460203 three. */
  let units: { haitang: number[]; jiyang: number[] };
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    await addUser(ctx.db.db, 'stats', '460000', ['statistics']);
    await addUser(ctx.db.db, 'hainan', '460000', ['province']);
    await addUser(ctx.db.db, 'haitang', '460202', ['county']);
    await addUser(ctx.db.db, 'jiyang', '460203', ['county']);
    haikou = await loginAs(app, 'haikou');
    sanya = await loginAs(app, 'sanya');
    statistics = await loginAs(app, 'stats');
    province = await loginAs(app, 'hainan');
    haitang = await loginAs(app, 'haitang');
    jiyang = await loginAs(app, 'jiyang');
    const list = (await haikou.get('/api/communities?planYear=2022&pageSize=200')).json().items;
    ids = {
      haikou: list.slice(0, 3).map((c: { id: number }) => c.id),
      sanya: (await sanya.get('/api/communities?pageSize=1')).json().items[0].id,
    };
    const idsOf = async (c: Client) =>
      ((await c.get('/api/communities?pageSize=200')).json().items as { id: number }[])
        .map((x) => x.id)
        .sort((x, y) => x - y);
    units = { haitang: await idsOf(haitang), jiyang: await idsOf(jiyang) };
  });
  afterAll(() => app.close());

  it('merges communities of one city into one project whose investment is the exact sum', async () => {
    const res = await haikou.send('POST', '/api/projects/merge', {
      communityIds: ids.haikou,
      name: '海口市老城片区联动改造',
    });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.communities.map((c: { id: number }) => c.id)).toEqual(ids.haikou);
    const cents = p.communities.reduce(
      (s: number, c: { investment: string }) => s + Math.round(Number(c.investment) * 10_000),
      0,
    );
    expect(Math.round(Number(p.investment) * 10_000)).toBe(cents);
    expect(p.history[0]).toMatchObject({ action: 'merge', username: 'haikou' });
    const detail = (await haikou.get(`/api/communities/${ids.haikou[1]}`)).json();
    expect(detail.projects).toEqual([
      expect.objectContaining({ id: p.id, name: '海口市老城片区联动改造' }),
    ]);
  });

  it('refuses a merge across cities (404 outside scope) and of fewer than two communities (400)', async () => {
    expect(
      (
        await haikou.send('POST', '/api/projects/merge', {
          communityIds: [ids.haikou[0], ids.sanya],
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await haikou.send('POST', '/api/projects/merge', { communityIds: [ids.haikou[0]] }))
        .statusCode,
    ).toBe(400);
    expect(
      (await statistics.send('POST', '/api/projects/merge', { communityIds: ids.haikou }))
        .statusCode,
    ).toBe(403);
  });

  it('moves a project between pools and records funding exactly, with optimistic locking', async () => {
    const project = (await haikou.get(`/api/communities/${ids.haikou[0]}`)).json().projects[0];
    const p = (await haikou.get(`/api/projects/${project.id}`)).json();
    const res = await haikou.send('PUT', `/api/projects/${p.id}`, {
      version: p.version,
      pool: 'reserve',
      funding: [
        { source: 'central', amount: '1000.1234' },
        { source: 'residents', amount: '12.5' },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      pool: 'reserve',
      poolLabel: '储备',
      funding: [
        { source: 'central', amount: '1000.1234' },
        { source: 'residents', amount: '12.5000' },
      ],
    });
    expect((await haikou.get('/api/communities?pool=reserve')).json().total).toBe(3);
    expect(
      (await haikou.send('PUT', `/api/projects/${p.id}`, { version: p.version, pool: 'implement' }))
        .statusCode,
    ).toBe(409);
    const bad = await haikou.send('PUT', `/api/projects/${p.id}`, {
      version: p.version + 1,
      funding: [{ source: 'central', amount: '1.23456' }],
    });
    expect(bad.statusCode).toBe(400);
    expect((await sanya.get(`/api/projects/${p.id}`)).statusCode).toBe(404);
    expect((await statistics.get(`/api/projects/${p.id}`)).statusCode).toBe(200);
  });

  it('refuses a merge across prefecture-level units even to the province (400, in Chinese)', async () => {
    const res = await province.send('POST', '/api/projects/merge', {
      communityIds: [ids.haikou[0], ids.sanya],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/不属于同一地级单位/);
  });

  it("lets only a unit over all of a project's communities read or change it (a joint project of two counties)", async () => {
    expect(units.haitang).toHaveLength(1);
    expect(units.jiyang).toHaveLength(3);
    const [a] = units.haitang;
    const [b, c, d] = units.jiyang;
    // The city bundles communities of two of its counties (联动改造): allowed, one prefecture.
    const merged = await sanya.send('POST', '/api/projects/merge', {
      communityIds: [a, b],
      name: '三亚市跨区联动项目',
    });
    expect(merged.statusCode).toBe(200);
    const p = merged.json();
    expect(p.communities.map((x: { regionCode: string }) => x.regionCode)).toEqual([
      '460202',
      '460203',
    ]);
    // Neither county sees the other's community through it, nor changes its pool or funding.
    for (const county of [haitang, jiyang]) {
      const read = await county.get(`/api/projects/${p.id}`);
      expect(read.statusCode).toBe(403);
      expect(read.json().error.message).toMatch(/辖区以外的小区/);
      expect(read.body).not.toMatch(/communities/);
      const put = await county.send('PUT', `/api/projects/${p.id}`, {
        version: p.version,
        name: '擅改项目',
        pool: 'reserve',
        funding: [{ source: 'central', amount: '1' }],
      });
      expect(put.statusCode).toBe(403);
    }
    // Nor does a county take its community out of it, or put one of its own into it, by merging.
    const out = await jiyang.send('POST', '/api/projects/merge', { communityIds: [c, b] });
    expect(out.statusCode).toBe(403);
    expect(out.json().error.message).toMatch(/辖区以外的小区/);
    const into = await jiyang.send('POST', '/api/projects/merge', { communityIds: [b, c] });
    expect(into.statusCode).toBe(403);
    const after = (await sanya.get(`/api/projects/${p.id}`)).json();
    expect(after).toMatchObject({
      name: '三亚市跨区联动项目',
      pool: 'implement',
      version: p.version,
    });
    expect(after.communities.map((x: { id: number }) => x.id)).toEqual([a, b]);
    // The county's own communities it still merges; the city reads and changes the joint project.
    expect(
      (await jiyang.send('POST', '/api/projects/merge', { communityIds: [c, d] })).statusCode,
    ).toBe(200);
    const put = await sanya.send('PUT', `/api/projects/${p.id}`, {
      version: p.version,
      pool: 'planning',
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().pool).toBe('planning');
  });

  it("keeps a county out of a project stored with another county's community, whatever its region path", async () => {
    // As a project merged before the rule was enforced may be stored: built in the database.
    const c = units.jiyang[1]!;
    const db = ctx.db.db;
    const own = await db
      .selectFrom('project_communities')
      .select('project_id')
      .where('community_id', '=', c)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('project_communities')
      .values({ project_id: own.project_id, community_id: units.haitang[0]! })
      .execute();
    await db
      .deleteFrom('project_communities')
      .where('community_id', '=', units.haitang[0]!)
      .where('project_id', '!=', own.project_id)
      .execute();
    expect((await jiyang.get(`/api/projects/${own.project_id}`)).statusCode).toBe(403);
    const version = (await sanya.get(`/api/projects/${own.project_id}`)).json().version;
    expect(
      (
        await jiyang.send('PUT', `/api/projects/${own.project_id}`, {
          version,
          pool: 'reserve',
        })
      ).statusCode,
    ).toBe(403);
    expect((await haitang.get(`/api/projects/${own.project_id}`)).statusCode).toBe(403);
    expect((await sanya.get(`/api/projects/${own.project_id}`)).statusCode).toBe(200);
  });
});
