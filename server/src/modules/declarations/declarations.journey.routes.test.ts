/** The declaration journey through the API: county → city → province → ministry. */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { declareAccepted } from '../../test-support/declarations.ts';
import { declarationWorld, justifyAll, view, Y } from './declarations.fixture.ts';
import { frozenRows } from '../../domain/plan-table.ts';

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
  const world = declarationWorld(ctx);
  const { u } = world;

  it('walks county → city (return with a pinned reason) → county resubmits and sees the diff', async () => {
    const v = await view(u.county!, '460106');
    expect(v).toMatchObject({
      unit: { code: '460106', level: 'county' },
      state: 'draft',
      side: 'self',
      can: { submit: true, return: false, accept: false, revise: false, edit: true },
      version: 0,
    });
    await justifyAll(u.county!, '460106');
    expect((await u.county!.send('POST', `/api/declarations/460106/${Y}/submit`)).json()).toEqual({
      state: 'submitted',
    });
    expect((await u.county!.send('POST', `/api/declarations/460106/${Y}/accept`)).statusCode).toBe(
      403,
    );
    expect((await view(u.city!, '460106')).can).toMatchObject({ return: true, accept: true });
    expect((await view(u.county!, '460106')).can).toMatchObject({ submit: false, edit: false });
    expect((await u.sanya!.get(`/api/declarations/460106/${Y}`)).statusCode).toBe(404);

    const community = (await u.county!.get('/api/communities?pageSize=1')).json().items[0];
    const returned = await u.city!.send('POST', `/api/declarations/460106/${Y}/return`, {
      reason: '个别小区户数与摸底不符',
      notes: [{ communityId: community.id, reason: '户数请核实' }],
    });
    expect(returned.json()).toEqual({ state: 'returned' });
    // Before it was returned, the city could do just that (or accept); now it is the county's turn.
    expect((await view(u.city!, '460106')).can).toMatchObject({ return: false, accept: false });
    expect((await view(u.county!, '460106')).can).toMatchObject({ submit: true, edit: true });
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

  it('refuses the city’s submission while a county with plan communities is not accepted, naming it', async () => {
    await justifyAll(u.city!, '460100');
    const city = await view(u.city!, '460100');
    expect(city.unacceptedChildren).toEqual([
      { code: '460105', name: '秀英区', state: 'draft', stateLabel: '编制中' },
      { code: '460107', name: '琼山区', state: 'draft', stateLabel: '编制中' },
      { code: '460108', name: '美兰区', state: 'draft', stateLabel: '编制中' },
    ]);
    expect(
      city.children.map((c: { code: string; communities: number }) => [c.code, c.communities]),
    ).toEqual([
      ['460105', 1],
      ['460106', 1],
      ['460107', 2],
      ['460108', 3],
    ]);
    const refused = await u.city!.send('POST', `/api/declarations/460100/${Y}/submit`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.subCode).toBe('CHILDREN_PENDING');
    expect(refused.json().error.message).toBe(
      '下级单位的年度计划尚未全部接收，不能上报：秀英区（编制中）、琼山区（编制中）、美兰区（编制中）',
    );
    expect(refused.json().error.details[0]).toEqual({
      path: 'children.460105',
      message: '秀英区：1 个小区列入计划，申报状态为“编制中”，尚未接收',
    });
    expect((await view(u.city!, '460100')).state).toBe('draft');

    // Submitted but not yet accepted is still not enough.
    await justifyAll(u.xiuying!, '460105');
    expect((await u.xiuying!.send('POST', `/api/declarations/460105/${Y}/submit`)).statusCode).toBe(
      200,
    );
    const stillRefused = await u.city!.send('POST', `/api/declarations/460100/${Y}/submit`);
    expect(stillRefused.json().error.message).toMatch(/秀英区（已上报）、琼山区（编制中）/);

    expect(await declareAccepted(ctx.db.db, '460105', Y)).toEqual(['460105']);
    expect(await declareAccepted(ctx.db.db, '460107', Y)).toEqual(['460107']);
    expect(
      (await u.city!.send('POST', `/api/declarations/460100/${Y}/submit`)).json().error.message,
    ).toBe('下级单位的年度计划尚未全部接收，不能上报：美兰区（编制中）');
    expect(await declareAccepted(ctx.db.db, '460108', Y)).toEqual(['460108']);
    expect((await view(u.city!, '460100')).unacceptedChildren).toEqual([]);
    expect((await u.city!.send('POST', `/api/declarations/460100/${Y}/submit`)).statusCode).toBe(
      200,
    );
  });

  it('the province accepts the city; waits for its other cities; records the approval, collects the sign-offs on one hash, and submits on time', async () => {
    expect(
      (await u.province!.send('POST', `/api/declarations/460100/${Y}/accept`)).statusCode,
    ).toBe(200);

    await justifyAll(u.province!, '460000');
    const waiting = await u.province!.send('POST', `/api/declarations/460000/${Y}/submit`);
    expect(waiting.statusCode).toBe(400);
    expect(waiting.json().error.message).toMatch(
      /^下级单位的年度计划尚未全部接收，不能上报：三亚市（编制中）、儋州市（编制中）、五指山市（编制中）/,
    );
    expect(waiting.json().error.message).not.toMatch(/海口市|三沙市/);
    const cities = (await view(u.province!, '460000')).unacceptedChildren.map(
      (c: { code: string }) => c.code,
    );
    expect(cities).toContain('469030');
    for (const code of cities) await declareAccepted(ctx.db.db, code, Y);
    expect((await view(u.province!, '460000')).unacceptedChildren).toEqual([]);
    const noApproval = await u.province!.send('POST', `/api/declarations/460000/${Y}/submit`);
    expect(noApproval.statusCode).toBe(400);
    expect(noApproval.json().error.message).toMatch(/省级人民政府/);
    // The contact of the form is part of what is frozen and signed: entered before freezing.
    expect(
      (
        await u.province!.send('PUT', `/api/declarations/460000/${Y}/contact`, {
          name: '张三',
          phone: '0898-65312345',
        })
      ).statusCode,
    ).toBe(204);
    const form = multipart(
      { approvedOn: '2021-06-20', documentNo: '琼府函〔2021〕88号' },
      { name: '批复.pdf', content: '%PDF-1.4 test' },
    );
    const approve = () =>
      world.app.inject({
        method: 'POST',
        url: `/api/declarations/460000/${Y}/approval`,
        headers: {
          cookie: u.province!.cookie,
          'x-csrf-token': u.province!.csrf,
          'content-type': form.contentType,
        },
        payload: form.payload,
      });
    // The approval names the version it approves: there must be one.
    const early = await approve();
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toMatch(/^请先生成会签版本/);

    const { id, hash } = (
      await u.province!.send('POST', `/api/declarations/460000/${Y}/freeze`)
    ).json();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // What the departments read before signing is that version, as frozen, with its hash.
    const candidate = (await u.ndrc!.get(`/api/declarations/460000/${Y}/candidate`)).json();
    expect(candidate).toMatchObject({ hash, integrity: 'ok', cutoffYear: 2000 });
    expect(candidate.content.table).toEqual(
      frozenRows(
        (await u.ndrc!.get(`/api/plan-table?province=46&year=${Y}`)).json().blocks[0].rows,
      ),
    );
    expect((await u.county!.get(`/api/declarations/460106/${Y}/candidate`)).statusCode).toBe(404);
    expect((await approve()).statusCode).toBe(204);
    const wrongHash = await u.ndrc!.send('POST', `/api/signoffs/${id}`, { hash: '0'.repeat(64) });
    expect(wrongHash.statusCode).toBe(409);
    expect(wrongHash.json().error.subCode).toBe('HASH_MISMATCH');
    expect((await u.city!.send('POST', `/api/signoffs/${id}`, { hash })).statusCode).toBe(404);
    const missing = await u.province!.send('POST', `/api/declarations/460000/${Y}/submit`);
    expect(missing.json().error.message).toMatch(/尚缺会签/);
    // A version the plan has moved on from is not signed: it could not be submitted.
    const contact = (phone: string) =>
      u.province!.send('PUT', `/api/declarations/460000/${Y}/contact`, { name: '张三', phone });
    expect((await contact('0898-65300000')).statusCode).toBe(204);
    const stale = await u.ndrc!.send('POST', `/api/signoffs/${id}`, { hash });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ subCode: 'SUPERSEDED' });
    expect(stale.json().error.message).toMatch(/^生成会签版本后计划已有变动/);
    // Back as it was frozen, the version is current again.
    expect((await contact('0898-65312345')).statusCode).toBe(204);
    for (const who of ['province', 'ndrc', 'finance'])
      expect((await u[who]!.send('POST', `/api/signoffs/${id}`, { hash })).statusCode).toBe(200);
    const p = await view(u.province!, '460000');
    expect(p.province.signoffs.every((s: { hash: string }) => s.hash === hash)).toBe(true);
    expect(p.province.approval).toMatchObject({
      documentNo: '琼府函〔2021〕88号',
      covers: { version: 1, hash },
      current: true,
    });
    expect(p.province.approvalNotice).toBeNull();
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
