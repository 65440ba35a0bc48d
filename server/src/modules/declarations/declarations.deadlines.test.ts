/**
 * A unit's deadline is never later than its reviewer's: when a deadline above moves earlier, the
 * units below follow it, the API says where their own internal deadline is capped, and the units
 * whose deadline moved are told. Through the API, on every engine.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import { daysLeft } from '../../domain/declaration.ts';
import type { App } from '../../http.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';

const Y = 2022;
/** Today + n days, as a date in Beijing (YYYY-MM-DD). */
const day = (n: number) =>
  new Date(Date.now() + 8 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

describeEachEngine('declaration deadlines along the chain of units', (ctx) => {
  let app: App;
  const u: Record<string, Client> = {};
  let policyVersion = 1;
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    const accounts: [string, string, Parameters<typeof addUser>[3]][] = [
      ['xiuying', '460105', ['county']],
      ['longhua', '460106', ['county']],
      ['haitang', '460202', ['county']],
      ['city', '460100', ['city']],
      ['province', '460000', ['province']],
      ['ministry', '000000', ['ministry']],
      ['admin', '000000', ['admin']],
    ];
    for (const [name, region, roles] of accounts) {
      await addUser(ctx.db.db, name, region, roles);
      u[name] = await loginAs(app, name);
    }
    await setPolicyDeadline('2099-06-30');
  });
  afterAll(() => app.close());

  async function setPolicyDeadline(deadline: string) {
    const res = await u.admin!.send('PUT', `/api/plan-policies/${Y}`, {
      version: policyVersion,
      cutoffYear: 2000,
      latestBuildYear: 2005,
      maxPostCutoffSharePercent: 15,
      deadline,
      recipients: '住房和城乡建设部、国家发展改革委、财政部',
      source: '测试',
    });
    expect(res.statusCode).toBe(200);
    policyVersion = res.json().version;
  }
  const setDeadline = async (c: Client, unit: string, deadline: string | null) =>
    (await c.send('PUT', `/api/declarations/${unit}/${Y}/deadline`, { deadline })).statusCode;
  const view = async (c: Client, unit: string) =>
    (await c.get(`/api/declarations/${unit}/${Y}`)).json();
  const notices = async (c: Client) =>
    (await c.get(`/api/notifications?year=${Y}`)).json().items as {
      kind: string;
      message: string;
      link: string;
    }[];
  const child = (d: { children: { code: string }[] }, code: string) =>
    d.children.find((c) => c.code === code);

  it('holds a county to its city’s deadline once the province moves the city earlier, says so, tells the county, and restores the county’s own date when the city’s moves back', async () => {
    expect(await setDeadline(u.province!, '460100', '2099-06-20')).toBe(204);
    expect(await setDeadline(u.city!, '460105', '2099-06-10')).toBe(204);
    expect(await view(u.xiuying!, '460105')).toMatchObject({
      deadline: '2099-06-10',
      internalDeadline: '2099-06-10',
      deadlineCapped: false,
      deadlineNote: null,
    });

    expect(await setDeadline(u.province!, '460100', '2099-06-01')).toBe(204);
    const capped =
      '受上级截止日期限制：按海口市的截止日期 2099-06-01（内部截止日期 2099-06-10 晚于此日期）';
    expect(await view(u.xiuying!, '460105')).toMatchObject({
      deadline: '2099-06-01',
      daysLeft: daysLeft('2099-06-01', new Date()),
      internalDeadline: '2099-06-10',
      parentDeadline: '2099-06-01',
      policyDeadline: '2099-06-30',
      deadlineCapped: true,
      deadlineNote: capped,
    });
    const city = await view(u.city!, '460100');
    expect(city).toMatchObject({ deadline: '2099-06-01', deadlineCapped: false });
    expect(child(city, '460105')).toMatchObject({
      deadline: '2099-06-01',
      internalDeadline: '2099-06-10',
      deadlineCapped: true,
      deadlineNote: capped,
    });
    // 龙华区 has no internal deadline of its own: the city's is its deadline, not capped.
    expect(child(city, '460106')).toMatchObject({
      deadline: '2099-06-01',
      internalDeadline: null,
      deadlineCapped: false,
      deadlineNote: null,
    });
    expect(child(await view(u.province!, '460000'), '460100')).toMatchObject({
      deadline: '2099-06-01',
      deadlineCapped: false,
    });

    // Each unit whose deadline moved is told, with the date it had; 三亚's counties are not.
    expect((await notices(u.xiuying!))[0]).toMatchObject({
      kind: 'deadline',
      message: `海口市的截止日期已调整：${Y}年度计划须于2099-06-01前上报（原为 2099-06-10）`,
      link: `/declarations/460105/${Y}`,
    });
    expect((await notices(u.longhua!))[0]).toMatchObject({
      kind: 'deadline',
      message: `海口市的截止日期已调整：${Y}年度计划须于2099-06-01前上报（原为 2099-06-20）`,
    });
    expect((await notices(u.city!))[0]!.message).toBe(`海南省：${Y}年度计划须于2099-06-01前上报`);
    expect((await notices(u.haitang!)).filter((n) => n.message.includes('2099-06-01'))).toEqual([]);
    const audit = await ctx.db.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'declaration.deadline')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toEqual({
      deadline: '2099-06-01',
      previous: '2099-06-20',
      effective: '2099-06-01',
      below: ['460105', '460106', '460107', '460108'],
    });

    // The city may not give the county a date later than its own, capped or not.
    expect(await setDeadline(u.city!, '460105', '2099-06-05')).toBe(400);

    // Back to later: the county's own internal deadline holds again, and it is told.
    expect(await setDeadline(u.province!, '460100', '2099-06-20')).toBe(204);
    expect(await view(u.xiuying!, '460105')).toMatchObject({
      deadline: '2099-06-10',
      internalDeadline: '2099-06-10',
      parentDeadline: '2099-06-20',
      deadlineCapped: false,
      deadlineNote: null,
    });
    expect((await notices(u.xiuying!))[0]!.message).toBe(
      `海口市的截止日期已调整：${Y}年度计划须于2099-06-10前上报（原为 2099-06-01）`,
    );
    expect(child(await view(u.city!, '460100'), '460106')).toMatchObject({
      deadline: '2099-06-20',
    });

    // Cleared, the county's deadline is the city's again (not the plan year's).
    expect(await setDeadline(u.city!, '460105', null)).toBe(204);
    const cleared = await view(u.xiuying!, '460105');
    expect(cleared).toMatchObject({ deadline: '2099-06-20', internalDeadline: null });
    expect(cleared.events[0].reason).toBe(
      '取消内部截止日期，按海口市的截止日期 2099-06-20（原为 2099-06-10）',
    );
    expect((await notices(u.xiuying!))[0]!.message).toBe(
      `海口市：${Y}年度计划须于2099-06-20前上报`,
    );
    expect(await setDeadline(u.province!, '460100', null)).toBe(204);
  });

  it('reminds a county within seven days of its city’s earlier deadline, though it has none of its own', async () => {
    expect(await setDeadline(u.province!, '460100', day(3))).toBe(204);
    expect(await view(u.longhua!, '460106')).toMatchObject({
      deadline: day(3),
      internalDeadline: null,
      daysLeft: daysLeft(day(3), new Date()),
    });
    expect((await notices(u.longhua!))[0]).toMatchObject({
      kind: 'due',
      message: `${Y}年度计划距截止日期（${day(3)}）还有 ${daysLeft(day(3), new Date())} 天`,
    });
    // 三亚's counties keep the plan year's, far ahead.
    expect((await notices(u.haitang!)).map((n) => n.kind)).not.toContain('due');
    expect(await setDeadline(u.province!, '460100', null)).toBe(204);
  });

  it('moves every unit with the plan year’s deadline, caps the internal ones it passes, and tells them', async () => {
    expect(await setDeadline(u.province!, '460100', '2099-06-20')).toBe(204);
    await setPolicyDeadline('2099-06-15');
    expect(await view(u.city!, '460100')).toMatchObject({
      deadline: '2099-06-15',
      internalDeadline: '2099-06-20',
      deadlineCapped: true,
      deadlineNote:
        '受上级截止日期限制：按海南省的截止日期 2099-06-15（内部截止日期 2099-06-20 晚于此日期）',
    });
    expect(await view(u.longhua!, '460106')).toMatchObject({ deadline: '2099-06-15' });
    const moved = `年度报送截止日期已调整：${Y}年度计划须于2099-06-15前上报`;
    expect((await notices(u.longhua!))[0]!.message).toBe(`${moved}（原为 2099-06-20）`);
    expect((await notices(u.haitang!))[0]!.message).toBe(`${moved}（原为 2099-06-30）`);
    expect((await notices(u.province!))[0]!.message).toBe(`${moved}（原为 2099-06-30）`);

    const overview = (await u.ministry!.get(`/api/declarations-overview?year=${Y}`)).json();
    expect(overview).toMatchObject({
      deadline: '2099-06-15',
      daysLeft: daysLeft('2099-06-15', new Date()),
    });
    expect(overview.items.find((p: { code: string }) => p.code === '460000')).toMatchObject({
      deadline: '2099-06-15',
    });
    await setPolicyDeadline('2099-06-30');
    expect(await view(u.city!, '460100')).toMatchObject({
      deadline: '2099-06-20',
      deadlineCapped: false,
    });
    expect(await setDeadline(u.province!, '460100', null)).toBe(204);
  });

  it('shows the ministry’s overview, with its deadline, to the ministries only', async () => {
    const url = `/api/declarations-overview?year=${Y}`;
    expect((await app.inject({ method: 'GET', url })).statusCode).toBe(401);
    for (const who of ['province', 'city', 'xiuying'])
      expect((await u[who]!.get(url)).statusCode).toBe(403);
    const res = await u.ministry!.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.json().deadline).toBe('2099-06-30');
    const items: { code: string; deadline: string }[] = res.json().items;
    expect(items.map((p) => p.code)).toContain('460000');
    expect(new Set(items.map((p) => p.deadline))).toEqual(new Set(['2099-06-30']));
  });
});
