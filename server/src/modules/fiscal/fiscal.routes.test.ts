import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs } from '../../test-support/fixtures.ts';
import { ASSESSMENT, fiscalWorld, GIF, multipart, PDF, Y } from './fiscal.fixture.ts';

const URL = `/api/fiscal-assessments/460100/${Y}`;

describeEachEngine('fiscal-capacity assessments: recording', (ctx) => {
  const w = fiscalWorld(ctx);

  it('walks 401/404/403/400/200 for a city recording its own assessment, and 409 on a stale version', async () => {
    const { u } = w;
    expect((await w.anonymous('PUT', URL, ASSESSMENT)).statusCode).toBe(401);
    // Outside their subtree: not found, so existence does not leak.
    for (const who of ['sanya', 'longhua', 'hubei'])
      expect((await u[who]!.send('PUT', URL, ASSESSMENT)).statusCode, who).toBe(404);
    // The province sees the city but records nothing for it.
    const byProvince = await u.hainan!.send('PUT', URL, ASSESSMENT);
    expect(byProvince.statusCode).toBe(403);
    expect(byProvince.json().error.message).toContain('海口市本级录入');
    // Bad input: named fields, in Chinese.
    const bad = await u.haikou!.send('PUT', URL, {
      ...ASSESSMENT,
      available: '1.23456',
      debtRatio: 'abc',
      debtIndicators: ' ',
      conclusion: 'exceeds',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['available', 'conclusionNote', 'debtIndicators', 'debtRatio']);
    expect((await u.haikou!.send('PUT', URL, { available: '1' })).statusCode).toBe(400);

    const saved = await u.haikou!.send('PUT', URL, ASSESSMENT);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      regionCode: '460100',
      name: '海口市',
      version: 1,
      available: '1500.0000',
      debtRatio: '85.5',
      debtBalance: '2500000.0000',
      conclusion: 'within',
      review: { status: 'pending' },
      canEdit: true,
      canReview: false,
    });
    // A second "first" assessment, and a change on a stale version: 409.
    expect((await u.haikou!.send('PUT', URL, ASSESSMENT)).statusCode).toBe(409);
    const v2 = await u.haikou!.send('PUT', URL, { ...ASSESSMENT, version: 1, available: '1600' });
    expect(v2.json()).toMatchObject({ version: 2, available: '1600.0000' });
    const stale = await u.haikou!.send('PUT', URL, { ...ASSESSMENT, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('已被他人修改');
    // A county records its own.
    expect(
      (await u.longhua!.send('PUT', `/api/fiscal-assessments/460106/${Y}`, ASSESSMENT)).statusCode,
    ).toBe(200);
  });

  it('stores the assessment file by its content, refuses other types and stale versions, and serves it within the subtree', async () => {
    const { u } = w;
    const file = `${URL}/file`;
    const pdf = (version: string) =>
      multipart({ version }, { name: '海口市财政承受能力评估报告.pdf', content: PDF });
    expect((await w.post(undefined, file, pdf('2'))).statusCode).toBe(401);
    expect((await w.post(u.sanya, file, pdf('2'))).statusCode).toBe(404);
    expect((await w.post(u.hainan, file, pdf('2'))).statusCode).toBe(403);
    const gif = await w.post(
      u.haikou,
      file,
      multipart({ version: '2' }, { name: 'a.gif', content: GIF }),
    );
    expect(gif.statusCode).toBe(400);
    expect(gif.json().error.message).toContain('财政承受能力评估文件只接受 PDF、JPEG 或 PNG 文件');
    expect((await w.post(u.haikou, file, multipart({ version: '2' }))).statusCode).toBe(400);
    expect((await w.post(u.haikou, file, pdf('1'))).statusCode).toBe(409);
    expect(w.stored()).toBe(0);
    const ok = await w.post(u.haikou, file, pdf('2'));
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      version: 3,
      file: { name: '海口市财政承受能力评估报告.pdf', contentType: 'application/pdf' },
    });
    // Replacing it keeps one file.
    expect((await w.post(u.haikou, file, pdf('3'))).json().version).toBe(4);
    expect(w.stored()).toBe(1);
    const got = await u.hainan!.get(file);
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect((await u.sanya!.get(file)).statusCode).toBe(404);
    expect((await u.longhua!.get(`/api/fiscal-assessments/460106/${Y}/file`)).statusCode).toBe(404);
  });

  it('lists each user’s subtree, with the units in the plan and whether they have assessed', async () => {
    const { u } = w;
    const list = async (who: string) =>
      (await u[who]!.get(`/api/fiscal-assessments?year=${Y}`)).json();
    expect((await list('haikou')).items.map((i: { regionCode: string }) => i.regionCode)).toEqual([
      '460100',
      '460106',
    ]);
    expect((await list('longhua')).items.map((i: { regionCode: string }) => i.regionCode)).toEqual([
      '460106',
    ]);
    expect((await list('sanya')).items).toEqual([]);
    const province = await list('hainan');
    expect(province.items.every((i: { canReview: boolean }) => i.canReview)).toBe(true);
    expect(province.units).toContainEqual(
      expect.objectContaining({ code: '460100', name: '海口市', assessed: true }),
    );
    expect(province.units).toContainEqual(
      expect.objectContaining({ code: '460200', name: '三亚市', assessed: false }),
    );
    expect((await w.anonymous('GET', `/api/fiscal-assessments?year=${Y}`)).statusCode).toBe(401);
    expect((await u.haikou!.get('/api/fiscal-assessments?year=abc')).statusCode).toBe(400);
  });

  it('refuses every assessment to the security and audit administrators (三员分立)', async () => {
    const { u } = w;
    await addUser(ctx.db.db, 'fiscal_security', '000000', ['security_admin']);
    await addUser(ctx.db.db, 'fiscal_auditor', '000000', ['audit_admin']);
    const reads = [URL, `${URL}/file`, `/api/fiscal-assessments?year=${Y}`];
    for (const name of ['fiscal_security', 'fiscal_auditor']) {
      const c = await loginAs(w.app, name);
      for (const url of reads) {
        const res = await c.get(url);
        expect(res.statusCode, `${name} ${url}`).toBe(403);
        expect(res.json().error.message).toBe(
          '没有查看财政承受能力评估的权限（三员分立：安全管理员、审计管理员不查看计划数据）',
        );
      }
      expect((await c.send('PUT', URL, { ...ASSESSMENT, version: 1 })).statusCode, name).toBe(403);
      const review = {
        decision: 'passed',
        reviewer: '王审核',
        reviewedOn: '2021-06-10',
        version: 1,
      };
      expect((await c.send('PUT', `${URL}/review`, review)).statusCode, name).toBe(403);
    }
    // The city, its county and their province still read it.
    for (const who of ['haikou', 'hainan', 'finance'])
      expect((await u[who]!.get(URL)).statusCode, who).toBe(200);
    expect((await u.haikou!.get(`${URL}/file`)).statusCode).toBe(200);
  });

  it('compares the plan’s local funding with each assessment, a county’s as well as a city’s', async () => {
    const { u } = w;
    const fundingCheck = async () =>
      (
        (await u.hainan!.get(`/api/plan-checks?region=460000&year=${Y}`)).json().checks as {
          id: string;
          passed: boolean;
          message: string;
        }[]
      ).find((c) => c.id === 'fiscal_capacity')!;
    expect((await fundingCheck()).passed).toBe(true);
    const community = (await u.longhua!.get('/api/communities?pageSize=1')).json().items[0];
    const project = (await u.longhua!.get(`/api/communities/${community.id}`)).json().projects[0];
    const p = (await u.longhua!.get(`/api/projects/${project.id}`)).json();
    expect(
      (
        await u.longhua!.send('PUT', `/api/projects/${p.id}`, {
          version: p.version,
          funding: [{ source: 'local', amount: '1000' }],
        })
      ).statusCode,
    ).toBe(200);
    // 龙华区 planned 1500万元 (its first assessment): within.
    expect((await fundingCheck()).passed).toBe(true);
    const mine = (await u.longhua!.get(`/api/fiscal-assessments/460106/${Y}`)).json();
    await u.longhua!.send('PUT', `/api/fiscal-assessments/460106/${Y}`, {
      ...ASSESSMENT,
      version: mine.version,
      available: '800',
    });
    expect(await fundingCheck()).toMatchObject({
      passed: false,
      message: expect.stringMatching(
        /龙华区：计划地方出资 1000\.00万元，超过评估可用资金 800\.00万元/,
      ),
    });
  });
});
