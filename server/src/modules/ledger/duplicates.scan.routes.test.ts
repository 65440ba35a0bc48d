/**
 * POST /api/duplicates/scan: a ledger editor scans their subtree again for suspected duplicates
 * (after an upgrade that pairs by places, say); the prefecture-level units holding its communities
 * are scanned whole, as an import scans them. Who may, and what each finds, on both engines, with
 * scans run in parallel recording each pair once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { App } from '../../http.ts';
import { placeOf, unscanned } from '../../test-support/communities.ts';
import { describeEachEngine } from '../../test-support/engines.ts';
import { addUser, loginAs, type Client } from '../../test-support/fixtures.ts';

describeEachEngine('ledger API: scanning for suspected duplicates', (ctx) => {
  let app: App;
  const as: Record<string, Client> = {};
  beforeAll(async () => {
    app = await buildApp({ db: ctx.db, serveWeb: false });
    const users = [
      ['longhua', '460106', 'county'],
      ['sanya', '460200', 'city'],
      ['hainan', '460000', 'province'],
      ['stats', '460000', 'statistics'],
      ['finance', '460000', 'province_finance'],
      ['ministry', '000000', 'ministry'],
    ] as const;
    for (const [name, region, role] of users) {
      await addUser(ctx.db.db, name, region, [role]);
      as[name] = await loginAs(app, name);
    }
    await ctx.db.db
      .insertInto('communities')
      .values([
        unscanned(placeOf('460105', '460100'), '椰林甲', '海口市椰林路十二号'),
        unscanned(placeOf('460106', '460100'), '椰林乙', '海口市椰林路12号'),
        unscanned(placeOf('460202', '460200'), '凤凰甲', '三亚市凤凰路三号'),
        unscanned(placeOf('460203', '460200'), '凤凰乙', '三亚市凤凰路3号'),
      ])
      .execute();
  });
  afterAll(() => app.close());

  const scan = (who: string) => as[who]!.send('POST', '/api/duplicates/scan', {});
  const suspectedIn = async (who: string) =>
    (await as[who]!.get('/api/communities?suspected=true'))
      .json()
      .items.map((c: { name: string }) => c.name);

  it('is refused to the roles that do not edit the ledger, and to no session', async () => {
    for (const who of ['stats', 'finance', 'ministry']) {
      const res = await scan(who);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.message).toBe('没有编辑台账的权限');
    }
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/duplicates/scan',
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
    // nothing was recorded by the refused
    expect(await suspectedIn('hainan')).toEqual([]);
  });

  it("scans a county's city whole and no further; the province's scan finds the rest", async () => {
    const county = await scan('longhua');
    expect(county.statusCode).toBe(200);
    expect(county.json()).toEqual({ prefectures: 1, suspected: 1 });
    expect(await suspectedIn('longhua')).toEqual(['椰林乙']); // its own side of the pair
    expect(await suspectedIn('sanya')).toEqual([]);

    const province = await Promise.all([scan('hainan'), scan('hainan'), scan('sanya')]);
    expect(province.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(province.map((r) => r.json())).toEqual([
      { prefectures: 2, suspected: 2 },
      { prefectures: 2, suspected: 2 },
      { prefectures: 1, suspected: 1 },
    ]);
    expect((await suspectedIn('hainan')).sort()).toEqual(['凤凰乙', '凤凰甲', '椰林乙', '椰林甲']);
    const pairs = await ctx.db.db
      .selectFrom('duplicate_pairs')
      .select((e) => e.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(pairs.n)).toBe(2); // each once, however many scans ran at once
  });
});
