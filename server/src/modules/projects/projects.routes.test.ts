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
  let ids: { haikou: number[]; sanya: number };
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    await addUser(ctx.db.db, 'sanya', '460200', ['city']);
    await addUser(ctx.db.db, 'stats', '460000', ['statistics']);
    haikou = await loginAs(app, 'haikou');
    sanya = await loginAs(app, 'sanya');
    statistics = await loginAs(app, 'stats');
    const list = (await haikou.get('/api/communities?planYear=2022&pageSize=200')).json().items;
    ids = {
      haikou: list.slice(0, 3).map((c: { id: number }) => c.id),
      sanya: (await sanya.get('/api/communities?pageSize=1')).json().items[0].id,
    };
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
});
