import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';
import { HAINAN_PROJECT_LIST } from '../../test-support/samples.ts';

const SAMPLE = HAINAN_PROJECT_LIST;

describeEachEngine('plan API', (ctx) => {
  let app: App;
  let province: Client;
  let city: Client;
  let otherProvince: Client;
  let admin: Client;
  let ministry: Client;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    await addUser(ctx.db.db, 'hainan', '460000', ['province']);
    await addUser(ctx.db.db, 'haikou', '460100', ['city']);
    await addUser(ctx.db.db, 'hubei', '420000', ['province']);
    await addUser(ctx.db.db, 'root', '000000', ['admin']);
    await addUser(ctx.db.db, 'mohurd', '000000', ['ministry']);
    province = await loginAs(app, 'hainan');
    city = await loginAs(app, 'haikou');
    otherProvince = await loginAs(app, 'hubei');
    admin = await loginAs(app, 'root');
    ministry = await loginAs(app, 'mohurd');
  });
  afterAll(() => app.close());

  it('serves the province’s table as json with its checks, and csv', async () => {
    const json = await province.get('/api/plan-table?province=460000&year=2022');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      title: '2022年城镇老旧小区改造计划表',
      scope: { code: '460000', name: '海南省' },
    });
    expect(json.json().checks).toHaveLength(8);
    const total = json.json().blocks[0].rows.at(-3);
    expect(total).toEqual({
      unit: '全省(区、市)',
      label: '全省(区、市)合计:',
      kind: 'total',
      values: [
        50,
        2,
        52,
        8187,
        639,
        8826,
        348,
        19,
        367,
        '54.88',
        '4.05',
        '58.93',
        '21796.07',
        '2289.31',
        '24085.39',
      ],
    });
    const csv = await province.get('/api/plan-table?province=46&year=2022&format=csv');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain('全省(区、市),全省(区、市)合计:,50,2,52');
  });

  it('answers 404 for another province or a city asking for its province, 400 for bad input', async () => {
    expect((await otherProvince.get('/api/plan-table?province=460000&year=2022')).statusCode).toBe(
      404,
    );
    expect((await city.get('/api/plan-table?province=460000&year=2022')).statusCode).toBe(404);
    expect((await province.get('/api/plan-table?province=all&year=2022')).statusCode).toBe(404);
    expect((await province.get('/api/plan-table?province=4600&year=2022')).statusCode).toBe(400);
    expect((await province.get('/api/plan-table?province=460000&year=22')).statusCode).toBe(400);
    // A parameter left out is named as missing, not as a number the schema did not receive.
    for (const query of ['province=460000', 'province=460000&year=', 'year=2022']) {
      const missing = await province.get(`/api/plan-table?${query}`);
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.message).toMatch(/^(year|province)：必填$/);
    }
    const wrong = (await province.get('/api/plan-table?province=460000&year=abc')).json();
    expect(wrong.error.message).toMatch(/^year：/);
    expect(wrong.error.message).not.toContain('必填');
    expect((await city.get('/api/plan-checks?region=460100&year=2022')).statusCode).toBe(200);
    expect((await city.get('/api/plan-checks?region=460200&year=2022')).statusCode).toBe(404);
  });

  it('refuses the plan table and its checks to the security and audit administrators (三员分立)', async () => {
    await addUser(ctx.db.db, 'plan_security', '000000', ['security_admin']);
    await addUser(ctx.db.db, 'plan_auditor', '000000', ['audit_admin']);
    const reads: [Client, string][] = [
      [province, '/api/plan-table?province=46&year=2022'],
      [province, '/api/plan-table?province=46&year=2022&format=csv'],
      [ministry, '/api/plan-table?province=all&year=2022'],
      [ministry, '/api/plan-table?province=all&year=2022&basis=live'],
      [province, '/api/plan-checks?region=460000&year=2022'],
      [city, '/api/plan-checks?region=460100&year=2022'],
    ];
    for (const name of ['plan_security', 'plan_auditor']) {
      const c = await loginAs(app, name);
      for (const [, url] of reads) {
        const res = await c.get(url);
        expect(res.statusCode, `${name} ${url}`).toBe(403);
        expect(res.json().error.message, url).toMatch(/三员分立/);
      }
    }
    for (const [c, url] of reads) expect((await c.get(url)).statusCode, url).toBe(200);
  });

  it('gives the ministry the national table', async () => {
    const res = await ministry.get('/api/plan-table?province=all&year=2022');
    expect(res.statusCode).toBe(200);
    expect(res.json().national[0].label).toBe('全国合计:');
  });

  it('lets the country administrator add a year (copying the previous) and edit it; others get 403', async () => {
    const list = (await province.get('/api/plan-policies')).json().items;
    expect(list[0]).toMatchObject({
      planYear: 2022,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffShare: 0.15,
      consentThreshold: 0.6667,
      deadline: '2021-06-30',
    });
    expect((await province.send('POST', '/api/plan-policies', { planYear: 2023 })).statusCode).toBe(
      403,
    );
    const added = await admin.send('POST', '/api/plan-policies', { planYear: 2023 });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      planYear: 2023,
      cutoffYear: 2000,
      maxPostCutoffShare: 0.15,
      deadline: '2022-06-30',
      ownYear: true,
    });
    expect((await admin.send('POST', '/api/plan-policies', { planYear: 2023 })).statusCode).toBe(
      409,
    );
    const edited = await admin.send('PUT', '/api/plan-policies/2023', {
      version: 1,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffSharePercent: 20,
      deadline: '2022-06-30',
      recipients: '住房和城乡建设部',
      source: '测试',
    });
    expect(edited.json().maxPostCutoffShare).toBe(0.2);
    // Left out, the consent threshold stays; given, it is the year's (local rules vary).
    expect(edited.json().consentThreshold).toBe(0.6667);
    const consent = await admin.send('PUT', '/api/plan-policies/2023', {
      version: 2,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffSharePercent: 20,
      consentThresholdPercent: 80,
      deadline: '2022-06-30',
      recipients: '住房和城乡建设部',
      source: '测试',
    });
    expect(consent.json().consentThreshold).toBe(0.8);
    const noConsent = await admin.send('PUT', '/api/plan-policies/2023', {
      version: 3,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffSharePercent: 20,
      consentThresholdPercent: 0,
      deadline: '2022-06-30',
      recipients: 'x',
      source: '',
    });
    expect(noConsent.statusCode).toBe(400);
    expect(noConsent.body).toContain('居民同意比例应大于 0');
    const stale = await admin.send('PUT', '/api/plan-policies/2023', {
      version: 1,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffSharePercent: 10,
      deadline: '2022-06-30',
      recipients: 'x',
      source: '',
    });
    expect(stale.statusCode).toBe(409);
    const bad = await admin.send('PUT', '/api/plan-policies/2023', {
      version: 3,
      cutoffYear: 2000,
      latestBuildYear: 1999,
      maxPostCutoffSharePercent: 10,
      deadline: '2022-06-30',
      recipients: 'x',
      source: '',
    });
    expect(bad.statusCode).toBe(400);
  });
});
