/** The declaration journey through the API: county → city → province → ministry. */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';
import { importProjectList } from '../ledger/import/import.service.ts';
import { SYSTEM_ACTOR } from '../users/users.service.ts';

const SAMPLE = join(
  import.meta.dirname,
  '../../../../../shared/samples/hainan-2022-project-list.csv',
);
const Y = 2022;

function multipart(fields: Record<string, string>, file: { name: string; content: string }) {
  const b = '----gz' + Math.random().toString(16).slice(2);
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${b}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  parts.push(
    `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n${file.content}\r\n--${b}--\r\n`,
  );
  return {
    payload: Buffer.from(parts.join('')),
    contentType: `multipart/form-data; boundary=${b}`,
  };
}

describeEachEngine('declaration journey', (ctx) => {
  let app: App;
  const u: Record<string, Client> = {};
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    await importProjectList(ctx.db.db, SYSTEM_ACTOR, SAMPLE, { dryRun: false });
    const accounts: [string, string, Parameters<typeof addUser>[3]][] = [
      ['county', '460106', ['county']],
      ['city', '460100', ['city']],
      ['sanya', '460200', ['city']],
      ['province', '460000', ['province']],
      ['ndrc', '460000', ['province_ndrc']],
      ['finance', '460000', ['province_finance']],
      ['ministry', '000000', ['ministry']],
      ['admin', '000000', ['admin']],
    ];
    for (const [name, region, roles] of accounts) {
      await addUser(ctx.db.db, name, region, roles);
      u[name] = await loginAs(app, name);
    }
    // Give the 2022 plan a deadline still ahead, so "on time" can be tested.
    await u.admin!.send('PUT', '/api/plan-policies/2022', {
      version: 1,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffSharePercent: 15,
      deadline: '2099-06-30',
      recipients: '住房和城乡建设部、国家发展改革委、财政部',
      source: '测试',
    });
  });
  afterAll(() => app.close());

  const view = async (c: Client, unit: string) =>
    (await c.get(`/api/declarations/${unit}/${Y}`)).json();
  async function justifyAll(c: Client, unit: string) {
    for (const check of (await view(c, unit)).checks)
      if (!check.passed && check.severity === 'warning')
        expect(
          (
            await c.send('PUT', `/api/declarations/${unit}/${Y}/justifications/${check.id}`, {
              text: '本地区2000年后小区比例较高，全省统筹后不超过上限',
            })
          ).statusCode,
        ).toBe(204);
  }

  it('walks county → city (return with a pinned reason) → county resubmits and sees the diff', async () => {
    const v = await view(u.county!, '460106');
    expect(v).toMatchObject({
      unit: { code: '460106', level: 'county' },
      state: 'draft',
      side: 'self',
      version: 0,
    });
    await justifyAll(u.county!, '460106');
    expect((await u.county!.send('POST', `/api/declarations/460106/${Y}/submit`)).json()).toEqual({
      state: 'submitted',
    });
    expect((await u.county!.send('POST', `/api/declarations/460106/${Y}/accept`)).statusCode).toBe(
      403,
    );
    expect((await u.sanya!.get(`/api/declarations/460106/${Y}`)).statusCode).toBe(404);

    const community = (await u.county!.get('/api/communities?pageSize=1')).json().items[0];
    const returned = await u.city!.send('POST', `/api/declarations/460106/${Y}/return`, {
      reason: '个别小区户数与摸底不符',
      notes: [{ communityId: community.id, reason: '户数请核实' }],
    });
    expect(returned.json()).toEqual({ state: 'returned' });
    const afterReturn = await view(u.county!, '460106');
    expect(afterReturn.returnNotes).toEqual([
      expect.objectContaining({
        communityId: community.id,
        reason: '户数请核实',
        name: community.name,
      }),
    ]);
    expect((await u.county!.get(`/api/notifications?year=${Y}`)).json().items[0].message).toMatch(
      /被退回：个别小区户数与摸底不符/,
    );

    const d = (await u.county!.get(`/api/communities/${community.id}`)).json();
    await u.county!.send('PUT', `/api/communities/${d.id}`, {
      version: d.version,
      regionCode: d.regionCode,
      name: d.name,
      buildYear: d.buildYear,
      buildings: d.buildings,
      households: d.households + 2,
      floorArea: d.floorArea,
      investment: d.investment,
      planYear: d.planYear,
    });
    await justifyAll(u.county!, '460106');
    expect((await u.county!.send('POST', `/api/declarations/460106/${Y}/submit`)).json()).toEqual({
      state: 'submitted',
    });
    const resubmitted = await view(u.county!, '460106');
    expect(resubmitted).toMatchObject({ version: 2, returnNotes: [] });
    const diff = (await u.city!.get(`/api/declarations/460106/${Y}/diff`)).json();
    expect(diff).toMatchObject({ from: 1, to: 2, added: [], removed: [] });
    expect(diff.changed).toEqual([
      {
        id: community.id,
        name: community.name,
        fields: [{ field: 'households', old: d.households, new: d.households + 2 }],
      },
    ]);
    expect((await u.city!.send('POST', `/api/declarations/460106/${Y}/accept`)).json()).toEqual({
      state: 'accepted',
    });
    expect(
      (await view(u.city!, '460100')).children.find((c: { code: string }) => c.code === '460106')
        .state,
    ).toBe('accepted');
  });

  it('city submits; the province justifies, records the approval, collects the sign-offs on one hash, and submits on time', async () => {
    await justifyAll(u.city!, '460100');
    expect((await u.city!.send('POST', `/api/declarations/460100/${Y}/submit`)).statusCode).toBe(
      200,
    );
    expect(
      (await u.province!.send('POST', `/api/declarations/460100/${Y}/accept`)).statusCode,
    ).toBe(200);

    await justifyAll(u.province!, '460000');
    const noApproval = await u.province!.send('POST', `/api/declarations/460000/${Y}/submit`);
    expect(noApproval.statusCode).toBe(400);
    expect(noApproval.json().error.message).toMatch(/省级人民政府/);
    const form = multipart(
      { approvedOn: '2021-06-20', documentNo: '琼府函〔2021〕88号' },
      { name: '批复.pdf', content: '%PDF-1.4 test' },
    );
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/declarations/460000/${Y}/approval`,
          headers: {
            cookie: u.province!.cookie,
            'x-csrf-token': u.province!.csrf,
            'content-type': form.contentType,
          },
          payload: form.payload,
        })
      ).statusCode,
    ).toBe(204);

    const { id, hash } = (
      await u.province!.send('POST', `/api/declarations/460000/${Y}/freeze`)
    ).json();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(
      (await u.ndrc!.send('POST', `/api/signoffs/${id}`, { hash: '0'.repeat(64) })).statusCode,
    ).toBe(409);
    expect((await u.city!.send('POST', `/api/signoffs/${id}`, { hash })).statusCode).toBe(404);
    const missing = await u.province!.send('POST', `/api/declarations/460000/${Y}/submit`);
    expect(missing.json().error.message).toMatch(/尚缺会签/);
    for (const who of ['province', 'ndrc', 'finance'])
      expect((await u[who]!.send('POST', `/api/signoffs/${id}`, { hash })).statusCode).toBe(200);
    const p = await view(u.province!, '460000');
    expect(p.province.signoffs.every((s: { hash: string }) => s.hash === hash)).toBe(true);
    expect(p.province.approval).toMatchObject({ documentNo: '琼府函〔2021〕88号' });
    expect((await u.province!.send('POST', `/api/declarations/460000/${Y}/submit`)).json()).toEqual(
      { state: 'submitted' },
    );

    const overview = (await u.ministry!.get(`/api/declarations-overview?year=${Y}`)).json().items;
    expect(overview.find((o: { code: string }) => o.code === '460000')).toMatchObject({
      progress: 'submitted_on_time',
      progressLabel: '按时上报',
    });
    expect(overview.find((o: { code: string }) => o.code === '420000')).toMatchObject({
      progress: 'not_started',
    });
    expect((await u.province!.get(`/api/declarations-overview?year=${Y}`)).statusCode).toBe(403);
  });

  it('keeps the submitted version frozen when the ledger changes afterwards', async () => {
    const before = (await u.ministry!.get(`/api/declarations/460000/${Y}/versions/1`)).json();
    const c = (
      await u.province!.get('/api/communities?pageSize=1&sort=households&order=desc')
    ).json().items[0];
    await u.province!.send('PUT', `/api/communities/${c.id}`, {
      version: c.version,
      regionCode: c.regionCode,
      name: c.name,
      buildYear: c.buildYear,
      buildings: c.buildings,
      households: c.households + 100,
      floorArea: c.floorArea,
      investment: c.investment,
      planYear: c.planYear,
    });
    const after = (await u.ministry!.get(`/api/declarations/460000/${Y}/versions/1`)).json();
    expect(after).toEqual(before);
    expect((await view(u.province!, '460000')).submitted.unchanged).toBe(false);
    const csv = (await u.ministry!.get(`/api/plan-table?province=46&year=${Y}&format=csv`)).body;
    expect(csv).not.toContain(before.content.table.at(-3).values.slice(3, 6).join(','));
  });

  it('lets the ministry return the province, which then sees it returned', async () => {
    expect(
      (
        await u.ministry!.send('POST', `/api/declarations/460000/${Y}/return`, {
          reason: '请核实2000年后小区占比',
          notes: [],
        })
      ).json(),
    ).toEqual({ state: 'returned' });
    expect((await view(u.province!, '460000')).stateLabel).toBe('已退回');
    const overview = (await u.ministry!.get(`/api/declarations-overview?year=${Y}`)).json().items;
    expect(overview.find((o: { code: string }) => o.code === '460000').progress).toBe('returned');
  });
});
