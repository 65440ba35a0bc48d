/** Internal deadlines through the API: a province's for its cities, a city's for its counties. */
import { expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.ts';
import { daysLeft } from '../../domain/declaration.ts';
import { day, declarationWorld, view, Y } from './declarations.fixture.ts';

describeEachEngine('declaration deadlines', (ctx) => {
  const world = declarationWorld(ctx);
  const { u } = world;

  it('lets a province give a city, and the city its counties, an earlier internal deadline, no later than its own', async () => {
    const url = `/api/declarations/460105/${Y}/deadline`;
    const anonymous = await world.app.inject({ method: 'PUT', url, payload: { deadline: day(3) } });
    expect(anonymous.statusCode).toBe(401);
    expect((await u.xiuying!.send('PUT', url, { deadline: day(3) })).statusCode).toBe(403);
    expect((await u.admin!.send('PUT', url, { deadline: day(3) })).statusCode).toBe(403);
    expect((await u.sanya!.send('PUT', url, { deadline: day(3) })).statusCode).toBe(404);
    const notADate = await u.city!.send('PUT', url, { deadline: '2021-13-40' });
    expect(notADate.statusCode).toBe(400);
    expect(notADate.json().error.message).toBe('截止日期格式应为 YYYY-MM-DD');
    expect((await u.city!.send('PUT', url, {})).statusCode).toBe(400);
    const province = await u.ministry!.send('PUT', `/api/declarations/460000/${Y}/deadline`, {
      deadline: day(3),
    });
    expect(province.statusCode).toBe(400);
    expect(province.json().error.message).toMatch(/省级单位的截止日期为年度政策规定的报送截止日期/);
    const afterPolicy = await u.province!.send('PUT', `/api/declarations/460100/${Y}/deadline`, {
      deadline: '2099-07-01',
    });
    expect(afterPolicy.json().error.message).toBe(
      '内部截止日期 2099-07-01 晚于海南省自身的截止日期 2099-06-30',
    );

    expect(
      (
        await u.province!.send('PUT', `/api/declarations/460100/${Y}/deadline`, {
          deadline: day(10),
        })
      ).statusCode,
    ).toBe(204);
    const late = await u.city!.send('PUT', url, { deadline: day(11) });
    expect(late.statusCode).toBe(400);
    expect(late.json().error).toMatchObject({
      message: `内部截止日期 ${day(11)} 晚于海口市自身的截止日期 ${day(10)}`,
      details: [{ path: 'deadline', message: `不能晚于 ${day(10)}` }],
    });
    expect((await u.city!.send('PUT', url, { deadline: day(3) })).statusCode).toBe(204);

    // The county's countdown, the city's list of its counties, and the reminder use it.
    const county = await view(u.xiuying!, '460105');
    expect(county).toMatchObject({
      deadline: day(3),
      internalDeadline: day(3),
      policyDeadline: '2099-06-30',
      parentDeadline: day(10),
      daysLeft: daysLeft(day(3), new Date()),
    });
    expect(county.events[0]).toMatchObject({
      action: 'deadline',
      username: 'city',
      reason: `内部截止日期设为 ${day(3)}`,
    });
    const city = await view(u.city!, '460100');
    expect(city).toMatchObject({ deadline: day(10), internalDeadline: day(10) });
    const child = (code: string) => city.children.find((c: { code: string }) => c.code === code);
    expect(child('460105')).toMatchObject({ deadline: day(3), internalDeadline: day(3) });
    // 龙华区 has no internal deadline of its own: the city's holds for it.
    expect(child('460106')).toMatchObject({ deadline: day(10), internalDeadline: null });
    const notes = (await u.xiuying!.get(`/api/notifications?year=${Y}`)).json().items;
    expect(notes[0]).toMatchObject({
      kind: 'due',
      message: `${Y}年度计划距截止日期（${day(3)}）还有 ${daysLeft(day(3), new Date())} 天`,
    });
    expect(notes[1]).toMatchObject({
      kind: 'deadline',
      message: `海口市：${Y}年度计划须于${day(3)}前上报`,
    });
    // 龙华区 has the city's deadline, ten days ahead: no reminder.
    expect(
      (await u.county!.get(`/api/notifications?year=${Y}`))
        .json()
        .items.map((n: { kind: string }) => n.kind),
    ).not.toContain('due');

    // Cleared, the county's deadline is the city's again; every change is in the audit log.
    expect((await u.city!.send('PUT', url, { deadline: null })).statusCode).toBe(204);
    expect(await view(u.xiuying!, '460105')).toMatchObject({
      deadline: day(10),
      internalDeadline: null,
    });
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .select(['actor_username', 'target', 'detail', 'at'])
      .where('action', '=', 'declaration.deadline')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => [a.actor_username, a.target, JSON.parse(a.detail!)])).toEqual([
      [
        'province',
        `460100/${Y}`,
        {
          deadline: day(10),
          previous: null,
          effective: day(10),
          below: ['460105', '460106', '460107', '460108'],
        },
      ],
      ['city', `460105/${Y}`, { deadline: day(3), previous: null, effective: day(3), below: [] }],
      ['city', `460105/${Y}`, { deadline: null, previous: day(3), effective: day(10), below: [] }],
    ]);
    for (const a of audit) expect(Date.parse(a.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(
      (await u.province!.send('PUT', `/api/declarations/460100/${Y}/deadline`, { deadline: null }))
        .statusCode,
    ).toBe(204);
  });
});
